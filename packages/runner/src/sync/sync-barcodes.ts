import type { BarcodeRow } from '@zakaz/clickhouse-sink'
import { barcodeToRow } from '../transform/barcode.js'
import { ShowsFailedError, readPerShow } from './per-show.js'
import type { ShowTarget } from './sync-events.js'
import type { SyncContext } from './sync-context.js'
import { writeChangedRows } from './write-changed.js'

/** Barcode fields asked for: everything but the holders' names, which are never stored. */
export const BARCODE_SELECT = ['barcode', 'admission', 'price', 'seat_name', 'zone_name', 'row', 'place'] as const

/**
 * Reads the currently valid tickets (`shows/{id}/barcodes`) of the upcoming shows, each show isolated like inventory,
 * and writes the new and changed ones (an unchanged ticket keeps its row and its first `seen_at`).
 */
export async function syncBarcodes(ctx: SyncContext, shows: readonly ShowTarget[]): Promise<void> {
  const { rows, failed } = await readPerShow<BarcodeRow>(ctx, 'barcodes', shows, async (show) => {
    const entries = await ctx.client.shows.barcodes(show.showId, { select: BARCODE_SELECT })
    return entries.map((entry) => barcodeToRow(entry, { tenant: ctx.tenant, showId: show.showId, readAt: ctx.now }))
  })
  rows.sort((a, b) => a.show_id - b.show_id || (a.barcode < b.barcode ? -1 : a.barcode > b.barcode ? 1 : 0))
  ctx.tally.read('barcodes', rows.length)
  await writeChangedRows(ctx, 'barcodes', 'stg_qtickets_api_barcodes_raw', rows)
  if (failed.length > 0) throw new ShowsFailedError('barcodes', failed, shows.length)
}
