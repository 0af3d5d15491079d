import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client'
import { DEFAULT_BATCH_LIMITS, toBatches, type RowBatch } from './batches'
import { describeClickHouseError, type ClickHouseFailure } from './clickhouse-error'
import { SinkError } from './errors'
import type { SinkLogger } from './logger'
import type { SerialQueue } from './serial-queue'

/** Bounds for one `insert` call's batches. */
export interface InsertOptions {
  /** Most rows per INSERT. Default 50 000. */
  batchRows?: number
  /** Most serialized bytes per INSERT. Default 16 MiB. */
  batchBytes?: number
}

/** What an `insert` call wrote. */
export interface InsertResult {
  table: string
  /** Rows sent (rows of a batch ClickHouse dropped as a duplicate are counted too). */
  rows: number
  /** INSERT statements sent. */
  batches: number
}

/** Everything the write path needs besides the rows. */
export interface WriteContext {
  client: ClickHouseClient
  database: string
  /** Attempts per batch on retryable failures. */
  attempts: number
  requestTimeoutMs: number
  logger: SinkLogger
  /** Statements that carry settings go through this: on chDB settings are `SET` on a shared session. */
  exclusive: SerialQueue
}

/** Settings of every insert: dedup by token, exact parsing of offset timestamps, unknown fields rejected. */
export function insertSettings(token: string): ClickHouseSettings {
  return {
    insert_deduplicate: 1,
    insert_deduplication_token: token,
    date_time_input_format: 'best_effort',
    input_format_skip_unknown_fields: 0,
    input_format_null_as_default: 1,
    async_insert: 0,
  }
}

/** Writes rows to `database.table` in bounded batches, each with a deterministic dedup token; retries a batch with the same token. */
export async function insertRows<T extends object>(
  ctx: WriteContext,
  table: string,
  rows: Iterable<T> | AsyncIterable<T>,
  options: InsertOptions = {},
  check?: (row: T, rowIndex: number) => void,
): Promise<InsertResult> {
  const limits = {
    maxRows: positiveOr(options.batchRows, DEFAULT_BATCH_LIMITS.maxRows),
    maxBytes: positiveOr(options.batchBytes, DEFAULT_BATCH_LIMITS.maxBytes),
  }
  const result: InsertResult = { table, rows: 0, batches: 0 }
  for await (const batch of toBatches(table, rows, limits, check)) {
    await sendBatch(ctx, table, batch)
    result.rows += batch.rows.length
    result.batches += 1
  }
  return result
}

async function sendBatch<T extends object>(ctx: WriteContext, table: string, batch: RowBatch<T>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.exclusive(() =>
        ctx.client.insert({
          table: `${ctx.database}.${table}`,
          values: batch.rows,
          format: 'JSONEachRow',
          clickhouse_settings: insertSettings(batch.token),
          abort_signal: AbortSignal.timeout(ctx.requestTimeoutMs),
        }),
      )
      ctx.logger.debug?.('inserted batch', { table, batchIndex: batch.index, rows: batch.rows.length, bytes: batch.bytes })
      return
    } catch (error) {
      const failure = describeClickHouseError(error)
      if (!failure.retryable || attempt >= ctx.attempts) throw insertError(table, batch, failure)
      ctx.logger.warn('insert batch failed; retrying with the same dedup token', {
        table,
        batchIndex: batch.index,
        attempt,
        code: failure.code,
        ambiguous: failure.ambiguous,
      })
      await sleep(backoffMs(attempt))
    }
  }
}

// The raw ClickHouse error is not attached as `cause`: its message can echo row data.
function insertError<T>(table: string, batch: RowBatch<T>, failure: ClickHouseFailure): SinkError {
  const code = failure.code ? `ClickHouse ${failure.code}${failure.type ? ` ${failure.type}` : ''}` : 'no answer'
  const column = failure.column ? `, column ${failure.column}` : ''
  const hint = failure.ambiguous ? ' (the batch may have landed; retrying it is safe, the dedup token drops a second copy)' : ''
  return new SinkError(
    'insert',
    `insert into ${table} failed at batch ${batch.index} (${batch.rows.length} rows${column}): ${code}: ${failure.message}${hint}`,
    {
      table,
      batchIndex: batch.index,
      column: failure.column,
      code: failure.code,
      type: failure.type,
      ambiguous: failure.ambiguous,
    },
  )
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

function backoffMs(attempt: number): number {
  return 250 * 2 ** (attempt - 1) + Math.floor(Math.random() * 100)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
