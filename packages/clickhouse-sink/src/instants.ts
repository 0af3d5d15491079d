import { SinkError } from './errors'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/

/** An inclusive range of instants a column keeps exactly (ClickHouse clamps values outside it without an error). */
export interface InstantRange {
  /** Earliest instant, ms since the epoch. */
  fromMs: number
  /** Latest instant, ms since the epoch. */
  toMs: number
  /** Why the column has this range, for error messages. */
  reason: string
}

/**
 * What a `DateTime64(3, 'UTC')` column keeps on every ClickHouse the sink supports. Servers before 26.7 silently clamp
 * anything outside 1900-01-01 … 2299-12-31 to the boundary; 26.7 (the embedded engine) stores years 0000 … 9999 but
 * still clamps past 9999-12-31T23:59:59.999Z (e.g. `9999-12-31T23:59:59-12:00`). The common range is the safe one.
 */
export const DATETIME64_RANGE: InstantRange = {
  fromMs: Date.UTC(1900, 0, 1),
  toMs: Date.UTC(2299, 11, 31, 23, 59, 59, 999),
  reason: 'what DateTime64(3) keeps on every supported ClickHouse',
}

/**
 * Instants whose wall time in the row's `city_timezone` is also stored in a `DateTime('UTC')` column (`dim_shows`
 * `start_local`/`finish_local`), which clamps outside 1970-01-01 00:00:00 … 2106-02-07 06:28:15; a day of margin
 * on each side covers every zone offset.
 */
export const LOCAL_WALL_TIME_RANGE: InstantRange = {
  fromMs: Date.UTC(1970, 0, 2),
  toMs: Date.UTC(2106, 1, 6),
  reason: 'its wall time in city_timezone is also kept in a DateTime column, which holds 1970-01-01 … 2106-02-07',
}

/** The ms since the epoch of an ISO-8601 date-time with `Z` or a numeric offset, or null for anything else. */
export function isoInstantMs(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/** True when `value` is an ISO-8601 date-time with `Z` or a numeric offset (zone-less strings are not instants). */
export function isIsoInstant(value: unknown): value is string {
  return isoInstantMs(value) !== null
}

/**
 * Throws a validation error naming table, column and row index when an instant column holds anything but null or an
 * ISO instant (the value is not shown: it could be anything), or an instant outside the range the column keeps
 * (`ranges[column]`, else {@link DATETIME64_RANGE}; the timestamp is shown).
 */
export function checkInstantColumns(
  table: string,
  columns: readonly string[],
  row: object,
  rowIndex: number,
  ranges: Readonly<Record<string, InstantRange>> = {},
): void {
  for (const column of columns) {
    const value = (row as Record<string, unknown>)[column]
    if (value === null || value === undefined) continue
    const ms = isoInstantMs(value)
    if (ms === null) {
      throw new SinkError(
        'validation',
        `${table}: column ${column} of row ${rowIndex} must be an ISO-8601 instant with Z or an offset, or null`,
        { table, column, rowIndex },
      )
    }
    const range = ranges[column] ?? DATETIME64_RANGE
    if (ms < range.fromMs || ms > range.toMs) {
      const bounds = `${new Date(range.fromMs).toISOString()} … ${new Date(range.toMs).toISOString()}`
      throw new SinkError(
        'validation',
        `${table}: column ${column} of row ${rowIndex} is ${String(value)}, outside ${bounds} (${range.reason})`,
        { table, column, rowIndex },
      )
    }
  }
}

/** Converts a ClickHouse `DateTime64(3, 'UTC')` text (`2025-11-15 20:10:00.000`) to ISO (`2025-11-15T20:10:00.000Z`); null stays null. */
export function clickhouseUtcToIso(value: string | null): string | null {
  if (value === null) return null
  return `${value.replace(' ', 'T')}Z`
}
