import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client'
import { describeClickHouseError } from './clickhouse-error'
import { SinkError } from './errors'

/** Values bound to `{name:Type}` placeholders; never concatenated into SQL. */
export type QueryParams = Record<string, unknown>

/** Runs a SELECT with bound parameters and returns its rows; errors become a `query` SinkError saying what was attempted. */
export async function selectRows<T>(client: ClickHouseClient, what: string, query: string, params: QueryParams = {}): Promise<T[]> {
  try {
    const result = await client.query({ query, query_params: params, format: 'JSONEachRow' })
    return await result.json<T>()
  } catch (error) {
    throw queryError(what, error)
  }
}

/** Runs a statement without a result (DDL, INSERT … SELECT) with bound parameters and explicit settings. */
export async function runStatement(
  client: ClickHouseClient,
  what: string,
  query: string,
  params: QueryParams = {},
  settings: ClickHouseSettings = {},
): Promise<void> {
  try {
    await client.command({ query, query_params: params, clickhouse_settings: settings })
  } catch (error) {
    throw queryError(what, error)
  }
}

/** Wraps a ClickHouse error as a `query` SinkError (data stripped from the message; the raw error is not kept as `cause`, it can echo values). */
export function queryError(what: string, error: unknown, details: { table?: string; file?: string } = {}): SinkError {
  if (error instanceof SinkError) return error
  const failure = describeClickHouseError(error)
  const code = failure.code ? ` (ClickHouse ${failure.code}${failure.type ? ` ${failure.type}` : ''})` : ''
  return new SinkError('query', `${what} failed${code}: ${failure.message}`, {
    ...details,
    code: failure.code,
    type: failure.type,
    column: failure.column,
    ambiguous: failure.ambiguous,
  })
}
