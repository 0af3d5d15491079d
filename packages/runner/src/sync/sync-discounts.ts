import { discountToRow } from '../transform/discount.js'
import type { SyncContext } from './sync-context.js'

/** Every discount (a short list), written sorted by id: an unchanged list is a byte-identical batch, dropped by its dedup token. */
export async function syncDiscounts(ctx: SyncContext): Promise<void> {
  const rows = []
  for await (const discount of ctx.client.discounts.iterate({ orderBy: { id: 'asc' } })) rows.push(discountToRow(discount, ctx.tenant))
  rows.sort((a, b) => a.discount_id - b.discount_id)
  ctx.tally.read('discounts', rows.length)
  ctx.tally.wrote('discounts', 'stg_qtickets_api_discounts_raw', await ctx.store.write('stg_qtickets_api_discounts_raw', rows))
}
