import { discountToRow } from '../transform/discount.js'
import type { SyncContext } from './sync-context.js'
import { writeChangedRows } from './write-changed.js'

/** Every discount (a short list); the ones that differ from the stored rows are written, sorted by id. */
export async function syncDiscounts(ctx: SyncContext): Promise<void> {
  const rows = []
  for await (const discount of ctx.client.discounts.iterate({ orderBy: { id: 'asc' } })) rows.push(discountToRow(discount, ctx.tenant))
  rows.sort((a, b) => a.discount_id - b.discount_id)
  ctx.tally.read('discounts', rows.length)
  await writeChangedRows(ctx, 'discounts', 'stg_qtickets_api_discounts_raw', rows)
}
