import type { QticketsEvent } from '@zakaz/qtickets-sdk'

/** The resources one tenant run can sync, in the order they are synced. */
export type SyncResource =
  | 'events'
  | 'orders'
  | 'clients'
  | 'discounts'
  | 'promo_codes'
  | 'color_themes'
  | 'inventory'
  | 'barcodes'

/** Final status of a tenant run, as written to meta_job_runs. */
export type TenantRunStatus = 'ok' | 'partial' | 'error'

/** Why one resource failed in a run (structured, never free text with data in it). */
export interface ResourceFailure {
  resource: SyncResource
  /** SDK error kind (`auth`, `server`, `invalid_response`…), `sink` for a ClickHouse error, or `internal`. */
  kind: string
  /** HTTP status, when the failure was an HTTP answer. */
  status?: number
  /** Redacted one-line message (no token, no PII). */
  message: string
}

/** What one tenant run did: the unit the CLI summarises and the observer exports. */
export interface TenantRunResult {
  tenant: string
  runId: string
  job: 'run' | 'backfill' | 'demo'
  status: TenantRunStatus
  startedAt: Date
  finishedAt: Date
  durationMs: number
  /** Records read from the API (after client-side re-checks), per resource. */
  rowsRead: Partial<Record<SyncResource, number>>
  /** Rows written to ClickHouse, per resource (0 in a dry run). */
  rowsWritten: Partial<Record<SyncResource, number>>
  failures: ResourceFailure[]
  /** Newest `payed_at` among the orders in ClickHouse for this tenant after the run (data freshness), if known. */
  newestPaidAt: Date | null
  /** Days whose facts were recomputed. */
  recomputedDays: string[]
  /** Rows written per ClickHouse table (in a dry run: the rows that would have been written). */
  rowsByTable?: Record<string, number>
}

/** Receives what runs do, for metrics, the Prometheus file and alerts. `run` calls it; a no-op is fine. */
export interface RunObserver {
  /** Every SDK event (`request`, `retry`, `breaker`, `page`) of a tenant's client, with the resource being synced. */
  onSdkEvent(tenant: string, event: QticketsEvent, resource?: SyncResource): void
  /** Called once per tenant when its run is recorded. */
  onTenantFinished(result: TenantRunResult): void
  /** Writes the metrics file, evaluates health and sends alerts; never throws. */
  close(): Promise<void>
}

/** An observer that does nothing. */
export const noopRunObserver: RunObserver = {
  onSdkEvent() {},
  onTenantFinished() {},
  async close() {},
}
