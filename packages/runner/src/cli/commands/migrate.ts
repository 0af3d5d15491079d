import { NotWiredError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command } from '../command.js'
import { CLICKHOUSE_ENV } from './env-groups.js'

/** `qtickets-load migrate`: applies the sink's migrations. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply ClickHouse migrations (idempotent)',
  usage: 'qtickets-load migrate [options]',
  description:
    'Creates the database if needed and applies, in order, the numbered migrations not yet recorded in its migrations table. Safe to run at every deploy. With CLICKHOUSE_CLUSTER set, DDL runs ON CLUSTER with Replicated engines. --dry-run lists the pending migrations without applying them. Needs no QTickets token.',
  options: [],
  env: [...CLICKHOUSE_ENV, 'LOG_LEVEL'],
  examples: ['qtickets-load migrate', 'CLICKHOUSE_URL=https://ch.example.com:8443 CLICKHOUSE_USER=loader qtickets-load migrate --dry-run'],
  exitCodes: [ExitCode.OK, ExitCode.UNAVAILABLE, ExitCode.INTERNAL, ExitCode.CONFIG, ExitCode.INTERRUPTED],
  async run(ctx) {
    const config = ctx.loadConfig()
    ctx.logger.debug('migrate planned', { mode: config.clickhouse.mode, database: config.clickhouse.database, dry_run: config.dryRun })
    // TODO(integration: @zakaz/clickhouse-sink): open the sink from config.clickhouse, apply (or list, when dryRun)
    // the pending migrations, print applied/pending names via ctx.output.
    throw new NotWiredError('qtickets-load migrate')
  },
}
