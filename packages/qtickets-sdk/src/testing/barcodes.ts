/**
 * Currently valid tickets of a show (`GET shows/{id}/barcodes`): baskets of paid, not cancelled
 * orders that are neither cancelled nor refunded, one entry per basket, by basket id.
 */
import { holderOf } from './clients'
import type { EventPlan, ShowPlan } from './events-plan'
import type { BasketState, OrderState } from './order-state'
import { barcodeOf, basketSeatName } from './render-order'
import type { TenantRuntime } from './tenant-runtime'

/** Whether a basket is a valid ticket (listed by `barcodes`, scannable). */
export function isValidTicket(order: OrderState, basket: BasketState): boolean {
  return order.payed && order.deletedMs === null && basket.deletedMs === null && basket.refundedMs === null
}

/** The barcode entry of a valid ticket, in wire field order. */
export function barcodeEntry(rt: TenantRuntime, order: OrderState, basket: BasketState): Record<string, unknown> {
  const b = basket.core
  const holder = holderOf(rt.tenant, order.core.clientIndex)
  return {
    barcode: barcodeOf(b.id),
    admission: b.seat === null,
    price: b.price,
    seat_name: basketSeatName(b),
    zone_name: b.seat === null ? 'Танцевальный партер' : 'Партер',
    row: b.seat === null ? '1' : String(b.seat.row),
    place: b.seat === null ? '1' : String(b.seat.place),
    client_name: holder.name,
    client_surname: holder.surname,
    client_middlename: holder.middlename,
  }
}

/** Every valid ticket of a show at `nowMs`. */
export function showBarcodes(rt: TenantRuntime, event: EventPlan, show: ShowPlan, nowMs: number): Record<string, unknown>[] {
  if (event.deleted) return []
  const entries: Record<string, unknown>[] = []
  for (const i of rt.tenant.timeline.ordersOfEvent(event.index, event, rt.visibleOrders(nowMs))) {
    const core = rt.core(i)
    if (!core.baskets.some((b) => b.show.id === show.id)) continue
    const order = rt.state(i, nowMs)
    for (const basket of order.baskets) {
      if (basket.core.show.id === show.id && isValidTicket(order, basket)) entries.push(barcodeEntry(rt, order, basket))
    }
  }
  return entries
}
