import type { Sink } from '@zakaz/clickhouse-sink'
import type { RunnerConfig } from '../config/types.js'
import { ExitCode } from '../exit-codes.js'
import type { Logger } from '../log/logger.js'
import { openSink } from '../sink/open-sink.js'
import { readOnlySettings } from '../status/read-only-settings.js'
import { clickhouseExitCode, clickhouseFailureText, clickhouseTarget, describeClickHouseFailure } from './clickhouse-failure.js'
import { checkGrants } from './grants-check.js'
import type { Verdict } from './verdict.js'

const UNKNOWN_DATABASE = '81'

/** ClickHouse verdicts: connection (`SELECT version()`), schema version, and grants (servers only). Never throws. */
export async function clickhouseChecks(config: RunnerConfig, logger: Logger): Promise<Verdict[]> {
  let sink: Sink
  try {
    sink = await openSink(config, logger)
  } catch (error) {
    return [connectionFailure(config, error), ...notChecked('no connection')]
  }
  try {
    const connection = await checkConnection(sink, config)
    if (connection.status === 'fail') return [connection, ...notChecked('no connection')]
    const schema = await checkSchema(sink, config)
    return [connection, schema, await grantsVerdict(sink, config, schema)]
  } finally {
    await sink.close().catch((error: unknown) => logger.debug('closing ClickHouse failed', { err: error }))
  }
}

async function checkConnection(sink: Sink, config: RunnerConfig): Promise<Verdict> {
  const { clickhouse } = config
  const who = clickhouse.mode === 'server' ? `server ${clickhouseTarget(clickhouse)} answers as user ${clickhouse.user ?? 'default'}` : `${clickhouseTarget(clickhouse)} answers`
  try {
    const result = await sink.client.query({ query: 'SELECT version() AS version', format: 'JSONEachRow', clickhouse_settings: readOnlySettings() })
    const [row] = await result.json<{ version: string }>()
    return { check: 'clickhouse connection', status: 'ok', detail: `${who}: ClickHouse ${row?.version ?? 'of unknown version'}${clickhouse.mode === 'embedded' ? ' (chDB)' : ''}` }
  } catch (error) {
    const failure = describeClickHouseFailure(error)
    if (failure.code === UNKNOWN_DATABASE) {
      return { check: 'clickhouse connection', status: 'ok', detail: `${who}; database ${clickhouse.database} does not exist yet` }
    }
    return connectionFailure(config, error)
  }
}

function connectionFailure(config: RunnerConfig, error: unknown): Verdict {
  const failure = describeClickHouseFailure(error)
  const { clickhouse } = config
  const hints: Record<string, string> = {
    unreachable: 'check CLICKHOUSE_URL and that the server listens there (HTTP interface, usually port 8123, or 8443 with TLS)',
    auth: 'check CLICKHOUSE_USER and CLICKHOUSE_PASSWORD (the password is never shown)',
    busy: 'with the embedded engine, doctor, status and sql need the folder to themselves; a server (CLICKHOUSE_URL) has no such limit',
    config: clickhouse.mode === 'embedded' ? 'install chdb (npm install chdb), or set CLICKHOUSE_URL to a server' : 'check the ClickHouse settings',
  }
  const detail =
    failure.kind === 'auth'
      ? `authentication failed for user ${clickhouse.user ?? 'default'} at ${clickhouseTarget(clickhouse)}${failure.code ? ` (ClickHouse ${failure.code}${failure.type ? ` ${failure.type}` : ''})` : ''}`
      : clickhouseFailureText(failure, clickhouse)
  const exitCode = failure.kind === 'query' || failure.kind === 'other' ? ExitCode.UNAVAILABLE : clickhouseExitCode(failure)
  return { check: 'clickhouse connection', status: 'fail', detail, hint: hints[failure.kind] ?? 'check CLICKHOUSE_URL and the server log', exitCode }
}

async function checkSchema(sink: Sink, config: RunnerConfig): Promise<Verdict> {
  const check = 'clickhouse schema'
  try {
    const version = await sink.schemaVersion()
    if (version.changed.length > 0) {
      return {
        check,
        status: 'fail',
        detail: `applied migration changed since it was applied: ${version.changed.join(', ')}`,
        hint: 'install the qtickets-load version that applied it (never edit an applied migration; add a new numbered one)',
        exitCode: ExitCode.CONFIG,
      }
    }
    if (version.pending.length > 0) {
      return {
        check,
        status: 'fail',
        detail: `schema not migrated: ${version.pending.length} pending, run \`qtickets-load migrate\``,
        hint: `pending in ${config.clickhouse.database}: ${version.pending.join(', ')}`,
        exitCode: ExitCode.CONFIG,
      }
    }
    const latest = version.applied.at(-1)
    return { check, status: 'ok', detail: `database ${config.clickhouse.database} is up to date: ${version.applied.length} migrations applied${latest ? ` (latest ${latest})` : ''}` }
  } catch (error) {
    const failure = describeClickHouseFailure(error)
    return { check, status: 'fail', detail: `cannot read the schema version: ${clickhouseFailureText(failure, config.clickhouse)}`, exitCode: clickhouseExitCode(failure) }
  }
}

async function grantsVerdict(sink: Sink, config: RunnerConfig, schema: Verdict): Promise<Verdict> {
  if (config.clickhouse.mode === 'embedded') return { check: 'clickhouse grants', status: 'skip', detail: 'n/a (embedded engine has no access control)' }
  if (schema.status !== 'ok') return { check: 'clickhouse grants', status: 'skip', detail: 'not checked until the schema is migrated' }
  const { database, user } = config.clickhouse
  return checkGrants({
    database,
    user: user ?? 'default',
    ask: async (privilege, object) => {
      // Names are constants and a validated database name; CHECK GRANT takes no query parameters.
      const result = await sink.client.query({ query: `CHECK GRANT ${privilege} ON ${database}.${object}`, format: 'JSONEachRow' })
      const [row] = await result.json<Record<string, number | string>>()
      return Number(Object.values(row ?? {})[0] ?? 0) === 1
    },
  })
}

function notChecked(why: string): Verdict[] {
  return [
    { check: 'clickhouse schema', status: 'skip', detail: `not checked: ${why}` },
    { check: 'clickhouse grants', status: 'skip', detail: `not checked: ${why}` },
  ]
}
