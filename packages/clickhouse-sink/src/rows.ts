/**
 * Input rows for every table the sink writes, one interface per table.
 * Field names are the column names. Conventions:
 * - `tenant`: the organisation the row belongs to (one ClickHouse holds several).
 * - Instants are ISO-8601 strings WITH `Z` or an offset (`2025-11-10T09:15:31Z`, `2025-11-10T12:15:31+03:00`) or null;
 *   a zone-less string is rejected before insert.
 * - Money is a number in roubles (decimals allowed), stored as Decimal(18, 2).
 * - `_ver` is the row version (UInt64); the highest `_ver` per key wins. Use the time the record was read
 *   from the API in milliseconds (the latest read is the current truth), or `updated_at` in milliseconds.
 * - E-mails and phones only as `sink.pii` / `createPiiHasher` hashes; there are no columns for names or raw payloads.
 */

/** ISO-8601 instant with `Z` or an offset, e.g. `2025-11-10T09:15:31Z`. */
export type IsoInstant = string

/** Money in roubles, e.g. `1222.03`; stored as Decimal(18, 2). */
export type Money = number

/** `stg_qtickets_api_orders_raw`: one row per order version. Key (tenant, order_id). */
export interface OrderRow {
  tenant: string
  order_id: number
  uniqid: string | null
  payed: boolean
  payed_at: IsoInstant | null
  created_at: IsoInstant | null
  updated_at: IsoInstant | null
  /** Set = order cancelled (or reservation expired). */
  deleted_at: IsoInstant | null
  /** `order.price` (not reduced by cancellations; facts never use it). */
  price: Money
  original_price: Money
  currency_id: string
  event_id: number
  client_id: number | null
  client_email_hash: string | null
  client_phone_hash: string | null
  discount_id: number | null
  promo_code_id: number | null
  payment_type_id: string | null
  /** "Infinite" cabinet reservation. Default false. */
  reserved?: boolean
  utm_source?: string | null
  utm_medium?: string | null
  utm_campaign?: string | null
  utm_content?: string | null
  utm_term?: string | null
  _ver: number
}

/** `stg_qtickets_api_baskets_raw`: one row per ticket (basket) version. Key (tenant, order_id, basket_id). `zone` is derived from `seat_id`. */
export interface BasketRow {
  tenant: string
  basket_id: number
  order_id: number
  event_id: number
  show_id: number
  /** `"<ZONE>-<row>;<place>"`, e.g. `PARTER-5;12` or `tancevalnyj-parter-1;1`. */
  seat_id: string
  multiprice_code?: string | null
  /** Per ticket, after discount. */
  price: Money
  original_price: Money
  /** Absolute discount per ticket. */
  discount_value: Money
  service_fee_amount: Money
  quantity: number
  /** Set = ticket cancelled. */
  deleted_at: IsoInstant | null
  /** Set = ticket refunded. */
  refunded_at: IsoInstant | null
  refunded_amount: Money | null
  checked_at: IsoInstant | null
  created_at: IsoInstant | null
  updated_at: IsoInstant | null
  _ver: number
}

/** `dim_events`: one row per event version. Key (tenant, event_id). */
export interface EventRow {
  tenant: string
  event_id: number
  name: string
  is_active: boolean
  city_id: number | null
  city_name: string
  /** IANA zone of `event.city`, e.g. `Asia/Krasnoyarsk`. */
  city_timezone: string
  currency_id: string
  place_name?: string
  place_address?: string
  age?: string
  created_at: IsoInstant | null
  updated_at: IsoInstant | null
  deleted_at: IsoInstant | null
  _ver: number
}

/** `dim_shows`: one row per show version. Key (tenant, show_id). `start_local`/`finish_local` are derived from the instants and `city_timezone`. */
export interface ShowRow {
  tenant: string
  show_id: number
  event_id: number
  name?: string
  is_active: boolean
  /** IANA zone of the event's city; the local wall times are computed in it. */
  city_timezone: string
  open_at: IsoInstant | null
  start_at: IsoInstant | null
  finish_at: IsoInstant | null
  sale_start_at?: IsoInstant | null
  sale_finish_at?: IsoInstant | null
  created_at: IsoInstant | null
  updated_at: IsoInstant | null
  deleted_at: IsoInstant | null
  _ver: number
}

