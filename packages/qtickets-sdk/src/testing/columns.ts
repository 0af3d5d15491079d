/**
 * The columns each resource can be filtered and sorted on (top-level scalar fields, plus the
 * nested fields third-party clients are known to use, such as `city.name` or `details.phone`).
 */
import type { Columns } from './where'

/** Orders (`GET orders`). */
export const ORDER_COLUMNS: Columns = {
  id: 'number', uniqid: 'string', payed: 'bool', payed_at: 'timestamp', client_id: 'number', site_id: 'number',
  payment_id: 'number', payment_type_id: 'string', payment_card_number: 'string', basket_user_id: 'number',
  backend_user_id: 'number', access_code_id: 'number', discount_id: 'number', promo_code_id: 'number',
  reserved: 'bool', reserved_to: 'timestamp', reserve_extended: 'bool', event_id: 'number', price: 'number',
  original_price: 'number', currency_id: 'string', created_at: 'timestamp', updated_at: 'timestamp', deleted_at: 'timestamp',
}

/** Events (`GET events`). */
export const EVENT_COLUMNS: Columns = {
  id: 'number', is_active: 'bool', name: 'string', scheme_id: 'number', currency_id: 'string', place_name: 'string',
  place_address: 'string', city_id: 'number', external_id: 'string', age: 'string', event_type_id: 'number', slug: 'string',
  'city.id': 'number', 'city.name': 'string', 'city.timezone': 'string',
  created_at: 'timestamp', updated_at: 'timestamp', deleted_at: 'timestamp',
}

/** Clients (`GET clients`). */
export const CLIENT_COLUMNS: Columns = {
  id: 'number', email: 'string', 'details.id': 'number', 'details.name': 'string', 'details.surname': 'string',
  'details.middlename': 'string', 'details.phone': 'string', 'details.vk_id': 'string',
}

/** Discounts (`GET discounts`). */
export const DISCOUNT_COLUMNS: Columns = {
  id: 'number', is_active: 'bool', name: 'string', type: 'string', active_from: 'timestamp', active_to: 'timestamp',
  created_at: 'timestamp', updated_at: 'timestamp', deleted_at: 'timestamp',
}

/** Promo codes (`GET promo-codes`). */
export const PROMO_CODE_COLUMNS: Columns = {
  id: 'number', is_active: 'bool', type: 'number', discount_id: 'number', code: 'string', max_uses_count: 'number',
  active_from: 'timestamp', active_to: 'timestamp', created_at: 'timestamp', updated_at: 'timestamp', deleted_at: 'timestamp',
}

/** Seats (`GET shows/{id}/seats`), including `root_zone_id`, which is not in the select list. */
export const SEAT_COLUMNS: Columns = {
  id: 'string', root_id: 'string', name: 'string', zone_id: 'string', zone_root_id: 'string', root_zone_id: 'string',
  short_seat_id: 'string', admission: 'bool', row: 'string', place: 'string', max_quantity: 'number',
  free_quantity: 'number', ordered_quantity: 'number', available: 'bool', disabled: 'bool', ordered: 'bool',
  payed_quantity: 'number', in_basket_quantity: 'number', price: 'number', currency_id: 'string',
  multiprice_name: 'string', multiprice_code: 'string', color_theme_id: 'number',
  'spread.partner_id': 'number', 'spread.users': 'array', 'spread.client_emails': 'array',
}

/** Barcodes (`GET shows/{id}/barcodes`). */
export const BARCODE_COLUMNS: Columns = {
  barcode: 'string', admission: 'bool', price: 'number', seat_name: 'string', zone_name: 'string', row: 'string',
  place: 'string', client_name: 'string', client_surname: 'string', client_middlename: 'string',
}
