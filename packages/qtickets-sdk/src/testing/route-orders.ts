/**
 * `GET orders` and `GET orders/{id}`. Orders are generated on demand: an unfiltered page
 * (ordered by id, the default) is computed directly from the index range; a filtered or
 * re-ordered query scans the candidate range once (narrowed by `id`, `created_at` and
 * `payed_at` bounds when present) and caches the matching indexes for the next pages.
 */
import { ORDER_COLUMNS } from './columns'
import type { OrderState } from './order-state'
import { effectivePerPage, pagedBody } from './paging'
import type { ListParams, RawCondition } from './query'
import { renderOrder } from './render-order'
import { jsonResponse, resourceNotFound, type SimResponse } from './responses'
import type { TenantRuntime } from './tenant-runtime'
import { HOUR, parseStrictInstant } from './time'
import { compileOrderBy, compileWhere, type Getter } from './where'

/** Reads an order column from a state (timestamps as epoch ms). */
function orderColumn(rt: TenantRuntime): Getter<OrderState> {
  return (s, column) => {
    const c = s.core
    switch (column) {
      case 'id': return c.id
      case 'payed': return s.payed
      case 'payed_at': return s.payedMs
      case 'created_at': return c.createdMs
      case 'updated_at': return s.updatedMs
      case 'deleted_at': return s.deletedMs
      case 'reserved_to': return c.reservedToMs
      case 'event_id': return c.event.id
      case 'price': return c.price
      case 'original_price': return c.originalPrice
      case 'reserved': return c.kind === 'reservation'
      case 'client_id': return rt.tenant.ids.client + c.clientIndex
      default: {
        const value = renderOrder(rt.tenant, s, false)[column]
        return typeof value === 'string' && ORDER_COLUMNS[column] === 'timestamp' ? parseStrictInstant(value) : value
      }
    }
  }
}

/** Narrows [0, visible) using conditions on columns that grow with the order index. */
function candidateRange(rt: TenantRuntime, where: readonly RawCondition[], visible: number): [number, number] {
  let lo = 0
  let hi = visible
  const base = rt.tenant.ids.order
  const timeline = rt.tenant.timeline
  for (const { column, operator, value } of where) {
    if (column === 'id' && typeof value !== 'object') {
      const id = Number(value)
      if (!Number.isFinite(id)) continue
      if (operator === '=') { lo = Math.max(lo, Math.ceil(id - base)); hi = Math.min(hi, Math.floor(id - base) + 1) }
      if (operator === '>') lo = Math.max(lo, Math.floor(id - base) + 1)
      if (operator === '>=') lo = Math.max(lo, Math.ceil(id - base))
      if (operator === '<') hi = Math.min(hi, Math.ceil(id - base))
      if (operator === '<=') hi = Math.min(hi, Math.floor(id - base) + 1)
    }
    if ((column === 'created_at' || column === 'payed_at') && typeof value === 'string') {
      const ms = parseStrictInstant(value)
      if (ms === null) continue
      // A payment comes at most 20 hours after its order was created.
      const slack = column === 'payed_at' ? 25 * HOUR : 0
      if (operator === '>=') lo = Math.max(lo, timeline.countCreatedBy(ms - slack - 1))
      if (operator === '>') lo = Math.max(lo, timeline.countCreatedBy(ms - slack))
      if (operator === '<') hi = Math.min(hi, timeline.countCreatedBy(ms - 1))
      if (operator === '<=') hi = Math.min(hi, timeline.countCreatedBy(ms))
    }
  }
  lo = Math.max(0, lo)
  return [lo, Math.max(lo, Math.min(hi, visible))]
}

function isPlainIdOrder(params: ListParams): 'asc' | 'desc' | null {
  if (params.orderBy.length === 0) return 'asc'
  const [first] = params.orderBy
  return params.orderBy.length === 1 && first?.[0] === 'id' ? first[1] : null
}

/** Indexes of the orders matching a filtered query, in result order (cached across pages). */
function matchingIndexes(rt: TenantRuntime, params: ListParams, nowMs: number, visible: number): number[] {
  const key = JSON.stringify([nowMs, rt.version, params.where, params.orderBy])
  const cached = rt.queryCache.get(key)
  if (cached) return cached
  const get = orderColumn(rt)
  const test = compileWhere(params.where, ORDER_COLUMNS, get)
  const order = compileOrderBy(params.orderBy, ORDER_COLUMNS, get)
  const [lo, hi] = candidateRange(rt, params.where, visible)
  const matches: { i: number; keys: unknown[] }[] = []
  for (let i = lo; i < hi; i++) {
    const state = rt.state(i, nowMs)
    if (!test(state)) continue
    matches.push({ i, keys: order ? params.orderBy.map(([column]) => get(state, column)) : [] })
  }
  if (order) {
    // Compare on the extracted keys: a tiny row view that answers `get` from them.
    const columns = params.orderBy.map(([column]) => column)
    const byKeys = compileOrderBy(params.orderBy, ORDER_COLUMNS, (row: { keys: unknown[] }, column) => row.keys[columns.indexOf(column)])
    matches.sort((a, b) => byKeys?.(a, b) || a.i - b.i)
  }
  const indexes = matches.map((m) => m.i)
  rt.rememberQuery(key, indexes)
  return indexes
}

/** `GET orders`. */
export function listOrders(rt: TenantRuntime, params: ListParams, nowMs: number, maxPerPage: number): SimResponse {
  const perPage = effectivePerPage('orders', params.perPage, maxPerPage)
  const visible = rt.visibleOrders(nowMs)
  const from = (params.page - 1) * perPage
  const direction = params.where.length === 0 ? isPlainIdOrder(params) : null
  let total: number
  let page: number[]
  if (direction !== null) {
    total = visible
    const count = Math.max(0, Math.min(perPage, visible - from))
    page = Array.from({ length: count }, (_, k) => (direction === 'asc' ? from + k : visible - 1 - from - k))
  } else {
    const indexes = matchingIndexes(rt, params, nowMs, visible)
    total = indexes.length
    page = indexes.slice(from, from + perPage)
  }
  const data = page.map((i) => renderOrder(rt.tenant, rt.state(i, nowMs), false))
  return jsonResponse(200, pagedBody(data, perPage, params.page, total))
}

/** `GET orders/{id}`: the single variant (integrations always an object). */
export function getOrder(rt: TenantRuntime, id: number, nowMs: number): SimResponse {
  const i = rt.indexOfOrderId(id)
  if (i === null || i >= rt.visibleOrders(nowMs)) return resourceNotFound('Order', id)
  return jsonResponse(200, { data: renderOrder(rt.tenant, rt.state(i, nowMs), true) })
}
