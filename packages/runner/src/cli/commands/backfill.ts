import { requireTenants } from '../../config/require-tenants.js'
import { NotWiredError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command } from '../command.js'
import { daysInRange, parseDateRange, splitIntoWindows } from '../date-range.js'
import { listOption, nonNegativeIntegerOption, positiveIntegerOption, stringOption } from '../option-values.js'
import { API_ENV, CLICKHOUSE_ENV, SYNC_ENV } from './env-groups.js'
import { LOCK_WAIT_OPTION, parseResources, RESOURCE_OPTION } from './shared-options.js'

/** `qtickets-load backfill --from --to`: reloads a date range window by window. */
export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'Reload a date range in bounded windows (never moves the incremental cursor)',
  usage: 'qtickets-load backfill --from <date> --to <date> [--window-days <n>] [options]',
  description:
    "Reloads the orders paid from --from to --to (inclusive calendar dates in the tenant's QTICKETS_TZ) window by window, so memory and request sizes stay bounded however long the range, with a progress bar on a terminal (log lines otherwise). It then recomputes the daily facts of every affected day. The incremental cursor is never moved, and re-running a backfill is harmless: writes are idempotent. It takes the same per-tenant lock as run.",
  options: [
    { name: 'from', type: 'string', valueName: 'date', required: true, description: 'first day to load, YYYY-MM-DD' },
    { name: 'to', type: 'string', valueName: 'date', required: true, description: 'last day to load (inclusive), YYYY-MM-DD' },
    { name: 'window-days', type: 'string', valueName: 'n', description: 'days per window', default: '1' },
    RESOURCE_OPTION,
    LOCK_WAIT_OPTION,
  ],
  env: [...API_ENV, ...SYNC_ENV, ...CLICKHOUSE_ENV],
  examples: [
    'qtickets-load backfill --from 2025-01-01 --to 2025-03-31',
    'qtickets-load backfill --from 2024-01-01 --to 2024-12-31 --window-days 7 --tenant acme',
  ],
  exitCodes: [
    ExitCode.OK,
    ExitCode.RUN_ERROR,
    ExitCode.PARTIAL,
    ExitCode.USAGE,
    ExitCode.DATA_ERROR,
    ExitCode.UNAVAILABLE,
    ExitCode.INTERNAL,
    ExitCode.LOCK_HELD,
    ExitCode.CONFIG,
    ExitCode.INTERRUPTED,
  ],
  async run(ctx) {
    const range = parseDateRange(stringOption(ctx.options, 'from')!, stringOption(ctx.options, 'to')!)
    const windowDays = positiveIntegerOption(ctx.options, 'window-days', 366) ?? 1
    const windows = splitIntoWindows(range, windowDays)
    const resources = parseResources(listOption(ctx.options, 'resource'))
    const lockWaitMs = (nonNegativeIntegerOption(ctx.options, 'lock-wait', 86_400) ?? 0) * 1000
    const config = ctx.loadConfig()
    const tenants = requireTenants(config)
    ctx.logger.debug('backfill planned', {
      tenants: tenants.map((tenant) => tenant.name),
      from: range.from,
      to: range.to,
      days: daysInRange(range),
      windows: windows.length,
      resources,
      lock_wait_ms: lockWaitMs,
    })
    // TODO(integration: @zakaz/qtickets-sdk + @zakaz/clickhouse-sink): per tenant under withTenantLock, load each
    // window (const progress = ctx.progress(`backfill ${tenant.name}`); progress.start(windows.length); tick per window),
    // recompute the affected days' facts, never touch meta_sync_state; summarise via ctx.output.
    throw new NotWiredError('qtickets-load backfill')
  },
}
