import { NotWiredError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command } from '../command.js'
import { positiveIntegerOption } from '../option-values.js'

/** `qtickets-load demo`: a simulated organisation loaded into the embedded engine, with a report. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Simulate an organisation, load it into the embedded engine and print a report',
  usage: 'qtickets-load demo [--days <n>] [options]',
  description:
    "Starts the QTickets simulator on a loopback port, loads its sales history into the embedded ClickHouse engine in CLICKHOUSE_DATA_DIR, runs incremental syncs while the simulated clock moves, and prints a report that compares the loaded daily facts with the simulator's own truth. Needs no token and no ClickHouse server.",
  options: [{ name: 'days', type: 'string', valueName: 'n', description: 'days of simulated sales history to load', default: '90' }],
  env: ['CLICKHOUSE_DATA_DIR', 'CLICKHOUSE_DATABASE', 'QTICKETS_REPORT_TZ', 'LOG_LEVEL'],
  examples: ['qtickets-load demo', 'qtickets-load demo --days 30 --json'],
  exitCodes: [ExitCode.OK, ExitCode.RUN_ERROR, ExitCode.USAGE, ExitCode.INTERNAL, ExitCode.CONFIG, ExitCode.INTERRUPTED],
  async run(ctx) {
    const days = positiveIntegerOption(ctx.options, 'days', 3660)
    const config = ctx.loadConfig()
    ctx.logger.debug('demo planned', { days, data_dir: config.clickhouse.dataDir, database: config.clickhouse.database })
    // TODO(integration: @zakaz/qtickets-sdk/testing simulator + @zakaz/clickhouse-sink embedded engine): start the
    // simulator on loopback, migrate, backfill `days`, run syncs while advancing its clock, print the report via ctx.output.
    throw new NotWiredError('qtickets-load demo')
  },
}
