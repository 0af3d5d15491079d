/**
 * Renders an order state as the exact wire object of `GET orders` / `GET orders/{id}`: field
 * order, nulls, `[]` for empty objects, `""` for empty `custom`, booleans, num-str barcodes and
 * `+03:00` timestamps, as in fixtures/qtickets/orders.page1.json.
 */
import { SITES } from './catalog'
import { clientWire, holderOf } from './clients'
import { GA_ZONE, RESERVED_ZONE } from './hall'
import { alnumOf, hexOf } from './prng'
import type { BasketState, OrderState } from './order-state'
import { formatMoscow } from './time'
import type { Tenant } from './tenant-types'

const ts = (ms: number | null): string | null => (ms === null ? null : formatMoscow(ms))

/** The 12-digit barcode of a basket (reversible: "87" + the basket id on ten digits). */
export function barcodeOf(basketId: number): string {
  return `87${String(basketId).padStart(10, '0')}`
}

/** The basket id encoded in a barcode, or null when it is not one of ours. */
export function basketIdOfBarcode(barcode: string): number | null {
  return /^87\d{10}$/.test(barcode) ? Number(barcode.slice(2)) : null
}

/** The num-str series of a basket. */
function seriesOf(basketId: number): string {
  return `8835${String(basketId % 100_000).padStart(5, '0')}`
}

/** The human seat label used on baskets and barcodes (`Партер: ряд 5, место 12`). */
export function basketSeatName(basket: BasketState['core']): string {
  return basket.seat === null ? 'Танцевальный партер' : `Партер: ряд ${basket.seat.row}, место ${basket.seat.place}`
}

/** The basket `seat_id` (the seat's root id). */
export function basketSeatId(basket: BasketState['core']): string {
  return basket.seat === null ? `${GA_ZONE}-1;1` : `${RESERVED_ZONE}-${basket.seat.row};${basket.seat.place}`
}

function renderBasket(tenant: Tenant, order: OrderState, basket: BasketState): Record<string, unknown> {
  const core = basket.core
  const holder = holderOf(tenant, order.core.clientIndex)
  const valid = order.payed && basket.deletedMs === null
  const token = alnumOf(10, tenant.seed, core.id, 301)
  const hash = hexOf(32, tenant.seed, core.id, 302)
  const corporate = order.core.corporate
  return {
    id: core.id,
    series: seriesOf(core.id),
    barcode: valid ? barcodeOf(core.id) : null,
    show_id: core.show.id,
    seat_id: basketSeatId(core),
    seat_name: basketSeatName(core),
    original_price: core.originalPrice,
    ticket_original_price: core.originalPrice,
    discount_value: core.discountValue,
    price: core.price,
    ticket_amount: basket.deletedMs === null ? core.price : 0,
    service_fee_amount: core.serviceFee,
    multiprice_code: core.tariff,
    quantity: core.quantity,
    client_email: holder.email,
    client_phone: holder.phone,
    client_name: holder.name,
    client_surname: holder.surname,
    client_middlename: holder.middlename,
    organization_name: corporate ? 'ООО «Ромашка-Тест»' : null,
    legal_name: corporate ? 'Общество с ограниченной ответственностью «Ромашка-Тест»' : null,
    work_position: corporate ? 'бухгалтер' : null,
    inn: corporate ? '7700000001' : null,
    kpp: corporate ? '770001001' : null,
    comment: null,
    pdf_url: valid ? `https://qtickets.test/ticket/pdf/${token}/${hash}` : null,
    passbook_url: valid ? `https://qtickets.test/ticket/passbook/${token}/${hash}` : null,
    related_baskets: [],
    services: [],
    checked_at: ts(basket.checkedMs),
    created_at: formatMoscow(order.core.basketsCreatedMs),
    updated_at: formatMoscow(basket.updatedMs),
    deleted_at: ts(basket.deletedMs),
    refunded_at: ts(basket.refundedMs),
    refunded_amount: basket.refundedAmount,
    refunded_deduction_amount: basket.refundedDeduction,
    refunds: [],
  }
}

/** Renders an order; `single` gives the `orders/{id}` variant (integrations always an object). */
export function renderOrder(tenant: Tenant, order: OrderState, single: boolean): Record<string, unknown> {
  const core = order.core
  const uniqid = alnumOf(10, tenant.seed, core.i, 303)
  const site = SITES[core.siteIndex] ?? SITES[0]
  const cardless = core.paymentType === '7000123' || core.price === 0
  const integrations = core.roistatVisit !== null || single ? { roistat: { roistat_visit: core.roistatVisit } } : []
  const discounted = core.discount !== 'none'
  const discountRef = core.discount === 'invitation' ? tenant.invitation : tenant.promo
  return {
    id: core.id,
    uniqid,
    payed: order.payed,
    payed_at: ts(order.payedMs),
    client_id: tenant.ids.client + core.clientIndex,
    client: clientWire(tenant, core.clientIndex),
    site_id: site.id,
    site: { id: site.id, host: site.host },
    payment_id: 9301,
    payment_type_id: core.paymentType,
    payment_card_number: order.payed && !cardless ? `220000******${String(core.clientIndex % 10_000).padStart(4, '0')}` : null,
    payment_url: `https://qtickets.test/pay/${uniqid}`,
    cancel_url: `https://qtickets.test/cancel-order/${uniqid}/${hexOf(32, tenant.seed, core.i, 304)}`,
    basket_user_id: tenant.ids.basketUser + core.i,
    backend_user_id: core.kind === 'reservation' ? 3101 : null,
    access_code_id: null,
    discount_id: discounted ? discountRef.discountId : null,
    promo_code_id: discounted ? discountRef.promoCodeId : null,
    reserved: core.kind === 'reservation',
    reserved_to: formatMoscow(core.reservedToMs),
    reserve_extended: false,
    event_id: core.event.id,
    price: core.price,
    original_price: core.originalPrice,
    currency_id: 'RUB',
    utm: core.utm ?? [],
    custom: core.custom ?? '',
    fields: core.corporate ? { organization_name: 'ООО «Ромашка-Тест»', inn: '7700000001', kpp: '770001001' } : [],
    baskets: order.baskets.map((b) => renderBasket(tenant, order, b)),
    refunds: [],
    integrations,
    created_at: formatMoscow(core.createdMs),
    updated_at: formatMoscow(order.updatedMs),
    deleted_at: ts(order.deletedMs),
  }
}
