import type { BasketRow, OrderRow, PiiHasher } from '@zakaz/clickhouse-sink'
import type { Basket, Order } from '@zakaz/qtickets-sdk'
import { isoInstant, isoOrNull, latestMs } from './instant.js'

/** What an order transform needs besides the order. */
export interface OrderTransformContext {
  tenant: string
  /** Keyed hasher for e-mails and phones (`sink.pii` / `createPiiHasher`). */
  pii: PiiHasher
}

/** The staging rows of one order version. */
export interface OrderRows {
  order: OrderRow
  baskets: BasketRow[]
}

/**
 * An order → its `stg_qtickets_api_orders_raw` row and one `stg_qtickets_api_baskets_raw` row per ticket.
 * Buyer e-mail and phone are stored only as keyed hashes; names, URLs and card numbers are dropped.
 * `_ver` is derived from the source, so re-reading an unchanged order yields byte-identical rows:
 * the order's is the latest of `updated_at`, `payed_at` and `deleted_at` (normally `updated_at`), a
 * basket's is the latest of that and the basket's own `updated_at`, `deleted_at`, `refunded_at`, `checked_at`.
 */
export function orderToRows(order: Order, context: OrderTransformContext): OrderRows {
  const orderVersion = latestMs(order.updated_at, order.payed_at, order.deleted_at)
  return {
    order: orderRow(order, context, orderVersion),
    baskets: order.baskets.map((basket) => basketRow(order, basket, context.tenant, orderVersion)),
  }
}

function orderRow(order: Order, { tenant, pii }: OrderTransformContext, version: number): OrderRow {
  const utm = order.utm
  return {
    tenant,
    order_id: order.id,
    uniqid: order.uniqid,
    payed: order.payed,
    payed_at: isoOrNull(order.payed_at),
    created_at: isoInstant(order.created_at),
    updated_at: isoInstant(order.updated_at),
    deleted_at: isoOrNull(order.deleted_at),
    price: order.price,
    original_price: order.original_price,
    currency_id: order.currency_id,
    event_id: order.event_id,
    client_id: order.client_id,
    client_email_hash: pii.email(order.client.email),
    client_phone_hash: pii.phone(order.client.details.phone),
    discount_id: order.discount_id,
    promo_code_id: order.promo_code_id,
    payment_type_id: order.payment_type_id,
    reserved: order.reserved,
    utm_source: utm.utm_source ?? '',
    utm_medium: utm.utm_medium ?? '',
    utm_campaign: utm.utm_campaign ?? '',
    utm_content: utm.utm_content ?? '',
    utm_term: utm.utm_term ?? '',
    _ver: version,
  }
}

function basketRow(order: Order, basket: Basket, tenant: string, orderVersion: number): BasketRow {
  return {
    tenant,
    basket_id: basket.id,
    order_id: order.id,
    event_id: order.event_id,
    show_id: basket.show_id,
    seat_id: basket.seat_id,
    multiprice_code: basket.multiprice_code,
    price: basket.price,
    original_price: basket.original_price,
    discount_value: basket.discount_value ?? 0,
    service_fee_amount: basket.service_fee_amount,
    quantity: basket.quantity,
    deleted_at: isoOrNull(basket.deleted_at),
    refunded_at: isoOrNull(basket.refunded_at),
    refunded_amount: basket.refunded_amount,
    checked_at: isoOrNull(basket.checked_at),
    created_at: isoInstant(basket.created_at),
    updated_at: isoInstant(basket.updated_at),
    _ver: Math.max(orderVersion, latestMs(basket.updated_at, basket.deleted_at, basket.refunded_at, basket.checked_at)),
  }
}
