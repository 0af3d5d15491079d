import { requireTenants } from '../../config/require-tenants.js'
import { NotWiredError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command } from '../command.js'
import { listOption, nonNegativeIntegerOption } from '../option-values.js'
import { API_ENV, CLICKHOUSE_ENV, SYNC_ENV } from './env-groups.js'
import { LOCK_WAIT_OPTION, parseResources, RESOURCE_OPTION } from './shared-options.js'

/** `qtickets-load run`: incremental sync of every resource for every tenant. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Incremental sync of every resource for every tenant',
  usage: 'qtickets-load run [--resource <list>] [--lock-wait <seconds>] [options]',
  description:
    "For each tenant, under its own lock: reads every resource changed since the tenant's cursor minus QTICKETS_LAG_MINUTES (the first run reads the last QTICKETS_INITIAL_DAYS days), re-checks the API filters on the records, writes them idempotently, recomputes the facts of every affected day, and only then moves the cursor. Events and orders must succeed; an optional resource that fails (403/404) is recorded and makes the run partial (exit 2). --dry-run reads the API for real and validates everything but writes nothing. Every run is recorded in meta_job_runs.",
  options: [RESOURCE_OPTION, LOCK_WAIT_OPTION],
  env: [...API_ENV, ...SYNC_ENV, ...CLICKHOUSE_ENV],
  examples: ['qtickets-load run', 'qtickets-load run --config tenants.json --tenant acme --resource orders,events', 'qtickets-load run --dry-run --verbose'],
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
    const resources = parseResources(listOption(ctx.options, 'resource'))
    const lockWaitMs = (nonNegativeIntegerOption(ctx.options, 'lock-wait', 86_400) ?? 0) * 1000
    const config = ctx.loadConfig()
    const tenants = requireTenants(config)
    ctx.logger.debug('run planned', { tenants: tenants.map((tenant) => tenant.name), resources, lock_wait_ms: lockWaitMs, dry_run: config.dryRun })
    // TODO(integration: @zakaz/qtickets-sdk + @zakaz/clickhouse-sink): for each tenant (bounded concurrency),
    // withTenantLock({ dir: config.lockDir, tenant: tenant.name, runId: ctx.runId, wait: lockWaitMs, logger }, (lock) => sync…),
    // passing lock.signal and ctx.signal down; record the run; summarise per tenant/resource via ctx.output; exit 0/1/2.
    throw new NotWiredError('qtickets-load run')
  },
}
