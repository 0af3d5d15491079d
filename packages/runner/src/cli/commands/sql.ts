import { NotWiredError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command } from '../command.js'
import { stringOption } from '../option-values.js'
import { checkReadOnlyQuery } from '../read-only-query.js'
import { CLICKHOUSE_ENV } from './env-groups.js'

/** Output formats of `qtickets-load sql`. */
export const SQL_FORMATS = ['JSONEachRow', 'Pretty', 'CSV'] as const

/** `qtickets-load sql "<query>"`: a read-only query against the configured ClickHouse. */
export const sqlCommand: Command = {
  name: 'sql',
  summary: 'Run a read-only query against the configured ClickHouse',
  usage: 'qtickets-load sql "<query>" [--format JSONEachRow|Pretty|CSV] [options]',
  description:
    'Runs one read-only statement (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, EXISTS) against the configured ClickHouse — handy with the embedded engine, which has no other client — in the database CLICKHOUSE_DATABASE, and prints the result on stdout. Writes and INTO OUTFILE are refused.',
  options: [
    {
      name: 'format',
      type: 'string',
      valueName: 'format',
      choices: SQL_FORMATS,
      description: 'output format',
      defaultText: 'Pretty; JSONEachRow with --json',
    },
  ],
  positionals: [{ name: 'query', description: 'the query; quote it, or pass it after --', required: true, variadic: true }],
  env: [...CLICKHOUSE_ENV, 'LOG_LEVEL'],
  examples: [
    'qtickets-load sql "SHOW TABLES"',
    'qtickets-load sql "SELECT * FROM v_qtickets_sales_dashboard ORDER BY sales_date DESC LIMIT 10"',
    'qtickets-load sql --format CSV "SELECT * FROM fact_qtickets_sales_daily FINAL" > sales.csv',
  ],
  exitCodes: [ExitCode.OK, ExitCode.RUN_ERROR, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.INTERNAL, ExitCode.CONFIG],
  async run(ctx) {
    const query = checkReadOnlyQuery(ctx.positionals.join(' '))
    const format = stringOption(ctx.options, 'format') ?? (ctx.flags.json ? 'JSONEachRow' : 'Pretty')
    const config = ctx.loadConfig()
    ctx.logger.debug('sql planned', { format, database: config.clickhouse.database, mode: config.clickhouse.mode })
    // TODO(integration: @zakaz/clickhouse-sink): run `query` with readonly settings in `format` and stream the
    // result to ctx.io.stdout.
    throw new NotWiredError('qtickets-load sql')
  },
}
