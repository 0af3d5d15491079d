import { createPiiHasher, type Sink } from '@zakaz/clickhouse-sink'
import type { Logger } from '../log/logger.js'
import { storeReads, type StoreBinding, type SyncStore } from './sync-store.js'

/**
 * A store for `--dry-run`: it reads cursors and stored versions through the sink when one is open (so the dry run
 * shows the window and the days a real run would use), treats unreadable state (no database yet) as empty, and
 * writes nothing at all — no rows, no facts, no cursors, no run records.
 */
export function createDryRunStore(sink: Sink | null, binding: StoreBinding & { piiHashKey?: string; logger: Logger }): SyncStore {
  const reads = sink ? storeReads(sink, binding.tenant, binding.reportTimeZone) : undefined
  const tolerant = async <T>(what: string, read: (() => Promise<T>) | undefined, fallback: T): Promise<T> => {
    if (!read) return fallback
    try {
      return await read()
    } catch (error) {
      binding.logger.debug(`dry run: could not read ${what}; assuming none`, { err: error })
      return fallback
    }
  }
  return {
    dryRun: true,
    pii: sink?.pii ?? createPiiHasher(binding.piiHashKey),
    getCursor: (resource) => tolerant(`the ${resource} cursor`, reads && (() => reads.getCursor(resource)), null),
    storedOrderVersions: (ids) => tolerant('stored order versions', reads && (() => reads.storedOrderVersions(ids)), new Map()),
    storedBasketVersions: (ids) => tolerant('stored basket versions', reads && (() => reads.storedBasketVersions(ids)), new Map()),
    storedRows: (table, ids) => tolerant(`stored ${table} rows`, reads && (() => reads.storedRows(table, ids)), []),
    salesDaysOfOrders: (ids) => tolerant('sales days', reads && (() => reads.salesDaysOfOrders(ids)), []),
    daysWithStaleCity: () => tolerant('facts with a stale city', reads && (() => reads.daysWithStaleCity()), []),
    newestPaidAt: () => tolerant('the newest payment', reads && (() => reads.newestPaidAt()), null),
    async setCursor() {},
    async write(_table, rows) {
      return rows.length
    },
    async recomputeDays() {},
    async startRun() {},
    async finishRun() {},
  }
}
