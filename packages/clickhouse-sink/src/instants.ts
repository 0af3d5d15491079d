import { SinkError } from './errors'

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/

/** True when `value` is an ISO-8601 date-time with `Z` or a numeric offset (zone-less strings are not instants). */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))
}

/** Throws a validation error naming table, column and row index (not the value) when an instant column holds anything but null or an ISO instant. */
export function checkInstantColumns(table: string, columns: readonly string[], row: object, rowIndex: number): void {
  for (const column of columns) {
    const value = (row as Record<string, unknown>)[column]
    if (value === null || value === undefined || isIsoInstant(value)) continue
    throw new SinkError(
      'validation',
      `${table}: column ${column} of row ${rowIndex} must be an ISO-8601 instant with Z or an offset, or null`,
      { table, column, rowIndex },
    )
  }
}

/** Converts a ClickHouse `DateTime64(3, 'UTC')` text (`2025-11-15 20:10:00.000`) to ISO (`2025-11-15T20:10:00.000Z`); null stays null. */
export function clickhouseUtcToIso(value: string | null): string | null {
  if (value === null) return null
  return `${value.replace(' ', 'T')}Z`
}
