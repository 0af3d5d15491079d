import { Temporal } from '@zakaz/qtickets-sdk'
import { requireTenants } from '../../config/require-tenants.js'
import { loadDotenv } from '../../env/load-dotenv.js'
import { ExitCode } from '../../exit-codes.js'
import { createRunObserver } from '../../observability/run-observer.js'
import { backfillTenant } from '../../sync/backfill-tenant.js'
import { worstExitCode } from '../../sync/exit-code.js'
import { forEachTenant } from '../../sync/for-each-tenant.js'
import { resolvePageSize } from '../../sync/page-size.js'
import { summaryJson, summaryText } from '../../sync/run-summary.js'
import { createTenantClient } from '../../sync/tenant-client.js'
import { datedWindows, floorToSecond } from '../../sync/sync-window.js'
import type { SyncResource } from '../../sync/types.js'
import type { Command } from '../command.js'
import { daysInRange, parseDateRange } from '../date-range.js'
import { listOption, nonNegativeIntegerOption, positiveIntegerOption, stringOption } from '../option-values.js'
import { API_ENV, CLICKHOUSE_ENV, SYNC_ENV } from './env-groups.js'
import { msUntil, openSinkFor, PAGE_SIZE_OPTION } from './run.js'
import { LOCK_HELD_MEANING, SYNC_EXIT_CODES, LOCK_WAIT_OPTION, parseResources, RESOURCE_OPTION } from './shared-options.js'

/** `qtickets-load backfill --from --to`: reloads a date range window by window. */
export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'Reload a date range in bounded windows (never moves the incremental cursor)',
  usage: 'qtickets-load backfill --from <date> --to <date> [--window-days <n>] [--restart] [options]',
  description:
    "Loads events once, then, window by window over the inclusive dates --from..--to (calendar dates in QTICKETS_REPORT_TZ), every order whose current updated_at falls in the window — paging by id and re-checking every record — and then recomputes, once, the daily facts of every day those orders are or were on. Windows are read QTICKETS_CONCURRENCY at a time (the per-token request limit), which hides API latency. Memory and request sizes stay bounded however long the range; a progress bar shows on a terminal (log lines otherwise). Each completed window is remembered once it and every window before it are stored, so an interrupted backfill resumes where it stopped (--restart starts over). The incremental cursor is never moved, and re-running is harmless: unchanged orders are not written again. --resource adds resources loaded once at the end (inventory, clients in full, discounts…). It takes the same per-tenant lock as run. Backfill up to today (or to the day incremental runs began): together with run, that covers every order.",
  options: [
    { name: 'from', type: 'string', valueName: 'date', required: true, description: 'first day to load, YYYY-MM-DD' },
    { name: 'to', type: 'string', valueName: 'date', required: true, description: 'last day to load (inclusive), YYYY-MM-DD' },
    { name: 'window-days', type: 'string', valueName: 'n', description: 'days per window', default: '1' },
    { name: 'restart', type: 'boolean', description: 'ignore the progress stored by an earlier backfill of the same range' },
    { name: 'rewrite', type: 'boolean', description: 'write every row read again (orders and the --resource ones) even when the same version is stored (e.g. after changing PII_HASH_KEY)' },
    { ...RESOURCE_OPTION, description: `also load these resources once, after the orders: ${RESOURCE_OPTION.description.replace(/^.*: /, '')}`, defaultText: 'events and orders only' },
    LOCK_WAIT_OPTION,
    PAGE_SIZE_OPTION,
  ],
  env: [...API_ENV, ...SYNC_ENV, ...CLICKHOUSE_ENV, 'QTICKETS_METRICS_FILE'],
  globalOptions: ['config', 'tenant', 'dry-run'],
  examples: [
    'qtickets-load backfill --from 2025-01-01 --to 2025-03-31',
    'qtickets-load backfill --from 2024-01-01 --to 2024-12-31 --window-days 7 --tenant acme',
    'qtickets-load backfill --from 2025-01-01 --to 2025-12-31 --resource inventory,clients --restart',
  ],
  exitCodes: SYNC_EXIT_CODES,
  exitCodeMeanings: { [ExitCode.LOCK_HELD]: LOCK_HELD_MEANING },
  async run(ctx) {
    const range = parseDateRange(stringOption(ctx.options, 'from')!, stringOption(ctx.options, 'to')!)
    const windowDays = positiveIntegerOption(ctx.options, 'window-days', 366) ?? 1
    const listed = listOption(ctx.options, 'resource')
    const resources = (listed.length > 0 ? parseResources(listed) : []) as SyncResource[]
    const lockWaitMs = (nonNegativeIntegerOption(ctx.options, 'lock-wait', 86_400) ?? 0) * 1000
    const config = ctx.loadConfig()
    const env = loadDotenv({ env: ctx.io.env, cwd: ctx.io.cwd }).env
    const pageSize = resolvePageSize(stringOption(ctx.options, 'page-size'), env)
    const tenants = requireTenants(config)
    const now = ctx.io.now?.() ?? new Date()
    const windows = datedWindows(range, windowDays, config.reportTimeZone, floorToSecond(Temporal.Instant.fromEpochMilliseconds(now.getTime())))
    ctx.logger.info('backfill planned', { from: range.from, to: range.to, days: daysInRange(range), windows: windows.length, tenants: tenants.length })
    ctx.logger.debug('backfill options', { window_days: windowDays, resources, lock_wait_ms: lockWaitMs, dry_run: config.dryRun, page_size: pageSize })
    const observer = await createRunObserver({ config, logger: ctx.logger, env, ...(ctx.io.now ? { now: ctx.io.now } : {}) })
    const waitUntil = Date.now() + lockWaitMs
    const sink = await openSinkFor(ctx, config.dryRun, waitUntil)
    try {
      const outcomes = await forEachTenant(
        tenants,
        { concurrency: 1, lockDir: config.lockDir, runId: ctx.runId, lockWaitMs: msUntil(waitUntil), dryRun: config.dryRun, logger: ctx.logger, signal: ctx.signal },
        async (tenant, signal) => {
          const progress = ctx.progress(`backfill ${tenant.name}`)
          progress.start(windows.length)
          try {
            const result = await backfillTenant({
              tenant,
              sink,
              client: createTenantClient(tenant),
              range,
              windowDays,
              restart: ctx.options.restart === true,
              rewrite: ctx.options.rewrite === true,
              resources,
              dryRun: config.dryRun,
              logger: ctx.logger,
              observer,
              signal,
              reportTimeZone: config.reportTimeZone,
              now,
              runId: ctx.runId,
              pageSize,
              ...(config.piiHashKey ? { piiHashKey: config.piiHashKey } : {}),
              onProgress: (step) => progress.tick(1, `${step.dates.from}${step.dates.to === step.dates.from ? '' : `..${step.dates.to}`}${step.skipped ? ' (done before)' : ''}`),
            })
            observer.onTenantFinished(result)
            return result
          } finally {
            progress.done()
          }
        },
      )
      const exitCode = worstExitCode(outcomes.map((outcome) => outcome.exitCode))
      ctx.output(summaryJson('backfill', ctx.runId, config.dryRun, exitCode, outcomes), () => summaryText('backfill', config.dryRun, outcomes))
      return exitCode
    } finally {
      await observer.close()
      await sink?.close()
    }
  },
}