/** `stg_qtickets_api_inventory_raw`: one row per (snapshot, show, zone). Key (tenant, show_id, zone_id, snapshot_at). */
export interface InventoryRow {
  tenant: string
  snapshot_at: IsoInstant
  event_id: number
  show_id: number
  zone_id: string
  /** Σ max_quantity (seats deduplicated by root_id). */
  capacity: number
  free: number
  sold: number
  /** Ordered but unpaid, plus in a basket. */
  reserved: number
  disabled: number
  _ver: number
}

/** `stg_qtickets_api_clients_raw`: one row per buyer version, hashes only. Key (tenant, client_id). */
export interface ClientRow {
  tenant: string
  client_id: number
  email_hash: string | null
  phone_hash: string | null
  _ver: number
}

/** `stg_qtickets_api_discounts_raw`. Key (tenant, discount_id). */
export interface DiscountRow {
  tenant: string
  discount_id: number
  name: string
  is_active: boolean
  type: string
  active_from: IsoInstant | null
  active_to: IsoInstant | null
  event_ids: number[]
  show_ids: number[]
  created_at: IsoInstant | null
  updated_at: IsoInstant | null
  deleted_at: IsoInstant | null
  _ver: number
}

/** `stg_qtickets_api_promo_codes_raw`. Key (tenant, promo_code_id). */
export interface PromoCodeRow {
  tenant: string
  promo_code_id: number
  discount_id: number
  /** May be all digits; always a string. */
  code: string
  type: number
  is_active: boolean
  max_uses_count: number
  active_from: IsoInstant | null
  active_to: IsoInstant | null
  created_at: IsoInstant | null
  updated_at: IsoInstant | null
  deleted_at: IsoInstant | null
  _ver: number
}

/** `stg_qtickets_api_color_themes_raw`. Key (tenant, color_theme_id). */
export interface ColorThemeRow {
  tenant: string
  color_theme_id: number
  /** `#rrggbb`. */
  color: string
  _ver: number
}

/** `stg_qtickets_api_barcodes_raw`: currently valid tickets of a show (no holder names). Key (tenant, show_id, barcode). */
export interface BarcodeRow {
  tenant: string
  show_id: number
  barcode: string
  admission: boolean
  price: Money
  seat_name: string
  zone_name: string
  seat_row: string
  seat_place: string
  checked_at: IsoInstant | null
  /** When the barcode list last contained this ticket. */
  seen_at: IsoInstant
  _ver: number
}

/** `stg_qtickets_api_partner_tickets_raw`: Partners API tickets, hashes only. Key (tenant, ticket_id). */
export interface PartnerTicketRow {
  tenant: string
  ticket_id: string
  event_id: number
  show_id: number | null
  paid: boolean
  paid_at: IsoInstant | null
  deleted: boolean
  seat_id: string
  offer_id: string
  admission: boolean
  reserved_to: IsoInstant | null
  external_id: string | null
  external_order_id: string | null
  barcode: string | null
  price: Money | null
  client_email_hash: string | null
  client_phone_hash: string | null
  _ver: number
}

/** Input row type of each table `sink.insert` accepts. */
export interface TableRows {
  stg_qtickets_api_orders_raw: OrderRow
  stg_qtickets_api_baskets_raw: BasketRow
  stg_qtickets_api_inventory_raw: InventoryRow
  stg_qtickets_api_clients_raw: ClientRow
  stg_qtickets_api_discounts_raw: DiscountRow
  stg_qtickets_api_promo_codes_raw: PromoCodeRow
  stg_qtickets_api_color_themes_raw: ColorThemeRow
  stg_qtickets_api_barcodes_raw: BarcodeRow
  stg_qtickets_api_partner_tickets_raw: PartnerTicketRow
  dim_events: EventRow
  dim_shows: ShowRow
}

/** Name of a table `sink.insert` accepts. */
export type WritableTable = keyof TableRows
