import { describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { auth, fetchAll, getJson } from './test-support'

const sim = createSimulator({
  seed: 3,
  tenants: [
    { name: 'main', token: 'sim-token-1', partnersToken: 'sim-partners-1', orders: 260, events: 30 },
    { name: 'other', token: 'sim-token-2', orders: 20 },
  ],
})
const orders = fetchAll(sim, 'orders', { perPage: 1000 })
const ids = (list: Array<{ id: number }>) => list.map((o) => o.id)
const raw = (url: string, init: { method?: string; token?: string | null; body?: unknown } = {}) =>
  sim.handle({ method: init.method ?? 'GET', url, headers: init.token === null ? {} : auth(init.token ?? 'sim-token-1'), body: init.body })
const UNKNOWN_ERROR = '{"error":"Unknown error","status":503,"code":"UNKNOWN_ERROR","info":[]}'

describe('authentication', () => {
  it('answers 403 JSON for a missing, unknown or Partners token', () => {
    for (const token of [null, 'nope', 'sim-partners-1']) {
      const response = raw('/api/rest/v1/orders', { token })
      expect(response.status).toBe(403)
      expect(response.headers['content-type']).toBe('application/json')
      expect(response.body).toBe('{"error":"Wrong authorization","status":403}')
    }
  })

  it('serves each tenant only its own orders', () => {
    const other = fetchAll(sim, 'orders', {}, 'sim-token-2')
    expect(other).toHaveLength(20)
    expect(ids(other).some((id) => ids(orders).includes(id))).toBe(false)
  })
})

describe('response format', () => {
  it('is compact PHP-style JSON with Content-Type application/json and no charset', () => {
    const response = raw('/api/rest/v1/events')
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.body).toContain('https:\\/\\/')
    expect(response.body).toMatch(/\\u04[0-9a-f]{2}/)
    expect(response.body).not.toMatch(/[\u0080-\uffff]/)
    expect(response.body).not.toContain('\n')
  })
})

describe('paging', () => {
  it('uses each resource default page size in the paging envelope', () => {
    expect(getJson(sim, 'orders').json.paging).toEqual({ perPage: 50, currentPage: 1, total: 260 })
    const events = getJson(sim, 'events').json
    const allEvents = fetchAll(sim, 'events')
    expect(allEvents.length).toBeGreaterThan(10)
    expect(events.paging).toEqual({ perPage: 10, currentPage: 1, total: allEvents.length })
    expect(events.data).toHaveLength(10)
    expect(getJson(sim, 'clients').json.paging.perPage).toBe(100)
    expect(getJson(sim, 'discounts').json.paging.perPage).toBe(100)
    expect(getJson(sim, 'promo-codes').json.paging.perPage).toBe(500)
  })

  it('honours page and perPage, clamping perPage to the maximum', () => {
    const page3 = getJson(sim, 'orders', { page: 3, perPage: 7 }).json
    expect(page3.paging).toEqual({ perPage: 7, currentPage: 3, total: 260 })
    expect(ids(page3.data)).toEqual(ids(orders).slice(14, 21))
    expect(getJson(sim, 'orders', { perPage: 5000 }).json.paging.perPage).toBe(1000)
    const beyond = getJson(sim, 'orders', { page: 99 }).json
    expect(beyond.data).toEqual([])
    expect(beyond.paging.total).toBe(260)
  })

  it('lists orders oldest first by default with consecutive ids', () => {
    expect(ids(orders)).toEqual([...ids(orders)].sort((a, b) => a - b))
    expect(orders.at(-1).id - orders[0].id).toBe(259)
  })
})

