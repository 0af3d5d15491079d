import type { Sink } from '@zakaz/clickhouse-sink'
import { Temporal, type QticketsClient } from '@zakaz/qtickets-sdk'
import type { Logger } from '../log/logger.js'
import { createDryRunStore } from './dry-run-store.js'
import { describeFailures, RequiredResourceError, toFailure } from './failure.js'
import { createRunTally } from './run-tally.js'
import { watchSdkEvents } from './sdk-events.js'
import { DEFAULT_PAGE_SIZE, type SyncContext } from './sync-context.js'
import { createSinkStore, type SyncStore } from './sync-store.js'
import { floorToSecond } from './sync-window.js'
import { noopRunObserver, type RunObserver, type SyncResource, type TenantRunResult, type TenantRunStatus } from './types.js'

/** The tenant a job syncs: its name, and how many requests its token may have in flight. */
export interface SyncTenant {
  name: string
  /** Concurrent per-show requests (default 2). */
  concurrency?: number
}

/** Options shared by `syncTenant` and `backfillTenant`. */
export interface TenantJobOptions {
  tenant: SyncTenant
  /** The ClickHouse sink; may be null only in a dry run. */
  sink: Sink | null
  /** The tenant's SDK client (`createTenantClient`), with its own breaker. */
  client: QticketsClient
  /** Read and validate everything, write nothing (no rows, facts, cursors or run records). */
  dryRun?: boolean
  logger: Logger
  /** Receives SDK events (run and backfill report them; default: nothing). */
  observer?: RunObserver
  signal?: AbortSignal
  /** IANA zone of sales dates (default Europe/Moscow). */
  reportTimeZone?: string
  /** The job's reference time: window end and snapshot time (default: the real clock). */
  now?: Temporal.Instant | Date
  /** Stored with the run record and cursors. */
  runId: string
  /** Job name in meta_job_runs. */
  job?: TenantRunResult['job']
  /** Records per list page (default 500, `QTICKETS_PAGE_SIZE`). */
  pageSize?: number
  /** Write every row read (orders and dimension rows) even when the same version is stored already (default false). */
  rewrite?: boolean
  /** PII key for a dry run without a sink. */
  piiHashKey?: string
}

/**
 * Runs one tenant job: records it as running, subscribes to the client's events, runs `body`, and always records how it
 * ended (`ok`, `partial` when an optional resource failed, `error` when a required one failed or anything threw).
 * Never throws for a failed sync: the result says what happened. It throws only when the run could not even be
 * recorded as started (ClickHouse unreachable) or when the options are unusable.
 */
export async function runTenantJob(options: TenantJobOptions, body: (ctx: SyncContext) => Promise<void>): Promise<TenantRunResult> {
  const startedAt = new Date()
  const job = options.job ?? 'run'
  const dryRun = options.dryRun ?? false
  const reportTimeZone = options.reportTimeZone ?? 'Europe/Moscow'
  const logger = options.logger.child({ run_id: options.runId, tenant: options.tenant.name, ...(dryRun ? { dry_run: true } : {}) })
  const store = openStore(options, { dryRun, reportTimeZone, logger })
  const tally = createRunTally()
  let resource: SyncResource | undefined
  const ctx: SyncContext = {
    tenant: options.tenant.name,
    client: options.client,
    store,
    logger,
    signal: options.signal ?? new AbortController().signal,
    now: toInstant(options.now),
    reportTimeZone,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    concurrency: options.tenant.concurrency ?? 2,
    rewrite: options.rewrite ?? false,
    pendingDays: new Set(),
    tally,
    setResource(next) {
      resource = next
    },
  }
  await store.startRun(job)
  const unwatch = watchSdkEvents(options.client, { tenant: ctx.tenant, logger, observer: options.observer ?? noopRunObserver, resource: () => resource })
  let failed = false
  try {
    await body(ctx)
  } catch (error) {
    failed = true
    if (ctx.signal.aborted) {
      tally.failures.push({ ...toFailure(resource ?? 'orders', error), kind: 'aborted' })
      logger.warn(`${job} interrupted`, { resource })
    } else if (!(error instanceof RequiredResourceError)) {
      tally.failures.push(toFailure(resource ?? 'orders', error))
      logger.error(`${job} failed`, { resource, err: error })
    }
  } finally {
    unwatch()
  }
  let status: TenantRunStatus = failed ? 'error' : tally.failures.length > 0 ? 'partial' : 'ok'
  try {
    await store.finishRun({ job, status, rowsByResource: { ...tally.rowsWritten }, ...(tally.failures.length ? { error: describeFailures(tally.failures) } : {}) })
  } catch (error) {
    tally.failures.push(toFailure(resource ?? 'orders', error))
    logger.error('could not record the end of the run', { err: error })
    status = 'error'
  }
  const finishedAt = new Date()
  const result: TenantRunResult = {
    tenant: ctx.tenant,
    runId: options.runId,
    job,
    status,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    rowsRead: { ...tally.rowsRead },
    rowsWritten: dryRun ? zeroed(tally.rowsWritten) : { ...tally.rowsWritten },
    failures: [...tally.failures],
    newestPaidAt: await store.newestPaidAt().catch(() => null),
    recomputedDays: [...tally.recomputedDays].sort(),
    rowsByTable: { ...tally.rowsByTable },
  }
  logger.info(`${job} ${status}`, {
    status,
    ms: result.durationMs,
    read: result.rowsRead,
    [dryRun ? 'would_write' : 'written']: result.rowsByTable,
    recomputed_days: result.recomputedDays.length,
  })
  return result
}

function openStore(options: TenantJobOptions, settings: { dryRun: boolean; reportTimeZone: string; logger: Logger }): SyncStore {
  const binding = { tenant: options.tenant.name, reportTimeZone: settings.reportTimeZone, runId: options.runId }
  if (settings.dryRun) return createDryRunStore(options.sink, { ...binding, logger: settings.logger, ...(options.piiHashKey ? { piiHashKey: options.piiHashKey } : {}) })
  if (!options.sink) throw new TypeError('a sink is required unless dryRun is set')
  return createSinkStore(options.sink, binding)
}

function zeroed<K extends string>(counts: Partial<Record<K, number>>): Partial<Record<K, number>> {
  return Object.fromEntries(Object.keys(counts).map((key) => [key, 0])) as Partial<Record<K, number>>
}

function toInstant(now: Temporal.Instant | Date | undefined): Temporal.Instant {
  if (now === undefined) return floorToSecond(Temporal.Now.instant())
  return floorToSecond(now instanceof Date ? Temporal.Instant.fromEpochMilliseconds(now.getTime()) : now)
}
