import type { Order } from '@zakaz/qtickets-sdk'
import { keysetPages } from './keyset-pages.js'
import { createOrderWriter, type OrderWriter } from './order-writer.js'
import { withPendingDays } from './pending-days.js'
import type { SyncContext } from './sync-context.js'
import { incrementalWindow, inWindow, parseCursor, type IncrementalWindowOptions, type SyncWindow } from './sync-window.js'

/** The incremental cursor of orders (an ISO instant: the end of the last completed window). */
export const ORDERS_CURSOR = 'orders'

/** What one window of orders did. */
export interface OrdersWindowResult {
  /** Orders read that passed the re-check. */
  read: number
  /** Records the re-check dropped (outside the window, or already read). */
  dropped: number
  /** Order rows written (changed versions only); 0 with a shared writer, which counts for all its windows. */
  written: number
}

/** Options of `syncOrdersWindow`. */
export interface OrdersWindowOptions {
  /** A writer shared with other windows (a backfill's), drained by its owner; by default one is made and drained here. */
  writer?: OrderWriter
  /** Stops reading besides `ctx.signal` (a backfill lane whose sibling failed). */
  signal?: AbortSignal
}

/**
 * Reads every order whose `updated_at` lies in `[window.from, window.to)` — so refunds and cancellations of old orders
 * arrive too — by keyset pagination on id, re-checks each record, and hands them to the writer, which writes batches
 * of about `ORDERS_PER_BATCH` while the next pages are read, adding the days they change to the job's pending days
 * (the caller recomputes them: see `withPendingDays`). Memory holds two batches and a page, never the window.
 */
export async function syncOrdersWindow(ctx: SyncContext, window: SyncWindow, options: OrdersWindowOptions = {}): Promise<OrdersWindowResult> {
  const writer = options.writer ?? createOrderWriter(ctx)
  const result: OrdersWindowResult = { read: 0, dropped: 0, written: 0 }
  const pages = keysetPages<Order>({
    resource: 'orders',
    signal: options.signal ? AbortSignal.any([ctx.signal, options.signal]) : ctx.signal,
    fetchAfter: (afterId) =>
      ctx.client.orders.list({
        where: [
          ['updated_at', '>=', window.from],
          ['updated_at', '<', window.to],
          ['id', '>', afterId],
        ],
        orderBy: { id: 'asc' },
        page: 1,
        perPage: ctx.pageSize,
      }),
    keep: (order) => inWindow(order.updated_at, window),
  })
  try {
    for await (const page of pages) {
      result.read += page.items.length
      result.dropped += page.dropped
      ctx.tally.read('orders', page.items.length)
      ctx.tally.dropped('orders', page.dropped)
      await writer.add(page.items)
    }
    if (options.writer) return result
    await writer.drain()
    result.written = writer.written
    return result
  } finally {
    if (!options.writer) await writer.settle()
  }
}

/** Where an orders sync reads: the incremental window from the cursor, or a fixed window (the cursor is then left alone). */
export type OrdersWindowSpec = IncrementalWindowOptions | SyncWindow

/**
 * The orders step of a run: reads the window (`[cursor − lag, now)`, or `[now − initialDays, now)` on the first run),
 * recomputes the days it changed together with any an interrupted run left pending, and only then moves the cursor to
 * the window's end. A fixed window never moves the cursor.
 */
export async function syncOrders(ctx: SyncContext, spec: OrdersWindowSpec): Promise<OrdersWindowResult> {
  const fixed = 'from' in spec
  const window = fixed ? spec : await incrementalOrdersWindow(ctx, spec)
  ctx.logger.info('reading orders updated in the window', { resource: 'orders', from: window.from.toString(), to: window.to.toString() })
  const result = await withPendingDays(ctx, () => syncOrdersWindow(ctx, window))
  if (!fixed) await ctx.store.setCursor(ORDERS_CURSOR, window.to.toString())
  warnAboutDropped(ctx)
  return result
}

/** The incremental window from the stored cursor. */
export async function incrementalOrdersWindow(ctx: SyncContext, options: IncrementalWindowOptions): Promise<SyncWindow> {
  const stored = await ctx.store.getCursor(ORDERS_CURSOR)
  return incrementalWindow({ cursor: stored ? parseCursor(ORDERS_CURSOR, stored) : null, now: ctx.now, ...options })
}

/** One warning per job when the re-check dropped records the API should not have sent. */
export function warnAboutDropped(ctx: SyncContext): void {
  const dropped = ctx.tally.droppedByRecheck.orders ?? 0
  if (dropped === 0) return
  ctx.logger.warn(`the API returned ${dropped} records outside the requested window; they were re-checked and ignored`, {
    resource: 'orders',
    dropped,
    kept: ctx.tally.rowsRead.orders ?? 0,
  })
}
