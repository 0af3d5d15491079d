import { isSinkError, SinkError } from '@zakaz/clickhouse-sink'
import { describeClickHouseFailure } from '../doctor/clickhouse-failure.js'

/**
 * A read of `table` that ClickHouse (or the connection to it) failed, as the sink reports its own failures: a `query`
 * SinkError whose one-line message says what was read, names the table and the ClickHouse code and type (or the
 * transport's code), and keeps nothing of ClickHouse's text, which can quote the data. Anything else (a bug) is returned
 * as it is; so is a SinkError.
 */
export function readError(what: string, table: string, error: unknown): unknown {
  if (isSinkError(error)) return error
  const failure = describeClickHouseFailure(error)
  const code = failure.code ? `ClickHouse ${failure.code}${failure.type ? ` ${failure.type}` : ''}` : failure.systemCode
  if (!code) return error
  return new SinkError('query', `reading ${what} from ${table} failed (${code})`, { table, ...(failure.code ? { code: failure.code } : {}), ...(failure.type ? { type: failure.type } : {}) })
}
