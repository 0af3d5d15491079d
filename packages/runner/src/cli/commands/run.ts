import type { Sink } from '@zakaz/clickhouse-sink'
import { requireTenants } from '../../config/require-tenants.js'
import { clickhouseRunnerError } from '../../doctor/clickhouse-failure.js'
import { loadDotenv } from '../../env/load-dotenv.js'
import { ExitCode } from '../../exit-codes.js'
import { createRunObserver } from '../../observability/run-observer.js'
import { openSink } from '../../sink/open-sink.js'
import { openWhenFree } from '../../sink/open-when-free.js'
import { worstExitCode } from '../../sync/exit-code.js'
import { forEachTenant } from '../../sync/for-each-tenant.js'
import { resolvePageSize } from '../../sync/page-size.js'
import { summaryJson, summaryText } from '../../sync/run-summary.js'
import { syncTenant } from '../../sync/sync-tenant.js'
import { createTenantClient } from '../../sync/tenant-client.js'
import type { SyncResource } from '../../sync/types.js'
import type { Command, CommandContext } from '../command.js'
import { listOption, nonNegativeIntegerOption, stringOption } from '../option-values.js'
import { API_ENV, CLICKHOUSE_ENV, MONITORING_ENV, SYNC_ENV } from './env-groups.js'
import { LOCK_HELD_MEANING, SYNC_EXIT_CODES, LOCK_WAIT_OPTION, parseResources, RESOURCE_OPTION } from './shared-options.js'

/** Tenants synced at once by one `run` (each tenant's own requests are bounded by its concurrency). */
export const TENANTS_AT_ONCE = 2

/** `--page-size <n>`: records per list page. */
export const PAGE_SIZE_OPTION = {
  name: 'page-size',
  type: 'string',
  valueName: 'n',
  description: 'records asked for per list page (the API may answer fewer; its maximum is unknown)',
  defaultText: '$QTICKETS_PAGE_SIZE, else 500',
} as const

/** `qtickets-load run`: incremental sync of every resource for every tenant. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Incremental sync of every resource for every tenant',
  usage: 'qtickets-load run [--resource <list>] [--lock-wait <seconds>] [--metrics-file <path>] [options]',
  description:
    "For each tenant, under its own lock: loads events (into dim_events/dim_shows), then every order whose updated_at lies between the tenant's cursor minus QTICKETS_LAG_MINUTES and now (the first run reads the last QTICKETS_INITIAL_DAYS days), paging by id and re-checking every record against the window, writes only versions not stored yet, recomputes the facts of every affected day, and only then moves the cursor; then clients, discounts, promo codes, colour themes, and inventory and barcodes of upcoming shows. Events and orders must succeed; an optional resource that fails is recorded and makes the run partial (exit 2). --dry-run reads the API for real and validates everything but writes nothing (not even a run record). Every run is recorded in meta_job_runs.",
  options: [
    RESOURCE_OPTION,
    LOCK_WAIT_OPTION,
    PAGE_SIZE_OPTION,
    { name: 'metrics-file', type: 'string', valueName: 'path', description: 'write the run metrics to this Prometheus textfile (for node_exporter)' },
  ],
  env: [...API_ENV, ...SYNC_ENV, ...CLICKHOUSE_ENV, ...MONITORING_ENV],
  globalOptions: ['config', 'tenant', 'dry-run'],
  examples: ['qtickets-load run', 'qtickets-load run --config tenants.json --tenant acme --resource orders,events', 'qtickets-load run --dry-run --verbose'],
  exitCodes: SYNC_EXIT_CODES,
  exitCodeMeanings: { [ExitCode.LOCK_HELD]: LOCK_HELD_MEANING },
  async run(ctx) {
    const resources = parseResources(listOption(ctx.options, 'resource')) as SyncResource[]
    const lockWaitMs = (nonNegativeIntegerOption(ctx.options, 'lock-wait', 86_400) ?? 0) * 1000
    const config = ctx.loadConfig()
    const env = loadDotenv({ env: ctx.io.env, cwd: ctx.io.cwd }).env
    const pageSize = resolvePageSize(stringOption(ctx.options, 'page-size'), env)
    const tenants = requireTenants(config)
    const metricsFile = stringOption(ctx.options, 'metrics-file')
    ctx.logger.debug('run planned', { tenants: tenants.map((tenant) => tenant.name), resources, lock_wait_ms: lockWaitMs, dry_run: config.dryRun, page_size: pageSize })
    const observer = await createRunObserver({ config, logger: ctx.logger, env, ...(metricsFile ? { metricsFile } : {}), ...(ctx.io.now ? { now: ctx.io.now } : {}) })
    const waitUntil = Date.now() + lockWaitMs
    const sink = await openSinkFor(ctx, config.dryRun, waitUntil)
    try {
      const outcomes = await forEachTenant(
        tenants,
        { concurrency: TENANTS_AT_ONCE, lockDir: config.lockDir, runId: ctx.runId, lockWaitMs: msUntil(waitUntil), dryRun: config.dryRun, logger: ctx.logger, signal: ctx.signal },
        async (tenant, signal) => {
          const result = await syncTenant({
            tenant,
            sink,
            client: createTenantClient(tenant),
            resources,
            dryRun: config.dryRun,
            logger: ctx.logger,
            observer,
            signal,
            reportTimeZone: config.reportTimeZone,
            now: ctx.io.now?.() ?? new Date(),
            runId: ctx.runId,
            job: 'run',
            pageSize,
            window: { lagMinutes: config.lagMinutes, initialDays: config.initialDays },
            ...(config.piiHashKey ? { piiHashKey: config.piiHashKey } : {}),
          })
          observer.onTenantFinished(result)
          return result
        },
      )
      const exitCode = worstExitCode(outcomes.map((outcome) => outcome.exitCode))
      ctx.output(summaryJson('run', ctx.runId, config.dryRun, exitCode, outcomes), () => summaryText('run', config.dryRun, outcomes))
      return exitCode
    } finally {
      await observer.close()
      await sink?.close()
    }
  },
}

/**
 * Opens the sink (a failure is a clear ClickHouse error: exit 69, or 78 for credentials). While another process holds the
 * embedded engine's folder it keeps trying until `waitUntil` (a `Date.now()` time, from `--lock-wait`), then exits 75
 * saying so. In a dry run it is only read (cursors, stored versions), and a failure to open is a warning: the dry run
 * goes on as if nothing were stored.
 */
export async function openSinkFor(ctx: CommandContext, dryRun: boolean, waitUntil = Date.now()): Promise<Sink | null> {
  const config = ctx.loadConfig()
  try {
    return await openWhenFree(() => openSink(config, ctx.logger), { dataDir: config.clickhouse.dataDir, waitMs: msUntil(waitUntil), logger: ctx.logger, signal: ctx.signal })
  } catch (error) {
    if (!dryRun || ctx.signal.aborted) throw clickhouseRunnerError(error, config.clickhouse)
    ctx.logger.warn('dry run: ClickHouse could not be opened; cursors are assumed empty', { err: error })
    return null
  }
}

/** Milliseconds left until a `Date.now()` time, never negative: what is left of `--lock-wait` for the tenant locks. */
export function msUntil(time: number): number {
  return Math.max(0, time - Date.now())
}