describe('filters', () => {
  const where = (w: unknown[], extra: Record<string, unknown> = {}) => fetchAll(sim, 'orders', { where: w, perPage: 1000, ...extra })

  it('filters with a JSON body on GET', () => {
    const paid = where([{ column: 'payed', value: 1 }])
    expect(paid.length).toBeGreaterThan(0)
    expect(ids(paid)).toEqual(ids(orders.filter((o) => o.payed === true)))
  })

  it('accepts true, 1 and "1" for booleans', () => {
    const expected = ids(orders.filter((o) => o.payed))
    for (const value of [true, 1, '1']) expect(ids(where([{ column: 'payed', value }]))).toEqual(expected)
  })

  it('reads where/orderBy/page/perPage from the query string too', () => {
    const body = { where: [{ column: 'payed', operator: '=', value: 0 }], orderBy: { id: 'desc' }, page: 2, perPage: 5 }
    const qs = new URLSearchParams({ where: JSON.stringify(body.where), orderBy: JSON.stringify(body.orderBy), page: '2', perPage: '5' })
    const viaQuery = raw(`/api/rest/v1/orders?${qs}`)
    const viaBody = raw('/api/rest/v1/orders', { body })
    expect(viaQuery.status).toBe(200)
    expect(viaQuery.body).toBe(viaBody.body)
    expect(JSON.parse(viaQuery.body).data.every((o: { payed: boolean }) => !o.payed)).toBe(true)
  })

  it('silently ignores plain query parameters', () => {
    const ignored = raw('/api/rest/v1/orders?payed=1&per_page=200&since=2025-11-01&status=paid&organization=x')
    expect(ignored.status).toBe(200)
    expect(ignored.body).toBe(raw('/api/rest/v1/orders').body)
  })

  it('supports the comparison operators on ids', () => {
    const pivot = orders[100].id
    expect(ids(where([{ column: 'id', operator: '<', value: pivot }]))).toEqual(ids(orders).filter((id) => id < pivot))
    expect(ids(where([{ column: 'id', operator: '<=', value: pivot }]))).toEqual(ids(orders).filter((id) => id <= pivot))
    expect(ids(where([{ column: 'id', operator: '>', value: pivot }]))).toEqual(ids(orders).filter((id) => id > pivot))
    expect(ids(where([{ column: 'id', operator: '>=', value: String(pivot) }]))).toEqual(ids(orders).filter((id) => id >= pivot))
    expect(ids(where([{ column: 'id', operator: '!=', value: pivot }]))).toEqual(ids(orders).filter((id) => id !== pivot))
    expect(ids(where([{ column: 'id', value: pivot }]))).toEqual([pivot])
  })

  it('supports in and not in', () => {
    const eventIds = [...new Set(orders.map((o) => o.event_id))].slice(0, 2)
    expect(ids(where([{ column: 'event_id', operator: 'in', value: eventIds }]))).toEqual(ids(orders.filter((o) => eventIds.includes(o.event_id))))
    expect(ids(where([{ column: 'event_id', operator: 'not in', value: eventIds }]))).toEqual(ids(orders.filter((o) => !eventIds.includes(o.event_id))))
  })

  it('supports null and not null (and = null as IS NULL)', () => {
    expect(ids(where([{ column: 'payed_at', operator: 'null' }]))).toEqual(ids(orders.filter((o) => o.payed_at === null)))
    expect(ids(where([{ column: 'deleted_at', operator: 'not null' }]))).toEqual(ids(orders.filter((o) => o.deleted_at !== null)))
    expect(ids(where([{ column: 'deleted_at', value: null }]))).toEqual(ids(orders.filter((o) => o.deleted_at === null)))
    expect(ids(where([{ column: 'deleted_at', operator: 'null' }, { column: 'payed', value: 1 }]))).toEqual(ids(orders.filter((o) => o.deleted_at === null && o.payed)))
  })

  it('compares timestamps as instants whatever the offset', () => {
    const cut = orders[130].payed_at ?? orders[130].created_at
    const cutMs = Date.parse(cut)
    const plus5 = new Date(cutMs + 5 * 3_600_000).toISOString().slice(0, 19) + '+05:00'
    const minus4 = new Date(cutMs - 4 * 3_600_000).toISOString().slice(0, 19) + '-04:00'
    const expected = ids(orders.filter((o) => o.payed_at !== null && Date.parse(o.payed_at) >= cutMs))
    expect(expected.length).toBeGreaterThan(0)
    for (const value of [cut, plus5, minus4]) expect(ids(where([{ column: 'payed_at', operator: '>=', value }]))).toEqual(expected)
  })

  it('sorts with orderBy, NULLs first ascending', () => {
    const sorted = where([], { orderBy: { payed_at: 'asc' } })
    const key = (o: { payed_at: string | null }) => (o.payed_at === null ? -Infinity : Date.parse(o.payed_at))
    expect(sorted.map(key)).toEqual(orders.map(key).sort((a, b) => a - b))
    const desc = where([], { orderBy: { id: 'desc' } })
    expect(ids(desc)).toEqual(ids(orders).reverse())
  })

  it('filters events, discounts and promo codes too', () => {
    const live = fetchAll(sim, 'events', { where: [{ column: 'deleted_at', operator: 'null' }] })
    expect(live.every((e) => e.deleted_at === null && e.is_active === 1)).toBe(true)
    expect(live).toHaveLength(fetchAll(sim, 'events').length - 1)
    const promos = fetchAll(sim, 'promo-codes', { where: [{ column: 'is_active', value: 0 }] })
    expect(promos.map((p) => p.code)).toEqual(['gost-kassa'])
  })
})

