/**
 * Show routes: `shows/{id}/seats`, `shows/{id}/barcodes`, `shows/{id}/barcode/{code}` and
 * `shows/{id}`. Unknown or foreign show ids answer a JSON 404 with resource "Show" (the
 * resource name is an invention: the real answer was never captured).
 */
import { barcodeEntry, isValidTicket, showBarcodes } from './barcodes'
import { BARCODE_COLUMNS, SEAT_COLUMNS } from './columns'
import type { ListParams } from './query'
import { basketIdOfBarcode } from './render-order'
import { renderShow } from './render-event'
import { jsonResponse, resourceNotFound, type SimResponse } from './responses'
import { showSeats } from './seats'
import type { ShowRef } from './tenant-types'
import type { TenantRuntime } from './tenant-runtime'
import { formatMoscow } from './time'
import { compileWhere, wireGetter } from './where'

function findShow(rt: TenantRuntime, id: number, nowMs: number): ShowRef | null {
  const ref = rt.tenant.showsById.get(id)
  return ref && ref.event.createdMs <= nowMs ? ref : null
}

/** Keeps only the selected fields, in the order they were asked for; unknown names are skipped. */
function project(entry: Record<string, unknown>, select: readonly string[] | null): Record<string, unknown> {
  if (select === null) return entry
  const out: Record<string, unknown> = {}
  for (const field of select) if (field in entry) out[field] = entry[field]
  return out
}

/**
 * `GET shows/{id}/seats`. With `flat: true` a map keyed by seat id; otherwise a zones→seats tree
 * `{[zone_id]: {zone_id, zone_root_id, seats: {[id]: Seat}}}` (the real tree shape was never
 * captured; prefer `flat: true`).
 */
export function getSeats(rt: TenantRuntime, id: number, params: ListParams, nowMs: number): SimResponse {
  const ref = findShow(rt, id, nowMs)
  if (!ref) return resourceNotFound('Show', id)
  const test = compileWhere(params.where, SEAT_COLUMNS, wireGetter(SEAT_COLUMNS))
  const seats = showSeats(rt, ref.event, ref.show, nowMs).filter(test)
  const data: Record<string, unknown> = {}
  if (params.flat) {
    for (const seat of seats) data[String(seat.id)] = project(seat, params.select)
  } else {
    for (const seat of seats) {
      const zoneId = String(seat.zone_id)
      const zone = (data[zoneId] ??= { zone_id: zoneId, zone_root_id: seat.zone_root_id, seats: {} }) as { seats: Record<string, unknown> }
      zone.seats[String(seat.id)] = project(seat, params.select)
    }
  }
  return jsonResponse(200, { data })
}

/** `GET shows/{id}/barcodes`: a bare array of the valid tickets. */
export function getBarcodes(rt: TenantRuntime, id: number, params: ListParams, nowMs: number): SimResponse {
  const ref = findShow(rt, id, nowMs)
  if (!ref) return resourceNotFound('Show', id)
  const test = compileWhere(params.where, BARCODE_COLUMNS, wireGetter(BARCODE_COLUMNS))
  return jsonResponse(200, showBarcodes(rt, ref.event, ref.show, nowMs).filter(test).map((e) => project(e, params.select)))
}

/** `GET shows/{id}/barcode/{code}`: a bare `{barcode, checked_at}`; 404 "Ticket" for anything not valid. */
export function getBarcodeStatus(rt: TenantRuntime, id: number, code: string, nowMs: number): SimResponse {
  const ref = findShow(rt, id, nowMs)
  if (!ref) return resourceNotFound('Show', id)
  const notFound = resourceNotFound('Ticket', Number.parseInt(code, 10) || 0)
  const basketId = basketIdOfBarcode(code)
  if (basketId === null) return notFound
  const offset = basketId - rt.tenant.ids.basket
  const i = Math.floor(offset / 8)
  if (offset < 0 || i >= rt.visibleOrders(nowMs)) return notFound
  const order = rt.state(i, nowMs)
  const basket = order.baskets[offset % 8]
  if (!basket || basket.core.show.id !== id || !isValidTicket(order, basket)) return notFound
  const entry = barcodeEntry(rt, order, basket)
  return jsonResponse(200, { barcode: entry.barcode, checked_at: basket.checkedMs === null ? null : formatMoscow(basket.checkedMs) })
}

/** `GET shows/{id}` (route known to exist; shape unknown, so the simulator returns the show as in events). */
export function getShow(rt: TenantRuntime, id: number, nowMs: number): SimResponse {
  const ref = findShow(rt, id, nowMs)
  if (!ref) return resourceNotFound('Show', id)
  return jsonResponse(200, { data: renderShow(ref.event, ref.show, ref.event.deleted ? undefined : rt.tenant.halls[ref.event.index]) })
}
