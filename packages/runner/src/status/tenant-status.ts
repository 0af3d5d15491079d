import type { JobRun, Sink } from '@zakaz/clickhouse-sink'
import type { TenantHealthInput } from '../observability/health'
import { RESOURCES, type Resource } from '../observability/resources'
import type { BreakerState, RunStatus } from '../observability/types'
import { readLastSuccessAt, readNewestPaidAt } from './freshness-queries'

/** A resource's incremental cursor, as stored in meta_sync_state (null: never synced). */
export interface ResourceCursor {
  resource: Resource
  cursor: string | null
}

/** What ClickHouse (and the metrics file, for the breaker) says about one tenant. */
export interface TenantStatus {
  tenant: string
  /** Newest `run`/`demo` run, finished or still `running`. */
  lastRun: JobRun | null
  /** Newest finished `run`/`demo` run: the one health judges. */
  lastFinishedRun: JobRun | null
  /** Finish time of the last `ok` or `partial` run (backfills excluded). */
  lastSuccessAt: Date | null
  /** Newest backfill, shown for information. */
  lastBackfill: JobRun | null
  /** Newest `payed_at` among the tenant's paid orders. */
  newestPaidAt: Date | null
  /** From the metrics file; undefined without one. */
  breakerState?: BreakerState
  cursors: ResourceCursor[]
}

const RECENT_RUNS = 50

/** Reads a tenant's runs, cursors and freshness from ClickHouse; `breakerState` comes from the caller (metrics file). */
export async function readTenantStatus(sink: Sink, tenant: string, breakerState?: BreakerState): Promise<TenantStatus> {
  const runs = await sink.lastRuns({ tenant, limit: RECENT_RUNS })
  const incremental = runs.filter((run) => run.job !== 'backfill')
  const cursors: ResourceCursor[] = []
  for (const resource of RESOURCES) cursors.push({ resource, cursor: await sink.getCursor(tenant, resource) })
  return {
    tenant,
    lastRun: incremental[0] ?? null,
    lastFinishedRun: incremental.find((run) => run.status !== 'running') ?? null,
    lastSuccessAt: await readLastSuccessAt(sink, tenant),
    lastBackfill: runs.find((run) => run.job === 'backfill') ?? null,
    newestPaidAt: await readNewestPaidAt(sink, tenant),
    ...(breakerState ? { breakerState } : {}),
    cursors,
  }
}

/** The tenant as `evaluateHealth` takes it. */
export function toHealthInput(status: TenantStatus): TenantHealthInput {
  return {
    tenant: status.tenant,
    lastSuccessAt: status.lastSuccessAt,
    lastRunStatus: (status.lastFinishedRun?.status as RunStatus | undefined) ?? null,
    newestDataAt: status.newestPaidAt,
    ...(status.breakerState ? { breakerState: status.breakerState } : {}),
  }
}
