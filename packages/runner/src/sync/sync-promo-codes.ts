import { promoCodeToRow } from '../transform/promo-code.js'
import type { SyncContext } from './sync-context.js'

/** Every promo code, written sorted by id (an unchanged list is dropped by its dedup token). */
export async function syncPromoCodes(ctx: SyncContext): Promise<void> {
  const rows = []
  for await (const promoCode of ctx.client.promoCodes.iterate({ orderBy: { id: 'asc' } })) rows.push(promoCodeToRow(promoCode, ctx.tenant))
  rows.sort((a, b) => a.promo_code_id - b.promo_code_id)
  ctx.tally.read('promo_codes', rows.length)
  ctx.tally.wrote('promo_codes', 'stg_qtickets_api_promo_codes_raw', await ctx.store.write('stg_qtickets_api_promo_codes_raw', rows))
}
