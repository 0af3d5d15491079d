import type { TableRows } from '@zakaz/clickhouse-sink'

/** How a column's new and stored values are compared: as text, a number, a flag, an instant (ms), money (kopecks) or a list of ids. */
export type FieldKind = 'text' | 'number' | 'bool' | 'instant' | 'money' | 'ids'

/** The tables whose rows are written only when they differ from the stored row (the dimension-like resources). */
export type ComparedTableName =
  | 'dim_events'
  | 'dim_shows'
  | 'stg_qtickets_api_clients_raw'
  | 'stg_qtickets_api_discounts_raw'
  | 'stg_qtickets_api_promo_codes_raw'
  | 'stg_qtickets_api_color_themes_raw'
  | 'stg_qtickets_api_barcodes_raw'

/** What identifies a row of a compared table and which of its columns say whether it changed. */
export interface ComparedTable<T extends ComparedTableName> {
  /** Key columns after `tenant` (the table's ORDER BY), with their kinds. */
  key: { readonly [C in keyof TableRows[T]]?: FieldKind }
  /** The UInt64 key column stored rows are looked up by. */
  lookup: keyof TableRows[T] & string
  /** The compared columns: every stored column but the key, `tenant`, `_ver`, `_loaded_at` and barcodes' `seen_at`. */
  fields: { readonly [C in keyof TableRows[T]]?: FieldKind }
}

const EVENT_FIELDS = {
  name: 'text',
  is_active: 'bool',
  city_id: 'number',
  city_name: 'text',
  city_timezone: 'text',
  currency_id: 'text',
  place_name: 'text',
  place_address: 'text',
  age: 'text',
  created_at: 'instant',
  updated_at: 'instant',
  deleted_at: 'instant',
} as const

const SHOW_FIELDS = {
  event_id: 'number',
  name: 'text',
  is_active: 'bool',
  city_timezone: 'text',
  open_at: 'instant',
  start_at: 'instant',
  finish_at: 'instant',
  sale_start_at: 'instant',
  sale_finish_at: 'instant',
  created_at: 'instant',
  updated_at: 'instant',
  deleted_at: 'instant',
} as const

/** Every compared table. */
export const COMPARED_TABLES: { readonly [T in ComparedTableName]: ComparedTable<T> } = {
  dim_events: { key: { event_id: 'number' }, lookup: 'event_id', fields: EVENT_FIELDS },
  dim_shows: { key: { show_id: 'number' }, lookup: 'show_id', fields: SHOW_FIELDS },
  stg_qtickets_api_clients_raw: { key: { client_id: 'number' }, lookup: 'client_id', fields: { email_hash: 'text', phone_hash: 'text' } },
  stg_qtickets_api_discounts_raw: {
    key: { discount_id: 'number' },
    lookup: 'discount_id',
    fields: {
      name: 'text',
      is_active: 'bool',
      type: 'text',
      active_from: 'instant',
      active_to: 'instant',
      event_ids: 'ids',
      show_ids: 'ids',
      created_at: 'instant',
      updated_at: 'instant',
      deleted_at: 'instant',
    },
  },
  stg_qtickets_api_promo_codes_raw: {
    key: { promo_code_id: 'number' },
    lookup: 'promo_code_id',
    fields: {
      discount_id: 'number',
      code: 'text',
      type: 'number',
      is_active: 'bool',
      max_uses_count: 'number',
      active_from: 'instant',
      active_to: 'instant',
      created_at: 'instant',
      updated_at: 'instant',
      deleted_at: 'instant',
    },
  },
  stg_qtickets_api_color_themes_raw: { key: { color_theme_id: 'number' }, lookup: 'color_theme_id', fields: { color: 'text' } },
  stg_qtickets_api_barcodes_raw: {
    key: { show_id: 'number', barcode: 'text' },
    lookup: 'show_id',
    fields: {
      admission: 'bool',
      price: 'money',
      seat_name: 'text',
      zone_name: 'text',
      seat_row: 'text',
      seat_place: 'text',
      checked_at: 'instant',
    },
  },
}

/** The columns read back for a compared table, with their kinds: the key, the compared fields and `_ver`. */
export function storedColumns(table: ComparedTableName): Array<[column: string, kind: FieldKind]> {
  const spec = COMPARED_TABLES[table]
  return [...Object.entries(spec.key as Record<string, FieldKind>), ...Object.entries(spec.fields as Record<string, FieldKind>), ['_ver', 'number']]
}
