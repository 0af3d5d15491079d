/**
 * Who holds which seat of a show at an instant, derived from the orders: paid tickets,
 * unpaid live reservations ("ordered") and baskets whose order is not placed yet
 * ("in basket", the ~minute between putting a ticket in the basket and placing the order).
 */
import type { EventPlan, ShowPlan } from './events-plan'
import type { TenantRuntime } from './tenant-runtime'
import { MINUTE } from './time'

/** Holdings of one seat or of the general-admission zone. */
export interface Holding {
  payed: number
  ordered: number
  inBasket: number
}

/** Holdings of a show: reserved seats by `row;place`, and the general-admission zone. */
export interface ShowOccupancy {
  seats: Map<string, Holding>
  ga: Holding
}

function hold(map: Map<string, Holding>, key: string): Holding {
  let holding = map.get(key)
  if (!holding) {
    holding = { payed: 0, ordered: 0, inBasket: 0 }
    map.set(key, holding)
  }
  return holding
}

/** Computes the holdings of one show at `nowMs`. */
export function showOccupancy(rt: TenantRuntime, event: EventPlan, show: ShowPlan, nowMs: number): ShowOccupancy {
  const result: ShowOccupancy = { seats: new Map(), ga: { payed: 0, ordered: 0, inBasket: 0 } }
  if (event.deleted) return result
  // Baskets are created at most a minute before their order: look that far past `now`.
  const limit = rt.visibleOrders(nowMs + MINUTE)
  const visible = rt.visibleOrders(nowMs)
  for (const i of rt.tenant.timeline.ordersOfEvent(event.index, event, limit)) {
    const core = rt.core(i)
    if (!core.baskets.some((b) => b.show.id === show.id)) continue
    if (i >= visible) {
      if (core.basketsCreatedMs > nowMs) continue
      for (const b of core.baskets) {
        if (b.show.id !== show.id) continue
        const h = b.seat === null ? result.ga : hold(result.seats, `${b.seat.row};${b.seat.place}`)
        h.inBasket += b.quantity
      }
      continue
    }
    const state = rt.state(i, nowMs)
    for (const basket of state.baskets) {
      const b = basket.core
      if (b.show.id !== show.id || basket.deletedMs !== null || basket.refundedMs !== null) continue
      if (!state.payed && state.deletedMs !== null) continue
      const h = b.seat === null ? result.ga : hold(result.seats, `${b.seat.row};${b.seat.place}`)
      if (state.payed) h.payed += b.quantity
      else h.ordered += b.quantity
    }
  }
  return result
}

/** The general-admission capacity of a show: total planned demand plus a quarter, rounded up to tens. */
export function gaCapacity(rt: TenantRuntime, event: EventPlan, show: ShowPlan): number {
  const cached = rt.gaCapacity.get(show.id)
  if (cached !== undefined) return cached
  let demand = 0
  for (const i of rt.tenant.timeline.ordersOfEvent(event.index, event, rt.tenant.timeline.totalOrders)) {
    for (const b of rt.core(i).baskets) if (b.show.id === show.id && b.seat === null) demand += b.quantity
  }
  const capacity = Math.max(50, Math.ceil((demand * 1.25) / 10) * 10)
  rt.gaCapacity.set(show.id, capacity)
  return capacity
}
