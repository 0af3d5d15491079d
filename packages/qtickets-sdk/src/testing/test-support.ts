/**
 * Helpers for the simulator's own tests (not exported from the package): a node:http client
 * that can send a JSON body with GET, and a page walker over the pure handler.
 */
import http from 'node:http'
import https from 'node:https'
import type { Simulator } from './simulator'

/** A raw HTTP answer. */
export interface RawAnswer {
  status: number
  contentType: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends one request with node:http (GET bodies included). */
export function send(url: string, options: { method?: string; token?: string; body?: unknown } = {}): Promise<RawAnswer> {
  const payload = options.body === undefined ? undefined : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body))
  return new Promise((resolve, reject) => {
    // Look the function up at call time: MSW replaces it on the module object.
    const request = url.startsWith('https:') ? https.request : http.request
    const req = request(url, {
      method: options.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': payload.length }),
      },
    }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
      res.on('aborted', () => reject(new Error('aborted')))
    })
    req.on('error', reject)
    req.end(payload)
  })
}

/** Authorization header for a token. */
export function auth(token = 'sim-token-1'): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

/** GETs a REST path through the pure handler and parses the JSON answer. */
export function getJson<T = any>(sim: Simulator, path: string, body?: unknown, token = 'sim-token-1'): { status: number; json: T } {
  const response = sim.handle({ method: 'GET', url: `/api/rest/v1/${path}`, headers: auth(token), body })
  return { status: response.status, json: JSON.parse(response.body) as T }
}

/** Fetches every page of a list resource through the pure handler (stops on `paging`, short or empty pages). */
export function fetchAll<T = any>(sim: Simulator, resource: string, query: Record<string, unknown> = {}, token = 'sim-token-1'): T[] {
  const items: T[] = []
  for (let page = 1; ; page++) {
    const { status, json } = getJson<{ data: T[]; paging: { perPage: number; currentPage: number; total: number } }>(sim, resource, { ...query, page }, token)
    if (status !== 200) throw new Error(`fetchAll ${resource}: HTTP ${status}`)
    items.push(...json.data)
    if (json.data.length === 0 || json.data.length < json.paging.perPage || json.paging.currentPage * json.paging.perPage >= json.paging.total) return items
  }
}

/** One brute-force daily sales cell. */
export interface Cell { tenant: string; date: string; eventId: number; city: string; orders: number; tickets: number; revenue: number; refundedTickets: number; refundedRevenue: number }

/** §10 of qtickets-api.md applied independently to the listed JSON (every page of orders and events). */
export function bruteForceDailySales(sim: Simulator, tenant: string, token: string, timeZone = 'Europe/Moscow'): Cell[] {
  const orders = fetchAll(sim, 'orders', { perPage: 500 }, token)
  const events = fetchAll(sim, 'events', {}, token)
  return dailySalesOfListed(orders, events, tenant, timeZone)
}

/** §10 of qtickets-api.md applied to orders and events as the API listed them (JSON objects). */
export function dailySalesOfListed(orders: readonly any[], eventList: readonly any[], tenant: string, timeZone = 'Europe/Moscow'): Cell[] {
  const events = new Map(eventList.map((e) => [e.id, e]))
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const dateOf = (ts: string) => format.format(new Date(ts))
  const cells = new Map<string, Cell>()
  for (const o of orders) {
    if (o.payed !== true || o.payed_at === null || o.deleted_at !== null) continue
    const counted = o.baskets.filter((b: any) => b.deleted_at === null && b.refunded_at === null)
    const refunded = o.baskets.filter((b: any) => b.deleted_at === null && b.refunded_at !== null)
    if (counted.length === 0 && refunded.length === 0) continue
    const key = `${dateOf(o.payed_at)}|${o.event_id}`
    const cell = cells.get(key) ?? { tenant, date: dateOf(o.payed_at), eventId: o.event_id, city: events.get(o.event_id).city.name, orders: 0, tickets: 0, revenue: 0, refundedTickets: 0, refundedRevenue: 0 }
    cells.set(key, cell)
    if (counted.length > 0) cell.orders++
    for (const b of counted) { cell.tickets += b.quantity; cell.revenue += b.price * b.quantity }
    for (const b of refunded) { cell.refundedTickets += b.quantity; cell.refundedRevenue += b.price * b.quantity }
  }
  return [...cells.values()].sort((a, b) => a.date.localeCompare(b.date) || a.eventId - b.eventId)
}
