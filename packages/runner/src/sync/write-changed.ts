import type { TableRows } from '@zakaz/clickhouse-sink'
import { changedRows, lookupIds } from './changed-rows.js'
import type { ComparedTableName } from './compared-tables.js'
import type { SyncContext } from './sync-context.js'
import type { SyncResource } from './types.js'

/**
 * Writes the rows of a dimension-like table that differ from what is stored (all of them with `ctx.rewrite`) and
 * counts them for `resource` (null: a secondary table such as dim_shows). Returns the rows sent, so `written` is honest:
 * a rerun over an unchanged catalogue reads everything and writes nothing.
 */
export async function writeChangedRows<T extends ComparedTableName>(
  ctx: SyncContext,
  resource: SyncResource | null,
  table: T,
  rows: readonly TableRows[T][],
): Promise<number> {
  const changed = ctx.rewrite || rows.length === 0 ? rows : changedRows(table, rows, await ctx.store.storedRows(table, lookupIds(table, rows)))
  const written = await ctx.store.write(table, changed)
  ctx.tally.wrote(resource, table, written)
  return written
}
