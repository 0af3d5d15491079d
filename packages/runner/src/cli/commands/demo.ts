import { assertDatabaseName } from '@zakaz/clickhouse-sink'
import { DEFAULTS } from '../../config/defaults.js'
import { UsageError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import { DEMO_DATABASE } from '../../demo/demo-world.js'
import { demoStatusCommand, exploreCommand, renderDemo } from '../../demo/render-demo.js'
import { runDemo } from '../../demo/run-demo.js'
import type { Command } from '../command.js'
import { positiveIntegerOption, stringOption } from '../option-values.js'

/** Incremental runs the demo makes after its backfill, and the simulated hours between them. */
export const DEMO_SYNCS = 3
export const DEMO_HOURS_PER_SYNC = 6

/** `qtickets-load demo`: a simulated organisation loaded into the embedded engine, with a report. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Simulate an organisation, load it into the embedded engine and print a report',
  usage: 'qtickets-load demo [--days <n>] [--database <name>] [options]',
  description:
    `Starts the QTickets simulator on a loopback port (about 100 orders a day for several events in several cities, with refunds and cancellations), drops and recreates the demo database in the embedded ClickHouse engine in CLICKHOUSE_DATA_DIR (your own database, CLICKHOUSE_DATABASE, is not touched), backfills the whole history, runs ${DEMO_SYNCS} incremental syncs while the simulated clock moves ${DEMO_HOURS_PER_SYNC} hours each (new sales, refunds, cancellations), and prints a report: sales by day and by event, refunds, inventory per show and the run records. It then compares the daily facts with the simulator's ground truth for every (day, event) cell and exits 1 if any differs. Needs no token and no ClickHouse server; CLICKHOUSE_URL is ignored. Logs only warnings unless --verbose (or LOG_LEVEL) asks for more. The simulated clock starts at 2025-11-16 21:30 Moscow time, so status on the demo database (CLICKHOUSE_DATABASE=${DEMO_DATABASE}) calls its data stale.`,
  options: [
    { name: 'days', type: 'string', valueName: 'n', description: 'days of simulated sales history to load', default: '90' },
    { name: 'database', type: 'string', valueName: 'name', description: 'database of the demo (dropped and recreated)', default: DEMO_DATABASE },
  ],
  env: ['CLICKHOUSE_DATA_DIR', 'QTICKETS_REPORT_TZ', 'PII_HASH_KEY', 'LOG_LEVEL'],
  needsTokens: false,
  defaultLogLevel: 'warn',
  examples: ['qtickets-load demo', 'qtickets-load demo --days 30 --json', 'CLICKHOUSE_DATA_DIR=/tmp/demo qtickets-load demo'],
  exitCodes: [ExitCode.OK, ExitCode.RUN_ERROR, ExitCode.USAGE, ExitCode.INTERNAL, ExitCode.LOCK_HELD, ExitCode.CONFIG, ExitCode.INTERRUPTED],
  exitCodeMeanings: {
    [ExitCode.OK]: "the loaded facts and inventory equal the simulator's ground truth",
    [ExitCode.RUN_ERROR]: "the loaded facts or inventory differ from the simulator's ground truth (the report lists the differences)",
    [ExitCode.USAGE]: 'usage error: bad --days or --database, or an unknown option',
    [ExitCode.LOCK_HELD]: "the embedded engine's folder (CLICKHOUSE_DATA_DIR) is in use by another process (a run in progress?): try again when it is done",
    [ExitCode.CONFIG]: 'configuration error: an invalid variable (CLICKHOUSE_DATA_DIR, QTICKETS_REPORT_TZ, PII_HASH_KEY…)',
  },
  async run(ctx) {
    const days = positiveIntegerOption(ctx.options, 'days', 730) ?? 90
    const config = ctx.loadConfig()
    const database = demoDatabase(stringOption(ctx.options, 'database') ?? DEMO_DATABASE, config.clickhouse.database)
    if (config.clickhouse.mode === 'server') ctx.logger.warn('the demo always uses the embedded engine in CLICKHOUSE_DATA_DIR; CLICKHOUSE_URL is ignored')
    const result = await runDemo({
      days,
      database,
      dataDir: config.clickhouse.dataDir,
      reportTimeZone: config.reportTimeZone,
      lagMinutes: config.lagMinutes,
      initialDays: config.initialDays,
      ...(config.piiHashKey ? { piiHashKey: config.piiHashKey } : {}),
      syncs: DEMO_SYNCS,
      hoursPerSync: DEMO_HOURS_PER_SYNC,
      logger: ctx.logger,
      progress: ctx.progress,
      announce: (line) => {
        if (!ctx.flags.json && !ctx.flags.quiet) ctx.io.stderr.write(`${line}\n`)
      },
      signal: ctx.signal,
      runId: ctx.runId,
    })
    const dataDirSet = (ctx.io.env.CLICKHOUSE_DATA_DIR ?? '').trim() !== '' && ctx.io.env.CLICKHOUSE_DATA_DIR !== DEFAULTS.dataDir
    const prefix = dataDirSet ? `CLICKHOUSE_DATA_DIR=${shellQuote(config.clickhouse.dataDir)} ` : ''
    const explore = exploreCommand(database, prefix)
    const status = demoStatusCommand(database, prefix)
    const failed = result.facts.mismatches.length > 0 || result.inventory.differing.length > 0
    ctx.output({ ...result, ok: !failed, explore, status }, () => renderDemo(result, { sql: explore, status }))
    return failed ? ExitCode.RUN_ERROR : ExitCode.OK
  },
}

/** The demo drops its database: refuse the database the runs load (CLICKHOUSE_DATABASE), unless it is the demo's own. */
function demoDatabase(name: string, configured: string): string {
  const database = assertDatabaseName(name)
  if (database === configured && database !== DEMO_DATABASE) {
    throw new UsageError(`--database ${database} is the database your runs load (CLICKHOUSE_DATABASE); the demo drops and recreates its database, so give it another name`)
  }
  return database
}

function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}
