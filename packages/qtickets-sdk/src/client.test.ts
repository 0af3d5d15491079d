import { http } from 'msw'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, test } from 'vitest'
import { FAST, REST_BASE, TOKEN, fixtureJson, jsonAnswer, readBody, readJsonBody, startMockApi } from '../test/msw'
import { createQticketsClient } from './client'
import type { QticketsEvent } from './events'
import { SEAT_FIELDS } from './schemas/seat'
import { BARCODE_FIELDS } from './schemas/barcode'

const { server, seen } = startMockApi()
const methodsSeen = new Set<string>()
server.events.on('request:start', ({ request }) => void methodsSeen.add(request.method))

function makeClient(extra: Partial<Parameters<typeof createQticketsClient>[0]> = {}) {
  return createQticketsClient({ token: TOKEN, baseUrl: REST_BASE, ...FAST, ...extra })
}

/** Serves orders.page1/page2 by the `page` in the GET body and records each body. */
function serveOrderPages(bodies: Array<Record<string, unknown> | undefined>) {
  server.use(
    http.get(`${REST_BASE}/orders`, async ({ request }) => {
      const body = await readJsonBody(request)
      bodies.push(body)
      return jsonAnswer(fixtureJson(body?.page === 2 ? 'orders.page2.json' : 'orders.page1.json'))
    }),
  )
}

describe('filters in the GET body (default)', () => {
  test('the body holds the exact filter JSON with colon offsets, sent as GET with the documented headers', async () => {
    let rawBody = ''
    let url = ''
    server.use(
      http.get(`${REST_BASE}/orders`, async ({ request }) => {
        rawBody = await readBody(request)
        url = request.url
        return jsonAnswer(fixtureJson('orders.page2.json'))
      }),
    )
    const from = Temporal.Instant.from('2025-11-10T09:00:00Z')
    const to = new Date('2025-11-10T21:00:00.500Z')
    await makeClient().orders.list({
      where: [['payed', '=', 1], ['payed_at', '>=', from], ['payed_at', '<', to], ['deleted_at', 'null']],
      orderBy: { id: 'asc' },
      page: 2,
      perPage: 200,
    })
    expect(rawBody).toBe(
      '{"where":[{"column":"payed","value":1},' +
        '{"column":"payed_at","operator":">=","value":"2025-11-10T12:00:00+03:00"},' +
        '{"column":"payed_at","operator":"<","value":"2025-11-11T00:00:00+03:00"},' +
        '{"column":"deleted_at","operator":"null"}],' +
        '"orderBy":{"id":"asc"},"page":2,"perPage":200}',
    )
    expect(url).toBe(`${REST_BASE}/orders`)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.method).toBe('GET')
    expect(seen[0]?.headers).toMatchObject({
      accept: 'application/json',
      'cache-control': 'no-cache',
      'content-type': 'application/json',
      authorization: `Bearer ${TOKEN}`,
    })
  })

  test('the client time zone decides the offset', async () => {
    let body: Record<string, unknown> | undefined
    server.use(http.get(`${REST_BASE}/events`, async ({ request }) => ((body = await readJsonBody(request)), jsonAnswer(fixtureJson('events.page1.json')))))
    await makeClient({ timeZone: 'Asia/Krasnoyarsk' }).events.list({ where: [['updated_at', '>=', Temporal.Instant.from('2025-11-10T09:00:00Z')]] })
    expect(body?.where).toEqual([{ column: 'updated_at', operator: '>=', value: '2025-11-10T16:00:00+07:00' }])
  })
})