describe('malformed requests answer 503 UNKNOWN_ERROR', () => {
  const bad: Array<[string, unknown]> = [
    ['a compact +0300 offset', { where: [{ column: 'payed_at', operator: '>=', value: '2025-11-10T00:00:00+0300' }] }],
    ['a timestamp without offset', { where: [{ column: 'payed_at', operator: '>=', value: '2025-11-10T00:00:00' }] }],
    ['a Z timestamp', { where: [{ column: 'updated_at', operator: '>=', value: '2025-11-10T00:00:00Z' }] }],
    ['an unknown operator', { where: [{ column: 'uniqid', operator: 'like', value: '%a%' }] }],
    ['an unknown column', { where: [{ column: 'status', value: 'paid' }] }],
    ['in without an array', { where: [{ column: 'event_id', operator: 'in', value: 510001 }] }],
    ['a where that is not an array', { where: { column: 'payed', value: 1 } }],
    ['a bad orderBy direction', { orderBy: { id: 'up' } }],
    ['an invalid JSON body', '{"where": ['],
  ]

  it.each(bad)('%s', (_name, body) => {
    const response = raw('/api/rest/v1/orders', { body })
    expect(response.status).toBe(503)
    expect(response.body).toBe(UNKNOWN_ERROR)
  })

  it('an unencoded + in a query-string date (it arrives as a space)', () => {
    const response = raw('/api/rest/v1/orders?where=[{"column":"payed_at","operator":">=","value":"2025-11-10T00:00:00+03:00"}]')
    expect(response.status).toBe(503)
    const encoded = raw(`/api/rest/v1/orders?where=${encodeURIComponent('[{"column":"payed_at","operator":">=","value":"2025-11-10T00:00:00+03:00"}]')}`)
    expect(encoded.status).toBe(200)
  })

  it('any POST, PUT, PATCH or DELETE on a read endpoint', () => {
    for (const [method, path] of [['POST', 'orders'], ['PUT', 'events/510001'], ['DELETE', 'clients'], ['POST', 'shows/730001/barcodes'], ['PATCH', 'discounts/7101'], ['DELETE', 'orders/2750101/baskets']]) {
      const response = raw(`/api/rest/v1/${path}`, { method, body: { data: {} } })
      expect(response.status, `${method} ${path}`).toBe(503)
      expect(response.body).toBe(UNKNOWN_ERROR)
    }
  })
})

