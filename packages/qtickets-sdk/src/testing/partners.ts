/**
 * A small Partners API surface (`/api/partners/v1/…`): `events/lists` and `tickets/find`.
 * Every answer is HTTP 200; failures carry `status: "error"` (a wrong key gives
 * WRONG_AUTHORIZATION). GET and POST are equivalent and parameters may come from the query
 * or the body. Timestamps use the event city's local offset, unlike REST.
 */
import { holderOf } from './clients'
import type { EventPlan, ShowPlan } from './events-plan'
import { hexOf } from './prng'
import { basketIdOfBarcode, barcodeOf, basketSeatId } from './render-order'
import { jsonResponse, type SimResponse } from './responses'
import type { TenantRuntime } from './tenant-runtime'
import { formatWithOffset, offsetMinutesAt } from './time'

const localTime = (ms: number, event: EventPlan) => formatWithOffset(ms, offsetMinutesAt(ms, event.city.timezone))

/** The Partners error body (sent with HTTP 200). */
export function partnersError(code: string, message: string): SimResponse {
  return jsonResponse(200, { status: 'error', code, message })
}

function eventRow(event: EventPlan, show: ShowPlan, seed: number): Record<string, unknown> {
  return {
    event_id: event.id,
    show_id: show.id,
    event_name: event.name,
    start_date: localTime(show.startMs, event),
    finish_date: localTime(show.finishMs, event),
    scheme: { id: event.schemeId, venue_id: 12000 + (event.schemeId % 100), place_name: event.venue.name, place_address: event.venue.address, place_description: '' },
    city: { id: event.city.id, name: event.city.name, timezone: event.city.timezone, coords: event.city.coords },
    event_type: { id: event.kind.typeId, name: event.kind.title },
    age: event.kind.age,
    fanid_required: false,
    has_document_verification: false,
    integrations: event.kind.typeId === 3 ? [{ source_name: 'pro-culture', source_id: 4_400_000 + event.index }] : [],
    last_update_hash: hexOf(40, seed, show.id, event.updatedMs),
  }
}

/** `events/lists`: one row per upcoming show of the tenant's live events. */
export function partnerEventsList(rt: TenantRuntime, nowMs: number): SimResponse {
  const rows = rt.tenant.allEvents
    .filter((e) => !e.deleted && e.createdMs <= nowMs)
    .flatMap((e) => e.shows.filter((s) => s.startMs > nowMs).map((s) => eventRow(e, s, rt.tenant.seed)))
  return jsonResponse(200, { status: 'success', result: rows })
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

function ticketOf(rt: TenantRuntime, basketId: number, nowMs: number): Record<string, unknown> | null {
  const offset = basketId - rt.tenant.ids.basket
  const i = Math.floor(offset / 8)
  if (offset < 0 || i >= rt.visibleOrders(nowMs)) return null
  const order = rt.state(i, nowMs)
  const basket = order.baskets[offset % 8]
  if (!basket) return null
  const b = basket.core
  const event = order.core.event
  const holder = holderOf(rt.tenant, order.core.clientIndex)
  const deleted = basket.deletedMs !== null || basket.refundedMs !== null || order.deletedMs !== null
  return {
    id: b.id,
    paid: order.payed ? 1 : 0,
    paid_at: order.payedMs === null ? null : localTime(order.payedMs, event),
    seat_id: basketSeatId(b),
    offer_id: b.seat === null ? '' : (b.tariff ?? 'full'),
    admission: b.seat === null,
    reserved_to: localTime(order.core.reservedToMs, event),
    external_id: null,
    external_order_id: null,
    barcode: order.payed && basket.deletedMs === null ? barcodeOf(b.id) : null,
    price: b.price,
    client_email: holder.email,
    client_phone: holder.phone,
    client_name: holder.name,
    client_surname: holder.surname,
    client_middlename: holder.middlename,
    deleted: deleted ? 1 : 0,
  }
}

/** `tickets/find`: by `filter.id` (ticket id) or `filter.barcode`; external ids never match (no partner sales). */
export function partnerTicketsFind(rt: TenantRuntime, params: Record<string, unknown>, nowMs: number): SimResponse {
  const filter = (typeof params.filter === 'string' ? safeJson(params.filter) : params.filter) as Record<string, unknown> | undefined
  if (!filter || typeof filter !== 'object') return partnersError('VALIDATION_ERROR', 'Filter is required')
  const ids = [
    ...asList(filter.id).map(Number),
    ...asList(filter.barcode).map((code) => basketIdOfBarcode(code) ?? -1),
  ].filter((id) => Number.isInteger(id) && id > 0)
  const result = [...new Set(ids)].flatMap((id) => ticketOf(rt, id, nowMs) ?? [])
  return jsonResponse(200, { status: 'success', result })
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
