import { NotWiredError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command } from '../command.js'
import { CLICKHOUSE_ENV } from './env-groups.js'

/** `qtickets-load status`: last runs, freshness and breaker state. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the last runs per tenant and resource, data freshness and breaker state',
  usage: 'qtickets-load status [options]',
  description:
    'Reads meta_job_runs and meta_sync_state and prints, per tenant and resource, the last run, its status and row counts, the cursor and how fresh the data is. Exits 3 when data is stale or the last run failed, so it can back a health check or an alert.',
  options: [],
  env: ['QTICKETS_CONFIG', ...CLICKHOUSE_ENV, 'LOG_LEVEL'],
  examples: ['qtickets-load status', 'qtickets-load status --json --tenant acme'],
  exitCodes: [ExitCode.OK, ExitCode.UNHEALTHY, ExitCode.UNAVAILABLE, ExitCode.INTERNAL, ExitCode.CONFIG],
  async run(ctx) {
    const config = ctx.loadConfig()
    ctx.logger.debug('status planned', { tenants: config.tenants.map((tenant) => tenant.name) })
    // TODO(integration: @zakaz/clickhouse-sink + observability health): read the meta tables, judge freshness with
    // the observability thresholds, print via ctx.output, return ExitCode.UNHEALTHY when stale or failed.
    throw new NotWiredError('qtickets-load status')
  },
}
