import type { InventoryRow } from '@zakaz/clickhouse-sink'
import { seatsToInventory, type InventorySeat } from '../transform/inventory.js'
import { ShowsFailedError, readPerShow } from './per-show.js'
import type { ShowTarget } from './sync-events.js'
import type { SyncContext } from './sync-context.js'

/** Seat fields the inventory needs (a smaller answer than every documented field). */
export const INVENTORY_SEAT_FIELDS = [
  'id',
  'root_id',
  'zone_root_id',
  'disabled',
  'max_quantity',
  'free_quantity',
  'payed_quantity',
  'ordered_quantity',
  'in_basket_quantity',
] as const satisfies ReadonlyArray<keyof InventorySeat | 'id'>

/**
 * Snapshots `shows/{id}/seats` of the upcoming shows (one row per show and zone, at `ctx.now`), each show isolated.
 * Rows of the shows that worked are written; if any show failed for another reason than "not found", the resource
 * fails afterwards (run `partial`) naming the shows.
 */
export async function syncInventory(ctx: SyncContext, shows: readonly ShowTarget[]): Promise<void> {
  const { rows, failed } = await readPerShow<InventoryRow>(ctx, 'inventory', shows, async (show) => {
    const seats = await ctx.client.shows.seats(show.showId, { select: INVENTORY_SEAT_FIELDS })
    return seatsToInventory(seats, { tenant: ctx.tenant, eventId: show.eventId, showId: show.showId, snapshotAt: ctx.now })
  })
  rows.sort((a, b) => a.show_id - b.show_id || (a.zone_id < b.zone_id ? -1 : a.zone_id > b.zone_id ? 1 : 0))
  ctx.tally.read('inventory', rows.length)
  ctx.tally.wrote('inventory', 'stg_qtickets_api_inventory_raw', await ctx.store.write('stg_qtickets_api_inventory_raw', rows))
  if (failed.length > 0) throw new ShowsFailedError('inventory', failed, shows.length)
}
