import { isSinkError, type Sink } from '@zakaz/clickhouse-sink'
import type { ClickHouseConfig } from '../../config/types.js'
import { clickhouseRunnerError } from '../../doctor/clickhouse-failure.js'
import { RunnerError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import { openSink } from '../../sink/open-sink.js'
import type { Command, CommandContext } from '../command.js'
import { CLICKHOUSE_ENV } from './env-groups.js'

/** `qtickets-load migrate`: applies the sink's migrations. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply ClickHouse migrations (idempotent)',
  usage: 'qtickets-load migrate [options]',
  description:
    'Creates the database if needed and applies, in order, the numbered migrations not yet recorded in its schema_migrations table, then prints what it applied, or "schema is up to date (N migrations)". Safe to run at every deploy. With CLICKHOUSE_CLUSTER set, DDL runs ON CLUSTER with Replicated engines. --dry-run lists the pending migrations without applying them. A migration file that changed after it was applied stops everything with exit 78: restore it (install the version that applied it) and add a new numbered file instead. Needs no QTickets token.',
  options: [],
  env: [...CLICKHOUSE_ENV, 'LOG_LEVEL'],
  needsTokens: false,
  globalOptions: ['config', 'dry-run'],
  examples: ['qtickets-load migrate', 'CLICKHOUSE_URL=https://ch.example.com:8443 CLICKHOUSE_USER=loader qtickets-load migrate --dry-run'],
  exitCodes: [ExitCode.OK, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.UNAVAILABLE, ExitCode.INTERNAL, ExitCode.LOCK_HELD, ExitCode.CONFIG, ExitCode.INTERRUPTED],
  exitCodeMeanings: {
    [ExitCode.OK]: 'the schema is up to date (or, with --dry-run, the pending migrations are listed)',
    [ExitCode.USAGE]: 'usage error: unknown or bad option',
    [ExitCode.DATA_ERROR]: 'ClickHouse rejected a migration statement',
    [ExitCode.UNAVAILABLE]: 'ClickHouse unreachable',
    [ExitCode.LOCK_HELD]: "the embedded engine's folder is in use by another process (a run in progress?)",
    [ExitCode.CONFIG]: 'configuration error, ClickHouse refused the credentials or grants, or an applied migration file changed',
  },
  async run(ctx) {
    const config = ctx.loadConfig()
    ctx.logger.debug('migrate', { mode: config.clickhouse.mode, database: config.clickhouse.database, dry_run: config.dryRun })
    let sink: Sink | undefined
    try {
      sink = await openSink(config, ctx.logger)
      if (config.dryRun) await listPending(ctx, sink)
      else await applyPending(ctx, sink)
    } catch (error) {
      throw migrateError(error, config.clickhouse)
    } finally {
      await sink?.close()
    }
  },
}

async function applyPending(ctx: CommandContext, sink: Sink): Promise<void> {
  const applied = await sink.migrate()
  const total = (await sink.schemaVersion()).applied.length
  const names = applied.map((migration) => migration.name)
  ctx.output({ database: sink.database, applied: names, total }, () =>
    names.length === 0
      ? `schema is up to date (${total} migrations)`
      : `applied ${names.length} migration${names.length === 1 ? '' : 's'} to ${sink.database}:\n${names.map((name) => `  ${name}`).join('\n')}\nschema is up to date (${total} migrations)`,
  )
}

async function listPending(ctx: CommandContext, sink: Sink): Promise<void> {
  const version = await sink.schemaVersion()
  if (version.changed.length > 0) throw changedError(version.changed)
  const total = version.applied.length
  ctx.output({ database: sink.database, dryRun: true, pending: version.pending, applied: total }, () =>
    version.pending.length === 0
      ? `schema is up to date (${total} migrations)`
      : `${version.pending.length} pending migration${version.pending.length === 1 ? '' : 's'} in ${sink.database} (not applied: --dry-run):\n${version.pending.map((name) => `  ${name}`).join('\n')}`,
  )
}

function changedError(files: readonly string[]): RunnerError {
  return new RunnerError(
    `migration ${files.join(', ')} changed after it was applied. Never edit an applied migration: restore it (install the qtickets-load version that applied it) and add a new numbered file.`,
    ExitCode.CONFIG,
  )
}

/** A changed applied migration is a configuration problem (78); other failures are classified as ClickHouse failures. */
function migrateError(error: unknown, clickhouse: ClickHouseConfig): unknown {
  if (isSinkError(error, 'migration') && /changed after it was applied/.test(error.message)) return new RunnerError(error.message, ExitCode.CONFIG)
  return clickhouseRunnerError(error, clickhouse)
}
