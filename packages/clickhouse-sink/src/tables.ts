import { SinkError } from './errors'
import { LOCAL_WALL_TIME_RANGE, type InstantRange } from './instants'
import type { WritableTable } from './rows'

/** Instant columns of each writable table: checked for an explicit `Z`/offset before insert. */
export const INSTANT_COLUMNS: { readonly [T in WritableTable]: readonly string[] } = {
  stg_qtickets_api_orders_raw: ['payed_at', 'created_at', 'updated_at', 'deleted_at'],
  stg_qtickets_api_baskets_raw: ['deleted_at', 'refunded_at', 'checked_at', 'created_at', 'updated_at'],
  stg_qtickets_api_inventory_raw: ['snapshot_at'],
  stg_qtickets_api_clients_raw: [],
  stg_qtickets_api_discounts_raw: ['active_from', 'active_to', 'created_at', 'updated_at', 'deleted_at'],
  stg_qtickets_api_promo_codes_raw: ['active_from', 'active_to', 'created_at', 'updated_at', 'deleted_at'],
  stg_qtickets_api_color_themes_raw: [],
  stg_qtickets_api_barcodes_raw: ['checked_at', 'seen_at'],
  stg_qtickets_api_partner_tickets_raw: ['paid_at', 'reserved_to'],
  dim_events: ['created_at', 'updated_at', 'deleted_at'],
  dim_shows: ['open_at', 'start_at', 'finish_at', 'sale_start_at', 'sale_finish_at', 'created_at', 'updated_at', 'deleted_at'],
}

/** Instant columns that keep a narrower range than DateTime64(3) (the default, `DATETIME64_RANGE`). */
export const INSTANT_RANGES: { readonly [T in WritableTable]?: Readonly<Record<string, InstantRange>> } = {
  dim_shows: { start_at: LOCAL_WALL_TIME_RANGE, finish_at: LOCAL_WALL_TIME_RANGE },
}

/** Tables `sink.insert` accepts (staging and dimensions). */
export const WRITABLE_TABLES = Object.keys(INSTANT_COLUMNS) as readonly WritableTable[]

/** Tables the sink writes itself (facts, run records, sync state). */
export const INTERNAL_TABLES = [
  'fact_qtickets_sales_daily',
  'fact_qtickets_sales_utm_daily',
  'meta_job_runs',
  'meta_sync_state',
] as const

/** A table the sink writes itself. */
export type InternalTable = (typeof INTERNAL_TABLES)[number]

/** Views created by the migrations. */
export const VIEWS = ['v_qtickets_sales_dashboard', 'v_qtickets_inventory_latest'] as const

/** Returns `table` when `sink.insert` accepts it, else throws a validation error. */
export function assertWritableTable(table: unknown): WritableTable {
  if (typeof table !== 'string' || !(WRITABLE_TABLES as readonly string[]).includes(table)) {
    throw new SinkError('validation', `unknown table ${JSON.stringify(table)}; writable tables: ${WRITABLE_TABLES.join(', ')}`)
  }
  return table as WritableTable
}