describe('not found', () => {
  const notFound = (resource: string, id: number) => ({ error: `Resource "${resource}" not found`, status: 404, code: 'RESOURCE_NOT_FOUND', info: { id, resource } })

  it('answers JSON 404 for unknown, foreign and non-numeric ids', () => {
    const foreign = fetchAll(sim, 'orders', {}, 'sim-token-2')[0].id
    expect(getJson(sim, 'orders/1')).toEqual({ status: 404, json: notFound('Order', 1) })
    expect(getJson(sim, `orders/${foreign}`)).toEqual({ status: 404, json: notFound('Order', foreign) })
    expect(getJson(sim, 'orders/abc')).toEqual({ status: 404, json: notFound('Order', 0) })
    expect(getJson(sim, 'events/999')).toEqual({ status: 404, json: notFound('Event', 999) })
    expect(getJson(sim, 'clients/5')).toEqual({ status: 404, json: notFound('Client', 5) })
    expect(getJson(sim, 'discounts/colors')).toEqual({ status: 404, json: notFound('Discount', 0) })
    expect(raw('/api/rest/v1/orders/1').body).toBe('{"error":"Resource \\"Order\\" not found","status":404,"code":"RESOURCE_NOT_FOUND","info":{"id":1,"resource":"Order"}}')
  })

  it('answers the HTML 404 page for unknown routes, with or without a token', () => {
    for (const path of ['events/510001/seats', 'barcodes', 'barcodes/scan/1', 'price-shades', 'orders/filter/x', 'nothing']) {
      for (const token of ['sim-token-1', null]) {
        const response = raw(`/api/rest/v1/${path}`, { token })
        expect(response.status).toBe(404)
        expect(response.headers['content-type']).toBe('text/html; charset=UTF-8')
        expect(response.body).toContain('Страница не найдена')
      }
    }
  })
})

describe('single resources', () => {
  it('returns orders/{id} as {data} with integrations as an object where the list has []', () => {
    const plain = orders.find((o) => Array.isArray(o.integrations))
    const single = getJson(sim, `orders/${plain.id}`).json
    expect(single.data.integrations).toEqual({ roistat: { roistat_visit: null } })
    expect({ ...single.data, integrations: [] }).toEqual(plain)
  })

  it('returns events, clients and discounts by id', () => {
    const event = getJson(sim, 'events').json.data[1]
    expect(getJson(sim, `events/${event.id}`).json).toEqual({ data: event })
    const client = getJson(sim, 'clients').json.data[3]
    expect(getJson(sim, `clients/${client.id}`).json).toEqual({ data: client })
    const discount = getJson(sim, 'discounts').json.data[0]
    expect(getJson(sim, `discounts/${discount.id}`).json).toEqual({ data: discount })
  })
})

describe('other endpoints', () => {
  it('lists colour themes as {data} without paging and not sorted by id', () => {
    const { json } = getJson(sim, 'color-themes')
    expect(Object.keys(json)).toEqual(['data'])
    const themeIds = json.data.map((t: { id: number }) => t.id)
    expect(themeIds.indexOf(15)).toBe(themeIds.indexOf(8) + 1)
  })

  it('returns valid tickets as a bare array and a scan status as a bare object', () => {
    const paid = orders.find((o) => o.payed && o.deleted_at === null && o.baskets.some((b: any) => b.barcode && b.refunded_at === null))
    const basket = paid.baskets.find((b: any) => b.barcode && b.refunded_at === null)
    const list = getJson(sim, `shows/${basket.show_id}/barcodes`).json
    expect(Array.isArray(list)).toBe(true)
    expect(list.map((e: { barcode: string }) => e.barcode)).toContain(basket.barcode)
    const status = getJson(sim, `shows/${basket.show_id}/barcode/${basket.barcode}`).json
    expect(Object.keys(status)).toEqual(['barcode', 'checked_at'])
    expect(status.barcode).toBe(basket.barcode)
    expect(getJson(sim, `shows/${basket.show_id}/barcode/123`).status).toBe(404)
  })

  it('returns flat seats keyed by the tariff-prefixed id, two tariffs sharing a root_id', () => {
    const show = getJson(sim, 'events').json.data.find((e: any) => !e.deleted_at).shows[0]
    const { json } = getJson(sim, `shows/${show.id}/seats`, { flat: true })
    const seats = Object.entries(json.data) as Array<[string, any]>
    expect(seats.every(([key, seat]) => key === seat.id && seat.id.endsWith(seat.root_id))).toBe(true)
    const byRoot = new Map<string, number>()
    for (const [, seat] of seats) byRoot.set(seat.root_id, (byRoot.get(seat.root_id) ?? 0) + 1)
    expect([...byRoot.values()].some((n) => n === 2)).toBe(true)
    for (const [, seat] of seats) {
      if (!seat.disabled) expect(seat.free_quantity + seat.payed_quantity + seat.ordered_quantity + seat.in_basket_quantity).toBe(seat.max_quantity)
    }
    const selected = getJson(sim, `shows/${show.id}/seats`, { flat: true, select: ['id', 'free_quantity'], where: [{ column: 'available', value: true }] }).json
    const values = Object.values(selected.data) as any[]
    expect(values.every((s) => Object.keys(s).join() === 'id,free_quantity' && s.free_quantity > 0)).toBe(true)
  })
})

