/**
 * The small list resources: events, clients, discounts, promo codes and colour themes.
 * Events, discounts and promo codes are filtered and sorted on their wire objects; clients are
 * generated on demand (only an unfiltered page is O(page)); colour themes have no paging.
 */
import { COLOR_THEMES } from './catalog'
import { clientExists, clientWire } from './clients'
import { CLIENT_COLUMNS, DISCOUNT_COLUMNS, EVENT_COLUMNS, PROMO_CODE_COLUMNS } from './columns'
import { effectivePerPage, pagedBody, pageOf, type PagedResource } from './paging'
import type { ListParams } from './query'
import { renderDiscount, renderEvent, renderPromoCode } from './render-event'
import { jsonResponse, resourceNotFound, type SimResponse } from './responses'
import type { TenantRuntime } from './tenant-runtime'
import { compileOrderBy, compileWhere, wireGetter, type Columns } from './where'

/** Filters, sorts (id ascending by default) and pages a list of wire objects. */
function listWire(resource: PagedResource, items: Record<string, unknown>[], columns: Columns, params: ListParams, maxPerPage: number): SimResponse {
  const get = wireGetter(columns)
  const test = compileWhere(params.where, columns, get)
  const order = compileOrderBy(params.orderBy, columns, get)
  const matching = items.filter(test)
  if (order) matching.sort((a, b) => order(a, b) || Number(a.id) - Number(b.id))
  const perPage = effectivePerPage(resource, params.perPage, maxPerPage)
  return jsonResponse(200, pagedBody(pageOf(matching, params.page, perPage), perPage, params.page, matching.length))
}

function visibleEvents(rt: TenantRuntime, nowMs: number): Record<string, unknown>[] {
  return rt.tenant.allEvents.filter((e) => e.createdMs <= nowMs).map((e) => renderEvent(rt.tenant, e))
}

/** `GET events`. */
export function listEvents(rt: TenantRuntime, params: ListParams, nowMs: number, maxPerPage: number): SimResponse {
  return listWire('events', visibleEvents(rt, nowMs), EVENT_COLUMNS, params, maxPerPage)
}

/** `GET events/{id}`. */
export function getEvent(rt: TenantRuntime, id: number, nowMs: number): SimResponse {
  const event = rt.tenant.allEvents.find((e) => e.id === id && e.createdMs <= nowMs)
  return event ? jsonResponse(200, { data: renderEvent(rt.tenant, event) }) : resourceNotFound('Event', id)
}

/** `GET discounts`. */
export function listDiscounts(rt: TenantRuntime, params: ListParams, nowMs: number, maxPerPage: number): SimResponse {
  const items = rt.tenant.discounts.filter((d) => d.createdMs <= nowMs).map((d) => renderDiscount(rt.tenant, d, nowMs))
  return listWire('discounts', items, DISCOUNT_COLUMNS, params, maxPerPage)
}

/** `GET discounts/{id}`. */
export function getDiscount(rt: TenantRuntime, id: number, nowMs: number): SimResponse {
  const plan = rt.tenant.discounts.find((d) => d.id === id && d.createdMs <= nowMs)
  return plan ? jsonResponse(200, { data: renderDiscount(rt.tenant, plan, nowMs) }) : resourceNotFound('Discount', id)
}

/** `GET promo-codes`. */
export function listPromoCodes(rt: TenantRuntime, params: ListParams, nowMs: number, maxPerPage: number): SimResponse {
  const items = rt.tenant.promoCodes.filter((p) => p.createdMs <= nowMs).map(renderPromoCode)
  return listWire('promo-codes', items, PROMO_CODE_COLUMNS, params, maxPerPage)
}

/** `GET promo-codes/{id}` (a write route on the real API; the simulator answers reads of it). */
export function getPromoCode(rt: TenantRuntime, id: number, nowMs: number): SimResponse {
  const plan = rt.tenant.promoCodes.find((p) => p.id === id && p.createdMs <= nowMs)
  return plan ? jsonResponse(200, { data: renderPromoCode(plan) }) : resourceNotFound('PromoCode', id)
}

/** `GET color-themes`: `{data}` without paging, not sorted by id. */
export function listColorThemes(): SimResponse {
  return jsonResponse(200, { data: COLOR_THEMES.map((t) => ({ id: t.id, color: t.color })) })
}

/** `GET clients`: an unfiltered page is computed directly; filters scan every client. */
export function listClients(rt: TenantRuntime, params: ListParams, nowMs: number, maxPerPage: number): SimResponse {
  const perPage = effectivePerPage('clients', params.perPage, maxPerPage)
  const visible = rt.visibleOrders(nowMs)
  const from = (params.page - 1) * perPage
  const plain = params.where.length === 0 && (params.orderBy.length === 0 || (params.orderBy.length === 1 && params.orderBy[0]?.[0] === 'id' && params.orderBy[0][1] === 'asc'))
  if (plain) {
    const total = rt.clients.count(visible)
    const data = rt.clients.slice(from, perPage, visible).map((j) => clientWire(rt.tenant, j))
    return jsonResponse(200, pagedBody(data, perPage, params.page, total))
  }
  const all: Record<string, unknown>[] = []
  for (let j = 0; j < visible; j++) if (clientExists(rt.tenant, j, visible)) all.push(clientWire(rt.tenant, j) as unknown as Record<string, unknown>)
  return listWire('clients', all, CLIENT_COLUMNS, params, maxPerPage)
}

/** `GET clients/{id}`. */
export function getClient(rt: TenantRuntime, id: number, nowMs: number): SimResponse {
  const j = id - rt.tenant.ids.client
  return clientExists(rt.tenant, j, rt.visibleOrders(nowMs)) ? jsonResponse(200, { data: clientWire(rt.tenant, j) }) : resourceNotFound('Client', id)
}
