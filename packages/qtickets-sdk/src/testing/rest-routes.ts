/**
 * The REST v1 route table (paths relative to `/api/rest/v1/`). Known routes are checked for a
 * token (403 otherwise) and accept only GET/HEAD: any other method answers 503 UNKNOWN_ERROR,
 * because on the real API POST/PUT/DELETE create or change data and failed with 503 in the
 * captures; the simulator is read-only. Unknown routes answer the HTML 404 page.
 */
import { getClient, getDiscount, getEvent, getPromoCode, listClients, listColorThemes, listDiscounts, listEvents, listPromoCodes } from './route-catalog'
import { getOrder, listOrders } from './route-orders'
import { getBarcodes, getBarcodeStatus, getSeats, getShow } from './route-shows'
import type { ListParams } from './query'
import type { SimResponse } from './responses'
import type { TenantRuntime } from './tenant-runtime'

/** Everything a route needs to answer. */
export interface RouteContext {
  rt: TenantRuntime
  params: ListParams
  nowMs: number
  maxPerPage: number
  /** Captured path segments. */
  args: string[]
}

/** A route: its pattern, whether GET reads it, and the reader. */
interface Route {
  pattern: RegExp
  read: ((ctx: RouteContext) => SimResponse) | null
}

/** PHP's intval on a path segment: leading digits, otherwise 0 (`discounts/colors` → id 0). */
export function phpIntval(segment: string): number {
  const match = /^\s*[+-]?\d+/.exec(segment)
  return match ? Number.parseInt(match[0], 10) : 0
}

const id = (ctx: RouteContext, n = 0) => phpIntval(ctx.args[n] ?? '')

const ROUTES: Route[] = [
  { pattern: /^orders$/, read: (c) => listOrders(c.rt, c.params, c.nowMs, c.maxPerPage) },
  { pattern: /^orders\/([^/]+)$/, read: (c) => getOrder(c.rt, id(c), c.nowMs) },
  { pattern: /^orders\/([^/]+)\/baskets$/, read: null },
  { pattern: /^orders\/([^/]+)\/restore$/, read: null },
  { pattern: /^baskets\/([^/]+)$/, read: null },
  { pattern: /^clients$/, read: (c) => listClients(c.rt, c.params, c.nowMs, c.maxPerPage) },
  { pattern: /^clients\/([^/]+)$/, read: (c) => getClient(c.rt, id(c), c.nowMs) },
  { pattern: /^events$/, read: (c) => listEvents(c.rt, c.params, c.nowMs, c.maxPerPage) },
  { pattern: /^events\/([^/]+)$/, read: (c) => getEvent(c.rt, id(c), c.nowMs) },
  { pattern: /^discounts$/, read: (c) => listDiscounts(c.rt, c.params, c.nowMs, c.maxPerPage) },
  { pattern: /^discounts\/([^/]+)$/, read: (c) => getDiscount(c.rt, id(c), c.nowMs) },
  { pattern: /^promo-codes$/, read: (c) => listPromoCodes(c.rt, c.params, c.nowMs, c.maxPerPage) },
  { pattern: /^promo-codes\/([^/]+)$/, read: (c) => getPromoCode(c.rt, id(c), c.nowMs) },
  { pattern: /^color-themes$/, read: () => listColorThemes() },
  { pattern: /^shows\/([^/]+)$/, read: (c) => getShow(c.rt, id(c), c.nowMs) },
  { pattern: /^shows\/([^/]+)\/seats$/, read: (c) => getSeats(c.rt, id(c), c.params, c.nowMs) },
  { pattern: /^shows\/([^/]+)\/barcodes$/, read: (c) => getBarcodes(c.rt, id(c), c.params, c.nowMs) },
  { pattern: /^shows\/([^/]+)\/barcode\/([^/]+)$/, read: (c) => getBarcodeStatus(c.rt, id(c), c.args[1] ?? '', c.nowMs) },
]

/** Finds the route of a relative REST path, with its captured segments. */
export function matchRestRoute(route: string): { route: Route; args: string[] } | null {
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(route)
    if (match) return { route: candidate, args: match.slice(1) }
  }
  return null
}
