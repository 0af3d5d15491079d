/** The sync engine: one tenant's incremental run and backfill, their windows, stores and building blocks. */
export { syncTenant, syncOptionalResources, SYNC_RESOURCES, REQUIRED_RESOURCES, DEFAULT_WINDOW, type SyncTenantOptions } from './sync-tenant.js'
export { backfillTenant, backfillCursor, type BackfillTenantOptions, type BackfillProgress } from './backfill-tenant.js'
export { runTenantJob, type TenantJobOptions, type SyncTenant } from './tenant-job.js'
export { createTenantClient, limitFetch, type TenantClientOverrides } from './tenant-client.js'
export {
  syncOrders,
  syncOrdersWindow,
  incrementalOrdersWindow,
  ORDERS_CURSOR,
  type OrdersWindowOptions,
  type OrdersWindowResult,
  type OrdersWindowSpec,
} from './sync-orders.js'
export {
  datedWindows,
  floorToSecond,
  incrementalWindow,
  inWindow,
  parseCursor,
  startOfDay,
  type DatedWindow,
  type IncrementalWindowOptions,
  type SyncWindow,
} from './sync-window.js'
export { keysetPages, KeysetStalledError, type KeysetPage, type KeysetScan } from './keyset-pages.js'
export { writeOrderBatch, type OrderBatchResult } from './order-batch.js'
export { createOrderWriter, ORDERS_PER_BATCH, type OrderWriter } from './order-writer.js'
export { PENDING_DAYS_RESOURCE } from './pending-days.js'
export { createSinkStore, type StoreBinding, type SyncStore } from './sync-store.js'
export { createDryRunStore } from './dry-run-store.js'
export { DEFAULT_PAGE_SIZE, type SyncContext } from './sync-context.js'
export { syncEvents, snapshotShows, type EventsResult, type ShowTarget } from './sync-events.js'
export { ShowsFailedError, type ShowFailure } from './per-show.js'
export { CLIENTS_CURSOR } from './sync-clients.js'
export { toFailure, describeFailures, RequiredResourceError } from './failure.js'
export { watchSdkEvents, logSdkEvent, SLOW_PAGE_MS } from './sdk-events.js'
export { createLimiter, forEachConcurrently, type Limiter } from './limiter.js'
export { noopRunObserver, type ResourceFailure, type RunObserver, type SyncResource, type TenantRunResult, type TenantRunStatus } from './types.js'
