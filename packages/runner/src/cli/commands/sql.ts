import type { Sink } from '@zakaz/clickhouse-sink'
import { clickhouseRunnerError } from '../../doctor/clickhouse-failure.js'
import { ExitCode } from '../../exit-codes.js'
import { openSink } from '../../sink/open-sink.js'
import { type ClickHouseSettings, readOnlySettings } from '../../status/read-only-settings.js'
import type { OutputStream } from '../io.js'
import { stringOption } from '../option-values.js'
import { checkReadOnlyQuery } from '../read-only-query.js'
import { CLICKHOUSE_ENV } from './env-groups.js'
import type { Command } from '../command.js'

/** Output formats of `qtickets-load sql`. */
export const SQL_FORMATS = ['JSONEachRow', 'Pretty', 'CSV'] as const

/** `qtickets-load sql "<query>"`: a read-only query against the configured ClickHouse. */
export const sqlCommand: Command = {
  name: 'sql',
  summary: 'Run a read-only query against the configured ClickHouse',
  usage: 'qtickets-load sql "<query>" [--format JSONEachRow|Pretty|CSV] [options]',
  description:
    'Runs one read-only statement (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, EXISTS) against the configured ClickHouse — handy with the embedded engine, which has no other client — in the database CLICKHOUSE_DATABASE, and streams the result to stdout. The query runs with readonly = 1: writes, INTO OUTFILE and setting changes are refused. A FORMAT clause in the query wins over --format. A ClickHouse error is one line with its code (exit 65).',
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
  needsTokens: false,
  globalOptions: ['config'],
  examples: [
    'qtickets-load sql "SHOW TABLES"',
    'qtickets-load sql "SELECT * FROM v_qtickets_sales_dashboard ORDER BY sales_date DESC LIMIT 10"',
    'qtickets-load sql --format CSV "SELECT * FROM fact_qtickets_sales_daily FINAL" > sales.csv',
  ],
  exitCodes: [ExitCode.OK, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.UNAVAILABLE, ExitCode.INTERNAL, ExitCode.LOCK_HELD, ExitCode.CONFIG],
  exitCodeMeanings: {
    [ExitCode.OK]: 'success: the result is on stdout',
    [ExitCode.USAGE]: 'usage error: no query, more than one statement, not a read-only statement, or a bad option',
    [ExitCode.DATA_ERROR]: 'ClickHouse rejected the query (syntax error, unknown table or column, not allowed read-only); the message has its code',
    [ExitCode.UNAVAILABLE]: 'ClickHouse unreachable',
    [ExitCode.LOCK_HELD]: "the embedded engine's folder is in use by another process (a run in progress?)",
    [ExitCode.CONFIG]: 'configuration error, or ClickHouse refused the credentials or access',
  },
  async run(ctx) {
    const query = checkReadOnlyQuery(ctx.positionals.join(' '))
    const format = stringOption(ctx.options, 'format') ?? (ctx.flags.json ? 'JSONEachRow' : 'Pretty')
    const config = ctx.loadConfig()
    ctx.logger.debug('sql', { format, database: config.clickhouse.database, mode: config.clickhouse.mode })
    let sink: Sink | undefined
    try {
      sink = await openSink(config, ctx.logger)
      const result = await sink.client.exec({
        query,
        // Pretty is no DataFormat of the client (it cannot parse it), but as raw text through exec the server formats it.
        clickhouse_settings: readOnlySettings({ default_format: wireFormat(format, ctx.io.stdout) as ClickHouseSettings['default_format'] }),
        abort_signal: ctx.signal,
      })
      await copyText(result.stream, ctx.io.stdout)
    } catch (error) {
      throw clickhouseRunnerError(error, config.clickhouse)
    } finally {
      await sink?.close()
    }
  },
}

/** The format asked of ClickHouse: Pretty without colour escapes unless stdout is a terminal (older servers colour Pretty). */
function wireFormat(format: string, stdout: OutputStream): string {
  return format === 'Pretty' && !stdout.isTTY ? 'PrettyNoEscapes' : format
}

/** Writes a byte stream to a text output as it arrives (UTF-8 split across chunks is reassembled). */
async function copyText(stream: AsyncIterable<Uint8Array | string>, out: OutputStream): Promise<void> {
  const decoder = new TextDecoder()
  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    if (text) out.write(text)
  }
  const rest = decoder.decode()
  if (rest) out.write(rest)
}