describe('filters in the query string (paramsIn: query)', () => {
  test('where/orderBy are JSON-encoded and + arrives as %2B; no body is sent', async () => {
    let url = ''
    let rawBody = 'unset'
    server.use(
      http.get(`${REST_BASE}/orders`, async ({ request }) => {
        url = request.url
        rawBody = await readBody(request)
        return jsonAnswer(fixtureJson('orders.page2.json'))
      }),
    )
    const from = Temporal.Instant.from('2025-11-10T09:00:00Z')
    await makeClient({ paramsIn: 'query' }).orders.list({ where: [['payed_at', '>=', from]], orderBy: { id: 'desc' }, page: 1 })
    const query = url.split('?')[1] ?? ''
    expect(query).toContain('2025-11-10T12%3A00%3A00%2B03%3A00')
    expect(query).not.toContain('+')
    expect(rawBody).toBe('')
    const params = new URL(url).searchParams
    expect(JSON.parse(params.get('where') ?? '')).toEqual([{ column: 'payed_at', operator: '>=', value: '2025-11-10T12:00:00+03:00' }])
    expect(JSON.parse(params.get('orderBy') ?? '')).toEqual({ id: 'desc' })
    expect(params.get('page')).toBe('1')
    expect(seen.map((request) => request.method)).toEqual(['GET'])
  })
})

describe('pagination', () => {
  test('iterate fetches every page (17 orders over 2 pages) and reads paging.perPage', async () => {
    const bodies: Array<Record<string, unknown> | undefined> = []
    serveOrderPages(bodies)
    const events: QticketsEvent[] = []
    const client = makeClient({ onEvent: (event) => events.push(event) })
    const ids: number[] = []
    for await (const order of client.orders.iterate({ orderBy: { id: 'asc' }, perPage: 12 })) ids.push(order.id)
    expect(ids).toHaveLength(17)
    expect(new Set(ids).size).toBe(17)
    expect(ids[0]).toBe(2750101)
    expect(ids.at(-1)).toBe(2750161)
    expect(bodies).toEqual([
      { orderBy: { id: 'asc' }, page: 1, perPage: 12 },
      { orderBy: { id: 'asc' }, page: 2, perPage: 12 },
    ])
    const pageEvents = events.filter((event) => event.type === 'page')
    expect(pageEvents.map((event) => [event.resource, event.page, event.items, event.total])).toEqual([
      ['orders', 1, 12, 17],
      ['orders', 2, 5, 17],
    ])
  })

  test('pages yields pages with their paging', async () => {
    serveOrderPages([])
    const pagings = []
    for await (const page of makeClient().orders.pages()) pagings.push(page.paging)
    expect(pagings).toEqual([
      { perPage: 12, currentPage: 1, total: 17 },
      { perPage: 12, currentPage: 2, total: 17 },
    ])
  })

  test('a server that ignores page fails clearly instead of looping', async () => {
    server.use(http.get(`${REST_BASE}/orders`, () => jsonAnswer(fixtureJson('orders.page1.json'))))
    const iterate = async () => {
      for await (const _ of makeClient().orders.iterate()) void _
    }
    await expect(iterate()).rejects.toMatchObject({ kind: 'invalid_response', message: expect.stringContaining('answered page 1') })
    expect(seen).toHaveLength(2)
  })

  test('single-page resources stop after the first page, whatever their page size', async () => {
    const files = { clients: 'clients.page1.json', events: 'events.page1.json', discounts: 'discounts.page1.json', 'promo-codes': 'promo-codes.page1.json' }
    for (const [path, file] of Object.entries(files)) server.use(http.get(`${REST_BASE}/${path}`, () => jsonAnswer(fixtureJson(file))))
    const client = makeClient()
    const count = async (iterable: AsyncIterable<unknown>) => {
      let n = 0
      for await (const _ of iterable) n++
      return n
    }
    expect(await count(client.clients.iterate())).toBe(5)
    expect(await count(client.events.iterate())).toBe(3)
    expect(await count(client.discounts.iterate())).toBe(3)
    expect(await count(client.promoCodes.iterate())).toBe(4)
    expect(seen).toHaveLength(4)
  })
})

