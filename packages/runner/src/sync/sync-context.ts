import type { QticketsClient, Temporal } from '@zakaz/qtickets-sdk'
import type { Logger } from '../log/logger.js'
import type { RunTally } from './run-tally.js'
import type { SyncStore } from './sync-store.js'
import type { SyncResource } from './types.js'

/** Default records asked for per list page (`QTICKETS_PAGE_SIZE`). */
export const DEFAULT_PAGE_SIZE = 500

/** What every per-resource syncer of one tenant job works with. */
export interface SyncContext {
  /** Tenant name. */
  tenant: string
  /** The tenant's SDK client (its own breaker). */
  client: QticketsClient
  /** Where rows go (or, in a dry run, where they would go). */
  store: SyncStore
  /** Logger with run_id and tenant. */
  logger: Logger
  /** Aborted on SIGINT/SIGTERM or when the tenant lock is lost. */
  signal: AbortSignal
  /** The job's reference time: window end, snapshot time (whole seconds). */
  now: Temporal.Instant
  /** IANA zone of sales dates. */
  reportTimeZone: string
  /** Records asked for per list page. */
  pageSize: number
  /** Requests in flight per token: per-show reads, and the windows a backfill reads at once. */
  concurrency: number
  /** Write every row read (order versions and dimension rows), even when the same version is stored already (re-hash PII, repair rows). */
  rewrite: boolean
  /** Report-zone days whose facts are stale: written since the last recompute (mirrored in the pending-days note). */
  pendingDays: Set<string>
  /** Counts of what the job did. */
  tally: RunTally
  /** Marks the resource being synced (for logs and SDK event labels). */
  setResource(resource: SyncResource | undefined): void
}
