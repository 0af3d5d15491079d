/** What the sink keeps from an error thrown by ClickHouse or the transport: no row data. */
export interface ClickHouseFailure {
  /** Numeric ClickHouse code as text (`27`), absent for transport errors. */
  code?: string
  /** ClickHouse error type (`CANNOT_PARSE_INPUT_ASSERTION_FAILED`). */
  type?: string
  /** Message with every quoted data fragment, e-mail and long digit run removed. */
  message: string
  /** Column named by the error, when there is one. */
  column?: string
  /** Worth another attempt with the same dedup token. */
  retryable: boolean
  /** The write may have landed anyway (timeout, lost connection, unknown insert status). */
  ambiguous: boolean
}

// Timeouts, lost connections, unknown insert status, Keeper trouble: the write may or may not have landed.
const AMBIGUOUS_CODES = new Set(['159', '209', '210', '319', '394', '999'])
// Load-shedding answers: nothing was written, trying again later can succeed.
const TRANSIENT_CODES = new Set(['202', '203', '242', '252', '285', '425'])

/** Classifies an error from `@clickhouse/client` (server or chDB) and strips data from its message. */
export function describeClickHouseError(error: unknown): ClickHouseFailure {
  const raw = error instanceof Error ? error.message : String(error)
  const code = numericCode(error)
  const type = code === undefined ? undefined : stringField(error, 'type')
  const message = redactData(raw)
  const column = columnOf(raw)
  if (code === undefined) return { message, column, retryable: true, ambiguous: true }
  return {
    code,
    type,
    message,
    column,
    retryable: AMBIGUOUS_CODES.has(code) || TRANSIENT_CODES.has(code),
    ambiguous: AMBIGUOUS_CODES.has(code),
  }
}

/** Removes quoted fragments (which echo input data), e-mail-like text and digit runs of 7+ from a ClickHouse message; keeps the first two lines. */
export function redactData(message: string): string {
  const redacted = message
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "'…'")
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '"…"')
    .replace(/[^\s'"`]+@[^\s'"`]+/g, '…')
    .replace(/\+?\d[\d\s()-]{6,}\d/g, '…')
  const lines = redacted.split('\n').map((line) => line.trim()).filter(Boolean)
  return lines.slice(0, 2).join(' ').slice(0, 500)
}

const COLUMN_PATTERNS = [
  /value of key ([A-Za-z_][A-Za-z0-9_]*)/,
  /Unknown field found while parsing \w+ format: ([A-Za-z_][A-Za-z0-9_]*)/,
  /column `([A-Za-z_][A-Za-z0-9_]*)`/i,
  /name: ([A-Za-z_][A-Za-z0-9_]*), type:/,
]

function columnOf(message: string): string | undefined {
  for (const pattern of COLUMN_PATTERNS) {
    const match = pattern.exec(message)
    if (match?.[1]) return match[1]
  }
  return undefined
}

function numericCode(error: unknown): string | undefined {
  const code = stringField(error, 'code')
  return code !== undefined && /^\d+$/.test(code) ? code : undefined
}

function stringField(error: unknown, field: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const value = (error as Record<string, unknown>)[field]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}
