import type { BasketRow, OrderRow } from '@zakaz/clickhouse-sink'
import { calendarDate, Temporal, type Order } from '@zakaz/qtickets-sdk'
import { orderToRows } from '../transform/order.js'
import { addPendingDays } from './pending-days.js'
import type { SyncContext } from './sync-context.js'

/** What writing one batch of orders did. */
export interface OrderBatchResult {
  orders: number
  baskets: number
  /** Report-zone days the batch changed (added to the job's pending days, recomputed at the end of the orders step). */
  days: string[]
}

/**
 * Writes a batch of order versions and notes the days it changes:
 * 0. keeps one version per order, the newest (a backfill's batch can span windows, and an order updated while the
 *    backfill runs can be read in two of them);
 * 1. transforms them (PII hashed; `_ver` from the source);
 * 2. keeps only rows newer than what is stored (an unchanged order re-read by an overlapping window writes nothing);
 * 3. the days to recompute are the days the changed orders are on in staging now (before the write) plus the
 *    report-zone dates of the new versions' `payed_at`;
 * 4. adds those days to the job's pending days (noted in ClickHouse first), then writes orders, then baskets.
 * The days are recomputed once for the whole orders step (`withPendingDays`), not per batch: a recompute reads the
 * whole staging table, so per batch it made a backfill quadratic in its size.
 */
export async function writeOrderBatch(ctx: SyncContext, batch: readonly Order[]): Promise<OrderBatchResult> {
  const orders = newestVersions(batch)
  const rows = orders.map((order) => orderToRows(order, { tenant: ctx.tenant, pii: ctx.store.pii }))
  const { orderRows, basketRows, stored } = await changedRows(ctx, rows.map((row) => row.order), rows.flatMap((row) => row.baskets))
  const changed = new Set([...orderRows.map((row) => row.order_id), ...basketRows.map((row) => row.order_id)])
  if (changed.size === 0) return { orders: 0, baskets: 0, days: [] }
  const before = await ctx.store.salesDaysOfOrders([...changed].filter(stored))
  const after = orders.flatMap((order) => (changed.has(order.id) && order.payed_at ? [calendarDate(order.payed_at, ctx.reportTimeZone)] : []))
  const days = [...new Set([...before, ...after])].sort()
  await addPendingDays(ctx, days)
  const writtenOrders = await ctx.store.write('stg_qtickets_api_orders_raw', orderRows)
  ctx.tally.wrote('orders', 'stg_qtickets_api_orders_raw', writtenOrders)
  const writtenBaskets = await ctx.store.write('stg_qtickets_api_baskets_raw', basketRows)
  ctx.tally.wrote(null, 'stg_qtickets_api_baskets_raw', writtenBaskets)
  return { orders: writtenOrders, baskets: writtenBaskets, days }
}

/**
 * The rows newer than what is stored, and which orders have a stored row. An order's baskets are written after its
 * row, and staging rows are never deleted, so an order with no stored row has no stored baskets and no sales day:
 * baskets are looked up only for orders that are stored (a backfill into empty tables makes one lookup per batch).
 */
async function changedRows(ctx: SyncContext, orderRows: OrderRow[], basketRows: BasketRow[]): Promise<ChangedRows> {
  if (ctx.rewrite) return { orderRows, basketRows, stored: () => true }
  const orderVersions = await ctx.store.storedOrderVersions(orderRows.map((row) => row.order_id))
  const storedIds = [...orderVersions.keys()]
  const basketVersions = storedIds.length > 0 ? await ctx.store.storedBasketVersions(storedIds) : new Map<number, number>()
  return {
    orderRows: orderRows.filter((row) => (orderVersions.get(row.order_id) ?? -1) < row._ver),
    basketRows: basketRows.filter((row) => (basketVersions.get(row.basket_id) ?? -1) < row._ver),
    stored: (orderId) => orderVersions.has(orderId),
  }
}

interface ChangedRows {
  orderRows: OrderRow[]
  basketRows: BasketRow[]
  /** False when the order has no stored row (so nothing else of it is stored); always true with `rewrite`. */
  stored: (orderId: number) => boolean
}

/** One order per id: the version with the latest `updated_at` (the later read when equal). */
export function newestVersions(orders: readonly Order[]): readonly Order[] {
  const byId = new Map<number, Order>()
  for (const order of orders) {
    const seen = byId.get(order.id)
    if (!seen || Temporal.Instant.compare(order.updated_at, seen.updated_at) >= 0) byId.set(order.id, order)
  }
  return byId.size === orders.length ? orders : [...byId.values()]
}
