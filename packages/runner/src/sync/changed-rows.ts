import type { TableRows } from '@zakaz/clickhouse-sink'
import { Temporal } from '@zakaz/qtickets-sdk'
import { COMPARED_TABLES, type ComparedTableName, type FieldKind } from './compared-tables.js'

/** A stored row read back for comparison: its key, compared columns and `_ver`, as ClickHouse returns them in JSON. */
export type StoredRow = Readonly<Record<string, unknown>>

/**
 * The rows worth writing: those with no stored row of the same key, and those whose compared columns differ from the
 * stored row's — unless the stored row has a higher `_ver` (a newer version is never overwritten by an older read).
 * An unchanged row is dropped whatever its `_ver`, so a rerun of an unchanged catalogue writes nothing, also for
 * resources versioned by the read time (clients, colour themes, barcodes).
 */
export function changedRows<T extends ComparedTableName>(table: T, rows: readonly TableRows[T][], stored: readonly StoredRow[]): TableRows[T][] {
  const spec = COMPARED_TABLES[table]
  const keys = Object.entries(spec.key as Record<string, FieldKind>)
  const fields = Object.entries(spec.fields as Record<string, FieldKind>)
  const keyOf = (row: Readonly<Record<string, unknown>>) => keys.map(([column, kind]) => String(canonical(kind, row[column]))).join('\u0000')
  const byKey = new Map(stored.map((row) => [keyOf(row), row]))
  return rows.filter((row) => {
    const record = row as unknown as Record<string, unknown>
    const previous = byKey.get(keyOf(record))
    if (!previous) return true
    if (Number(previous._ver) > Number(record._ver)) return false
    return fields.some(([column, kind]) => canonical(kind, record[column]) !== canonical(kind, previous[column]))
  })
}

/** The ids to look stored rows up by: the distinct values of the table's lookup column among `rows`. */
export function lookupIds<T extends ComparedTableName>(table: T, rows: readonly TableRows[T][]): number[] {
  const column = COMPARED_TABLES[table].lookup
  return [...new Set(rows.map((row) => Number((row as unknown as Record<string, unknown>)[column])))].sort((a, b) => a - b)
}

/**
 * One comparable value per kind, whether it comes from a new row (ISO instants, numbers, arrays of numbers) or from
 * ClickHouse JSON (UInt64 as strings, instants as epoch ms, money as a decimal string): null stays null.
 */
export function canonical(kind: FieldKind, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null
  switch (kind) {
    case 'text':
      return String(value)
    case 'number':
      return Number(value)
    case 'bool':
      return value === true || value === 1 || value === '1' || value === 'true'
    case 'money':
      return Math.round(Number(value) * 100)
    case 'instant':
      return typeof value === 'string' && !/^-?\d+$/.test(value) ? Temporal.Instant.from(value).epochMilliseconds : Number(value)
    case 'ids':
      return (value as unknown[]).map(Number).join(',')
  }
}
