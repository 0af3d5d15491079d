import { formatApiTimestamp, isApiTimestamp, isTimeValue, type TimeValue } from '../time'
import { COLUMNS, type ColumnKind, type ColumnOf, type FilterableResource } from './columns'

/** Operators that compare a column with one value. `=` is the default and is sent without `operator`. */
export type ComparisonOperator = '=' | '!=' | '<' | '>' | '<=' | '>='
/** Operators that test a column against a list of values. */
export type SetOperator = 'in' | 'not in'
/** Operators that test membership of a value inside a JSON-array column (e.g. seat `spread.users`). */
export type ArrayOperator = 'in array' | 'not in array'
/** Operators without a value. */
export type NullOperator = 'null' | 'not null'
/** Every operator the API documents (there is no `like`). */
export type Operator = ComparisonOperator | SetOperator | ArrayOperator | NullOperator

/** The documented operators, for runtime checks. */
export const OPERATORS: readonly Operator[] = ['=', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'in array', 'not in array', 'null', 'not null']

/** A timestamp filter value: a `Date`, a Temporal Instant/ZonedDateTime, or a string already in the form `2025-11-10T12:00:00+03:00`. */
export type TimestampValue = TimeValue | `${number}-${number}-${number}T${string}`

/** TypeScript value type of a column kind. Booleans accept `0/1` as in the vendor's examples. */
export type ValueOf<K extends ColumnKind> = K extends 'number'
  ? number
  : K extends 'string'
    ? string
    : K extends 'boolean'
      ? boolean | 0 | 1
      : TimestampValue

type KindOf<R extends FilterableResource, C extends ColumnOf<R>> = (typeof COLUMNS)[R][C] extends ColumnKind
  ? (typeof COLUMNS)[R][C]
  : never

/** One filter as a tuple: `['payed', '=', 1]`, `['id', 'in', [1, 2]]`, `['deleted_at', 'null']`. */
export type Condition<R extends FilterableResource> = {
  [C in ColumnOf<R>]:
    | readonly [C, ComparisonOperator | ArrayOperator, ValueOf<KindOf<R, C>>]
    | readonly [C, SetOperator, readonly ValueOf<KindOf<R, C>>[]]
    | readonly [C, NullOperator]
}[ColumnOf<R>]

/** Sort order: column → direction; key order is kept. */
export type OrderBy<R extends FilterableResource> = Partial<Record<ColumnOf<R>, 'asc' | 'desc'>>

/** A filter as the API receives it. */
export interface WireCondition {
  column: string
  operator?: Operator
  value?: unknown
}

/** Turns typed conditions into the wire form; timestamps are formatted in `timeZone`. Throws `TypeError` on unknown columns or operators. */
export function buildWhere<R extends FilterableResource>(
  resource: R,
  conditions: readonly Condition<R>[],
  timeZone: string,
): WireCondition[] {
  return conditions.map((condition) => buildCondition(resource, condition as readonly unknown[], timeZone))
}

function buildCondition(resource: FilterableResource, condition: readonly unknown[], timeZone: string): WireCondition {
  const [column, operator, value] = condition
  const kind = columnKind(resource, column)
  if (!OPERATORS.includes(operator as Operator)) {
    throw new TypeError(`Unsupported operator ${JSON.stringify(operator)} on ${resource}.${String(column)}`)
  }
  const op = operator as Operator
  const name = column as string
  if (op === 'null' || op === 'not null') {
    if (condition.length > 2) throw new TypeError(`Operator "${op}" on ${resource}.${name} takes no value`)
    return { column: name, operator: op }
  }
  if (op === 'in' || op === 'not in') {
    if (!Array.isArray(value)) throw new TypeError(`Operator "${op}" on ${resource}.${name} needs an array value`)
    return { column: name, operator: op, value: value.map((item) => encodeValue(resource, name, kind, item, timeZone)) }
  }
  const encoded = encodeValue(resource, name, kind, value, timeZone)
  return op === '=' ? { column: name, value: encoded } : { column: name, operator: op, value: encoded }
}

function columnKind(resource: FilterableResource, column: unknown): ColumnKind {
  const columns: Record<string, ColumnKind> = COLUMNS[resource]
  const kind = typeof column === 'string' && Object.hasOwn(columns, column) ? columns[column] : undefined
  if (!kind) throw new TypeError(`Unknown column ${JSON.stringify(column)} for ${resource}`)
  return kind
}

function encodeValue(resource: string, column: string, kind: ColumnKind, value: unknown, timeZone: string): unknown {
  if (kind === 'timestamp') return encodeTimestamp(resource, column, value, timeZone)
  const ok =
    (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    (kind === 'string' && typeof value === 'string') ||
    (kind === 'boolean' && (typeof value === 'boolean' || value === 0 || value === 1))
  if (!ok) throw new TypeError(`Filter value for ${resource}.${column} must be a ${kind}, received ${typeof value}`)
  return value
}

function encodeTimestamp(resource: string, column: string, value: unknown, timeZone: string): string {
  if (isTimeValue(value)) return formatApiTimestamp(value, timeZone)
  if (typeof value === 'string' && isApiTimestamp(value)) return value
  throw new TypeError(
    `Filter value for ${resource}.${column} must be a Date, a Temporal.Instant/ZonedDateTime or a string like 2025-11-10T12:00:00+03:00`,
  )
}

/** Checks the `orderBy` columns and directions and returns the wire object. */
export function buildOrderBy<R extends FilterableResource>(resource: R, orderBy: OrderBy<R>): Record<string, 'asc' | 'desc'> {
  const out: Record<string, 'asc' | 'desc'> = {}
  for (const [column, direction] of Object.entries(orderBy)) {
    columnKind(resource, column)
    if (direction !== 'asc' && direction !== 'desc') {
      throw new TypeError(`orderBy direction for ${resource}.${column} must be "asc" or "desc"`)
    }
    out[column] = direction
  }
  return out
}