describe('recorded requests', () => {
  it('records method, path, query, body, tenant and status, but never the token', () => {
    const local = createSimulator({ seed: 1, tenants: [{ name: 'solo', token: 'secret-token-xyz', orders: 5 }] })
    local.handle({ method: 'GET', url: '/api/rest/v1/orders?page=1', headers: auth('secret-token-xyz'), body: { perPage: 2 } })
    local.handle({ method: 'POST', url: '/api/rest/v1/orders', headers: auth('secret-token-xyz'), body: { data: {} } })
    local.handle({ method: 'GET', url: '/api/rest/v1/orders', headers: auth('wrong') })
    expect(local.requests.map(({ method, path, query, body, tenant, status }) => ({ method, path, query, body, tenant, status }))).toEqual([
      { method: 'GET', path: '/api/rest/v1/orders', query: { page: '1' }, body: { perPage: 2 }, tenant: 'solo', status: 200 },
      { method: 'POST', path: '/api/rest/v1/orders', query: {}, body: { data: {} }, tenant: 'solo', status: 503 },
      { method: 'GET', path: '/api/rest/v1/orders', query: {}, body: undefined, tenant: null, status: 403 },
    ])
    expect(JSON.stringify(local.requests)).not.toContain('secret-token-xyz')
    expect(local.requests.filter((r) => r.method !== 'GET')).toHaveLength(1)
    local.clearRequests()
    expect(local.requests).toHaveLength(0)
  })
})

describe('Partners API', () => {
  it('answers HTTP 200 WRONG_AUTHORIZATION for a bad key, including the REST token', () => {
    for (const token of ['sim-token-1', 'bad']) {
      const response = sim.handle({ method: 'POST', url: '/api/partners/v1/events/lists', headers: auth(token) })
      expect(response.status).toBe(200)
      expect(JSON.parse(response.body)).toEqual({ status: 'error', code: 'WRONG_AUTHORIZATION', message: 'Wrong authorization' })
    }
  })

  it('lists upcoming shows with local offsets and finds tickets by barcode', () => {
    const list = JSON.parse(sim.handle({ url: '/api/partners/v1/events/lists', headers: auth('sim-partners-1') }).body)
    expect(list.status).toBe('success')
    expect(list.result.length).toBeGreaterThan(0)
    for (const row of list.result) {
      const offset = row.start_date.slice(-6)
      const expected = new Intl.DateTimeFormat('en', { timeZone: row.city.timezone, timeZoneName: 'longOffset' }).format(new Date(row.start_date)).split('GMT')[1] || '+00:00'
      expect(offset).toBe(expected)
    }
    const basket = orders.flatMap((o) => o.baskets).find((b) => b.barcode !== null)
    const found = JSON.parse(sim.handle({ method: 'POST', url: '/api/partners/v1/tickets/find', headers: auth('sim-partners-1'), body: { filter: { barcode: [basket.barcode] } } }).body)
    expect(found.status).toBe('success')
    expect(found.result.map((t: { id: number }) => t.id)).toEqual([basket.id])
  })
})
