/** What went wrong, as a literal a caller can switch on. */
export type SinkErrorKind = 'config' | 'validation' | 'migration' | 'insert' | 'query'

/** Details attached to a {@link SinkError}; never row values, keys, e-mails or phones. */
export interface SinkErrorDetails {
  /** Table the operation targeted. */
  table?: string
  /** Column that failed, when known. */
  column?: string
  /** 0-based index of the insert batch that failed. */
  batchIndex?: number
  /** 0-based index of the input row that failed validation. */
  rowIndex?: number
  /** ClickHouse error code (e.g. `27`), when the error came from ClickHouse. */
  code?: string
  /** ClickHouse error type (e.g. `CANNOT_PARSE_INPUT_ASSERTION_FAILED`). */
  type?: string
  /** Migration file the error is about. */
  file?: string
  /** True when the write may or may not have landed (timeout, dropped connection); retry with the same token. */
  ambiguous?: boolean
  /** The underlying error. */
  cause?: unknown
}

/** The one error class the sink throws. Messages carry table/column names and ClickHouse codes, never data. */
export class SinkError extends Error {
  override readonly name = 'SinkError'
  readonly kind: SinkErrorKind
  readonly table?: string
  readonly column?: string
  readonly batchIndex?: number
  readonly rowIndex?: number
  readonly code?: string
  readonly type?: string
  readonly file?: string
  readonly ambiguous: boolean

  constructor(kind: SinkErrorKind, message: string, details: SinkErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.kind = kind
    this.table = details.table
    this.column = details.column
    this.batchIndex = details.batchIndex
    this.rowIndex = details.rowIndex
    this.code = details.code
    this.type = details.type
    this.file = details.file
    this.ambiguous = details.ambiguous ?? false
  }
}

/** True when `error` is a {@link SinkError} (optionally of one kind). */
export function isSinkError(error: unknown, kind?: SinkErrorKind): error is SinkError {
  return error instanceof SinkError && (kind === undefined || error.kind === kind)
}
