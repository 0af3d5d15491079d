import type { Order } from '@zakaz/qtickets-sdk'
import { writeOrderBatch } from './order-batch.js'
import type { SyncContext } from './sync-context.js'

/** Orders collected before one write: about 2 000 orders and 3 400 baskets per insert (a few MB of rows in memory). */
export const ORDERS_PER_BATCH = 2_000

/**
 * Collects the orders of an orders step into batches and writes each batch while the next one is being read: at most
 * one batch is in flight, and batches are written one after another, in the order they were added (so a batch's
 * version lookups always see the batches before it).
 */
export interface OrderWriter {
  /** Adds orders; when the batch is full, waits for the batch in flight, then starts writing this one. */
  add(orders: readonly Order[]): Promise<void>
  /**
   * Runs `after` once every order added so far is stored (e.g. to move a backfill's progress past a window). A later
   * checkpoint supersedes one still waiting for the same write: only the last runs (one progress write per batch).
   */
  checkpoint(after: () => Promise<void>): void
  /** Writes what is collected and waits until everything added so far is stored; throws the first failed write. */
  drain(): Promise<void>
  /** Waits for the batch in flight without throwing: a caller that failed must not leave a write running behind it. */
  settle(): Promise<void>
  /** Order rows written so far (changed versions only). */
  readonly written: number
}

interface PendingBatch {
  orders: Order[]
  checkpoint?: () => Promise<void>
}

/** A writer for one orders step of `ctx`. */
export function createOrderWriter(ctx: SyncContext, batchSize = ORDERS_PER_BATCH): OrderWriter {
  let collecting: PendingBatch = { orders: [] }
  let inFlight: Promise<void> = Promise.resolve()
  let written = 0

  const write = async (batch: PendingBatch) => {
    if (batch.orders.length > 0) written += (await writeOrderBatch(ctx, batch.orders)).orders
    await batch.checkpoint?.()
  }
  // Each batch is chained after the one before it, so concurrent adders (backfill lanes) never write two at once.
  const startWrite = async () => {
    const previous = inFlight
    const batch = collecting
    collecting = { orders: [] }
    inFlight = previous.then(() => write(batch))
    inFlight.catch(() => {}) // surfaced by the next add or drain; settle() never throws
    await previous
  }

  return {
    async add(orders) {
      collecting.orders.push(...orders)
      if (collecting.orders.length >= batchSize) await startWrite()
    },
    checkpoint(after) {
      collecting.checkpoint = after
    },
    async drain() {
      await startWrite()
      await inFlight
    },
    async settle() {
      await inFlight.catch(() => {})
    },
    get written() {
      return written
    },
  }
}