describe('records', () => {
  test('orders.get reads {data: Order}', async () => {
    server.use(http.get(`${REST_BASE}/orders/2750119`, () => jsonAnswer(fixtureJson('order.single.json'))))
    const order = await makeClient().orders.get(2750119)
    expect(order.id).toBe(2750119)
    expect(order.integrations).toEqual({ roistat: { roistat_visit: null } })
    expect(order.baskets.map((basket) => basket.show_id)).toEqual([730001, 730002])
    expect(seen[0]?.url).toBe(`${REST_BASE}/orders/2750119`)
  })

  test('select narrows the request and the type', async () => {
    let body: Record<string, unknown> | undefined
    server.use(
      http.get(`${REST_BASE}/orders`, async ({ request }) => {
        body = await readJsonBody(request)
        return jsonAnswer({ data: [{ id: 1, payed: 1, payed_at: null }], paging: { perPage: 50, currentPage: 1, total: 1 } })
      }),
    )
    const page = await makeClient().orders.list({ select: ['id', 'payed', 'payed_at'] })
    expect(body).toEqual({ select: ['id', 'payed', 'payed_at'] })
    expect(page.items).toEqual([{ id: 1, payed: true, payed_at: null }])
    // @ts-expect-error baskets were not selected
    void page.items[0]?.baskets
  })

  test('shows.seats asks for the flat map with every documented field and returns seats', async () => {
    let body: Record<string, unknown> | undefined
    server.use(http.get(`${REST_BASE}/shows/730001/seats`, async ({ request }) => ((body = await readJsonBody(request)), jsonAnswer(fixtureJson('shows.seats.flat.json')))))
    const seats = await makeClient().shows.seats(730001, { where: [['available', '=', true]] })
    expect(body).toEqual({ select: SEAT_FIELDS, where: [{ column: 'available', value: true }], flat: true })
    expect(seats).toHaveLength(Object.keys((fixtureJson('shows.seats.flat.json') as { data: object }).data).length)
    expect(seats.every((seat) => typeof seat.id === 'string' && typeof seat.row === 'string')).toBe(true)
  })

  test('shows.barcodes reads a bare array, barcodeStatus a bare object', async () => {
    let body: Record<string, unknown> | undefined
    server.use(
      http.get(`${REST_BASE}/shows/730001/barcodes`, async ({ request }) => ((body = await readJsonBody(request)), jsonAnswer(fixtureJson('show.barcodes.json')))),
      http.get(`${REST_BASE}/shows/730001/barcode/871000001211`, () => jsonAnswer(fixtureJson('show.barcode.status.json'))),
    )
    const client = makeClient()
    const barcodes = await client.shows.barcodes(730001)
    expect(body).toEqual({ select: BARCODE_FIELDS })
    expect(barcodes).toHaveLength(10)
    const status = await client.shows.barcodeStatus(730001, '871000001211')
    expect(status.barcode).toBe('871000001211')
    expect(status.checked_at?.equals(Temporal.Instant.from('2025-12-05T15:41:09Z'))).toBe(true)
  })

  test('colorThemes.list sends no body and keeps the server order', async () => {
    let rawBody = 'unset'
    server.use(http.get(`${REST_BASE}/color-themes`, async ({ request }) => ((rawBody = await readBody(request)), jsonAnswer(fixtureJson('color-themes.json')))))
    const themes = await makeClient().colorThemes.list()
    expect(rawBody).toBe('')
    expect(themes.map((theme) => theme.id).slice(7, 10)).toEqual([8, 15, 9])
  })
})

describe('options', () => {
  test('rejects an empty token, an unknown zone and an unknown paramsIn without echoing values', () => {
    expect(() => createQticketsClient({ token: ' ' })).toThrow('token must be a non-empty string')
    expect(() => createQticketsClient({ token: TOKEN, timeZone: 'Mars/Base' })).toThrow(/Unknown time zone/)
    expect(() => createQticketsClient({ token: TOKEN, paramsIn: 'form' as never })).toThrow(/paramsIn/)
  })

  test('on() subscribes and unsubscribes', async () => {
    server.use(http.get(`${REST_BASE}/color-themes`, () => jsonAnswer(fixtureJson('color-themes.json'))))
    const client = makeClient()
    const statuses: Array<number | null> = []
    const off = client.on('request', (event) => statuses.push(event.status))
    await client.colorThemes.list()
    off()
    await client.colorThemes.list()
    expect(statuses).toEqual([200])
  })
})

test('no request in this file used anything but GET', () => {
  expect([...methodsSeen]).toEqual(['GET'])
})
