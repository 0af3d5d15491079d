/**
 * Evaluates the documented `where` operators and `orderBy` against a resource's columns.
 *
 * Choices (the real service's exact behaviour is unknown; see qtickets-api.md §3 and §8):
 * - Operators: `=` (default), `!=`, `<`, `>`, `<=`, `>=`, `in`, `not in`, `in array`,
 *   `not in array`, `null`, `not null`. Anything else (`like`, `<>`) is malformed → 503, since the
 *   real service answers requests it cannot process with 503 UNKNOWN_ERROR.
 * - Unknown columns are malformed too (an SQL error on the real server).
 * - Timestamp columns compare as instants: the value must be RFC 3339 with a colon offset
 *   (`…+03:00`, `…+05:00`); `+0300`, `Z`, no offset, or `… 03:00` (an unencoded `+` in a query
 *   string) is malformed → 503, which is also what the real service answered in the captures.
 * - `= null` means IS NULL and `!= null` IS NOT NULL (Laravel); a NULL column never matches a
 *   comparison, `in` or `not in` (SQL three-valued logic).
 * - Booleans accept `true/false`, `1/0` and `"1"/"0"`.
 */
import { MalformedRequest, type RawCondition } from './query'
import { parseStrictInstant } from './time'

/** The type of a filterable column. */
export type ColumnKind = 'number' | 'bool' | 'string' | 'timestamp' | 'array'

/** Filterable and sortable columns of a resource. */
export type Columns = Readonly<Record<string, ColumnKind>>

/** Reads a column of a row: timestamps as epoch ms or null, booleans as boolean or 0/1. */
export type Getter<T> = (row: T, column: string) => unknown

const OPERATORS = new Set(['=', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'in array', 'not in array', 'null', 'not null'])

type Scalar = number | string

function normalise(kind: ColumnKind, value: unknown, column: string): Scalar {
  switch (kind) {
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value
      if (typeof value === 'boolean') return value ? 1 : 0
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
      break
    case 'bool':
      if (value === true || value === 1 || value === '1' || value === 'true') return 1
      if (value === false || value === 0 || value === '0' || value === 'false') return 0
      break
    case 'string':
      if (typeof value === 'string' || typeof value === 'number') return String(value)
      break
    case 'timestamp':
      if (typeof value === 'string') {
        const ms = parseStrictInstant(value)
        if (ms !== null) return ms
      }
      break
    case 'array':
      if (typeof value === 'string' || typeof value === 'number') return String(value)
      break
  }
  throw new MalformedRequest(`where: value for column ${column} is not usable`)
}

function columnValue(kind: ColumnKind, raw: unknown): Scalar | null {
  if (raw === null || raw === undefined) return null
  if (kind === 'bool') return raw === true || raw === 1 ? 1 : 0
  if (kind === 'string') return String(raw)
  return raw as Scalar
}

function compare(a: Scalar, b: Scalar): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function kindOf(columns: Columns, column: string): ColumnKind {
  const kind = columns[column]
  if (kind === undefined) throw new MalformedRequest(`unknown column ${column}`)
  return kind
}

function compileOne<T>(cond: RawCondition, columns: Columns, get: Getter<T>): (row: T) => boolean {
  const { column, operator } = cond
  if (!OPERATORS.has(operator)) throw new MalformedRequest(`unknown operator ${operator}`)
  const kind = kindOf(columns, column)
  const raw = (row: T) => get(row, column)
  if (operator === 'null' || ((operator === '=' || operator === '!=') && (cond.value === null || !cond.hasValue))) {
    const wantNull = operator === 'null' || operator === '='
    return (row) => (raw(row) === null || raw(row) === undefined) === wantNull
  }
  if (operator === 'not null') return (row) => raw(row) !== null && raw(row) !== undefined
  if (operator === 'in array' || operator === 'not in array') {
    if (kind !== 'array') throw new MalformedRequest(`column ${column} is not an array`)
    const wanted = (Array.isArray(cond.value) ? cond.value : [cond.value]).map((v) => normalise('array', v, column))
    const negate = operator === 'not in array'
    return (row) => {
      const list = raw(row)
      if (!Array.isArray(list)) return false
      const hit = list.some((item) => wanted.includes(String(item)))
      return negate ? !hit : hit
    }
  }
  if (kind === 'array') throw new MalformedRequest(`column ${column} only supports "in array"`)
  if (operator === 'in' || operator === 'not in') {
    if (!Array.isArray(cond.value)) throw new MalformedRequest(`where: ${operator} on ${column} needs an array value`)
    const set = new Set(cond.value.map((v) => normalise(kind, v, column)))
    const negate = operator === 'not in'
    return (row) => {
      const v = columnValue(kind, raw(row))
      return v !== null && set.has(v) !== negate
    }
  }
  if (cond.value === null || !cond.hasValue) throw new MalformedRequest(`where: ${operator} on ${column} needs a value`)
  const target = normalise(kind, cond.value, column)
  const test: (c: number) => boolean =
    operator === '=' ? (c) => c === 0
    : operator === '!=' ? (c) => c !== 0
    : operator === '<' ? (c) => c < 0
    : operator === '>' ? (c) => c > 0
    : operator === '<=' ? (c) => c <= 0
    : (c) => c >= 0
  return (row) => {
    const v = columnValue(kind, raw(row))
    return v !== null && test(compare(v, target))
  }
}

/** Compiles `where` conditions (AND-ed) into a predicate; throws MalformedRequest on bad input. */
export function compileWhere<T>(conditions: readonly RawCondition[], columns: Columns, get: Getter<T>): (row: T) => boolean {
  const tests = conditions.map((c) => compileOne(c, columns, get))
  return (row) => tests.every((t) => t(row))
}

/** Compiles `orderBy` into a comparator (NULLs first ascending, as MySQL), or null when empty. */
export function compileOrderBy<T>(orderBy: ReadonlyArray<readonly [string, 'asc' | 'desc']>, columns: Columns, get: Getter<T>): ((a: T, b: T) => number) | null {
  if (orderBy.length === 0) return null
  const keys = orderBy.map(([column, dir]) => {
    const kind = kindOf(columns, column)
    if (kind === 'array') throw new MalformedRequest(`cannot order by ${column}`)
    return { column, kind, sign: dir === 'asc' ? 1 : -1 }
  })
  return (a, b) => {
    for (const { column, kind, sign } of keys) {
      const x = columnValue(kind, get(a, column))
      const y = columnValue(kind, get(b, column))
      const c = x === null ? (y === null ? 0 : -1) : y === null ? 1 : compare(x, y)
      if (c !== 0) return sign * c
    }
    return 0
  }
}

/** Resolves a dotted path (`city.name`, `details.phone`) in a wire object. */
export function getPath(row: unknown, path: string): unknown {
  let value: unknown = row
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** A getter over wire objects that turns timestamp strings into epoch ms. */
export function wireGetter(columns: Columns): Getter<unknown> {
  return (row, column) => {
    const value = getPath(row, column === 'root_zone_id' ? 'zone_root_id' : column)
    if (columns[column] === 'timestamp' && typeof value === 'string') return parseStrictInstant(value)
    return value
  }
}
