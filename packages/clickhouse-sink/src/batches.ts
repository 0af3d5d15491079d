import { createHash } from 'node:crypto'

/** Upper bounds of one insert batch. */
export interface BatchLimits {
  /** Most rows in a batch. */
  maxRows: number
  /** Most bytes of serialized JSONEachRow in a batch (a single larger row gets a batch of its own). */
  maxBytes: number
}

/** Rows sent in one INSERT, with the deterministic dedup token of their content. */
export interface RowBatch<T> {
  /** 0-based position of the batch in this insert call. */
  index: number
  rows: T[]
  /** Serialized size in bytes (JSONEachRow, as sent). */
  bytes: number
  /** sha256 hex of the table name and the serialized rows: a retried batch carries the same token. */
  token: string
}

/** Default bounds: 50 000 rows or 16 MiB, whichever comes first. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxRows: 50_000, maxBytes: 16 * 1024 * 1024 }

/** Splits rows (sync or async) into batches bounded by rows and bytes; memory holds one batch at a time. */
export async function* toBatches<T>(
  table: string,
  rows: Iterable<T> | AsyncIterable<T>,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  check?: (row: T, rowIndex: number) => void,
): AsyncGenerator<RowBatch<T>> {
  let builder = new BatchBuilder<T>(table, 0)
  let rowIndex = 0
  for await (const row of rows) {
    check?.(row, rowIndex++)
    const line = `${JSON.stringify(row)}\n`
    const bytes = Buffer.byteLength(line)
    if (builder.count > 0 && (builder.count >= limits.maxRows || builder.bytes + bytes > limits.maxBytes)) {
      yield builder.finish()
      builder = new BatchBuilder<T>(table, builder.index + 1)
    }
    builder.add(row, line, bytes)
  }
  if (builder.count > 0) yield builder.finish()
}

class BatchBuilder<T> {
  readonly rows: T[] = []
  bytes = 0
  private readonly hash = createHash('sha256')

  constructor(table: string, readonly index: number) {
    this.hash.update(`${table}\n`)
  }

  get count(): number {
    return this.rows.length
  }

  add(row: T, line: string, bytes: number): void {
    this.rows.push(row)
    this.bytes += bytes
    this.hash.update(line)
  }

  finish(): RowBatch<T> {
    return { index: this.index, rows: this.rows, bytes: this.bytes, token: this.hash.digest('hex') }
  }
}
