/**
 * Ground truth computed from the simulator's own state (never from loader code):
 * expected daily sales by the rules of qtickets-api.md §10, expected inventory per show and
 * zone, and counts. End-to-end tests compare what a loader produced against these.
 */
import type { EventPlan, ShowPlan } from './events-plan'
import { GA_ZONE, RESERVED_ZONE } from './hall'
import { paymentShownMs, type OrderState } from './order-state'
import { showSeats } from './seats'
import type { TenantRuntime } from './tenant-runtime'
import { calendarDateIn } from './time'

/** One (tenant, date, event) cell of expected daily sales. */
export interface DailySalesRow {
  tenant: string
  /** Calendar date of `payed_at` in the report time zone, `YYYY-MM-DD`. */
  date: string
  eventId: number
  /** `event.city.name`. */
  city: string
  /** Sale orders: paid, `payed_at` set, not cancelled, at least one counted basket. */
  orders: number
  /** Σ quantity of counted baskets (neither cancelled nor refunded). */
  tickets: number
  /** Σ price × quantity of counted baskets (after discount, without service fees). */
  revenue: number
  /** Σ quantity of refunded (not cancelled) baskets of paid, not cancelled orders. */
  refundedTickets: number
  /** Σ price × quantity of those refunded baskets. */
  refundedRevenue: number
}

/** Expected inventory of one zone of one show. */
export interface InventoryRow {
  tenant: string
  eventId: number
  showId: number
  /** Zone root id (`PARTER`, `tancevalnyj-parter`). */
  zone: string
  /** Physical places (reserved zone, counted once per `root_id`) or `max_quantity` (general admission). */
  capacity: number
  free: number
  /** Paid. */
  sold: number
  /** Unpaid reservations plus baskets not yet ordered. */
  reserved: number
  disabled: number
}

/** Counts over the visible orders. */
export interface SimulatorStats {
  orders: number
  paidOrders: number
  unpaidOrders: number
  cancelledOrders: number
  expiredReservations: number
  liveReservations: number
  baskets: number
  countedBaskets: number
  refundedBaskets: number
  deletedBaskets: number
  tickets: number
  clients: number
  events: number
  shows: number
}

function addSale(cells: Map<string, DailySalesRow>, tenant: string, date: string, event: EventPlan, order: OrderState): void {
  const key = `${date}|${event.id}`
  let cell = cells.get(key)
  if (!cell) {
    cell = { tenant, date, eventId: event.id, city: event.city.name, orders: 0, tickets: 0, revenue: 0, refundedTickets: 0, refundedRevenue: 0 }
    cells.set(key, cell)
  }
  let counted = 0
  for (const basket of order.baskets) {
    if (basket.deletedMs !== null) continue
    const amount = basket.core.price * basket.core.quantity
    if (basket.refundedMs === null) {
      counted++
      cell.tickets += basket.core.quantity
      cell.revenue += amount
    } else {
      cell.refundedTickets += basket.core.quantity
      cell.refundedRevenue += amount
    }
  }
  if (counted > 0) cell.orders++
}

/** Expected daily sales of one tenant at `nowMs`, sorted by date then event id. */
export function dailySales(rt: TenantRuntime, nowMs: number, reportTimeZone: string): DailySalesRow[] {
  const dateOf = calendarDateIn(reportTimeZone)
  const cells = new Map<string, DailySalesRow>()
  const visible = rt.visibleOrders(nowMs)
  for (let i = 0; i < visible; i++) {
    const core = rt.core(i)
    // Same rule as the API: a payment counts once it is shown (its `updated_at` is not after now).
    const shownMs = paymentShownMs(core)
    if (shownMs === null || shownMs > nowMs) continue
    const order = rt.state(i, nowMs)
    if (!order.payed || order.payedMs === null || order.deletedMs !== null) continue
    addSale(cells, rt.tenant.name, dateOf(order.payedMs), core.event, order)
  }
  return [...cells.values()]
    .filter((c) => c.tickets > 0 || c.refundedTickets > 0)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.eventId - b.eventId))
}

function zoneRows(rt: TenantRuntime, event: EventPlan, show: ShowPlan, nowMs: number): InventoryRow[] {
  const byZone = new Map<string, InventoryRow>()
  const seen = new Set<string>()
  for (const seat of showSeats(rt, event, show, nowMs)) {
    const rootId = String(seat.root_id)
    if (seen.has(rootId)) continue
    seen.add(rootId)
    const zone = String(seat.zone_root_id)
    let row = byZone.get(zone)
    if (!row) {
      row = { tenant: rt.tenant.name, eventId: event.id, showId: show.id, zone, capacity: 0, free: 0, sold: 0, reserved: 0, disabled: 0 }
      byZone.set(zone, row)
    }
    const capacity = Number(seat.max_quantity)
    row.capacity += capacity
    row.sold += Number(seat.payed_quantity)
    row.reserved += Number(seat.ordered_quantity) + Number(seat.in_basket_quantity)
    if (seat.disabled === true) row.disabled += capacity
    else row.free += Number(seat.free_quantity)
  }
  return [RESERVED_ZONE, GA_ZONE].flatMap((zone) => byZone.get(zone) ?? [])
}

/** Expected inventory of every show of a tenant's live events at `nowMs`. */
export function inventory(rt: TenantRuntime, nowMs: number): InventoryRow[] {
  return rt.tenant.events
    .filter((e) => e.createdMs <= nowMs)
    .flatMap((e) => e.shows.flatMap((s) => zoneRows(rt, e, s, nowMs)))
}

/** Counts over a tenant's visible orders, clients, events and shows. */
export function tenantStats(rt: TenantRuntime, nowMs: number): SimulatorStats {
  const visible = rt.visibleOrders(nowMs)
  const stats: SimulatorStats = {
    orders: visible, paidOrders: 0, unpaidOrders: 0, cancelledOrders: 0, expiredReservations: 0, liveReservations: 0,
    baskets: 0, countedBaskets: 0, refundedBaskets: 0, deletedBaskets: 0, tickets: 0,
    clients: rt.clients.count(visible),
    events: rt.tenant.allEvents.filter((e) => e.createdMs <= nowMs).length,
    shows: rt.tenant.allEvents.filter((e) => e.createdMs <= nowMs).reduce((n, e) => n + e.shows.length, 0),
  }
  for (let i = 0; i < visible; i++) {
    const order = rt.state(i, nowMs)
    if (order.payed) stats.paidOrders++
    else stats.unpaidOrders++
    if (order.payed && order.deletedMs !== null) stats.cancelledOrders++
    if (!order.payed && order.deletedMs !== null) stats.expiredReservations++
    if (!order.payed && order.deletedMs === null) stats.liveReservations++
    for (const basket of order.baskets) {
      stats.baskets++
      if (basket.deletedMs !== null) stats.deletedBaskets++
      else if (basket.refundedMs !== null) stats.refundedBaskets++
      else {
        stats.countedBaskets++
        stats.tickets += basket.core.quantity
      }
    }
  }
  return stats
}
