import { promoCodeToRow } from '../transform/promo-code.js'
import type { SyncContext } from './sync-context.js'
import { writeChangedRows } from './write-changed.js'

/** Every promo code; the ones that differ from the stored rows are written, sorted by id. */
export async function syncPromoCodes(ctx: SyncContext): Promise<void> {
  const rows = []
  for await (const promoCode of ctx.client.promoCodes.iterate({ orderBy: { id: 'asc' } })) rows.push(promoCodeToRow(promoCode, ctx.tenant))
  rows.sort((a, b) => a.promo_code_id - b.promo_code_id)
  ctx.tally.read('promo_codes', rows.length)
  await writeChangedRows(ctx, 'promo_codes', 'stg_qtickets_api_promo_codes_raw', rows)
}
