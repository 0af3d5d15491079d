import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { auth, fetchAll, getJson } from './test-support'

// The repository's fixtures (fixtures/qtickets at the repo root), read-only.
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../../fixtures/qtickets/${name}`, import.meta.url), 'utf8'))
const keys = (value: object) => Object.keys(value)

const sim = createSimulator({ seed: 5, tenants: [{ name: 'shapes', token: 'sim-token-1', partnersToken: 'sim-partners-1', orders: 400, events: 8 }] })
const orders = fetchAll(sim, 'orders', { perPage: 1000 })
const events = fetchAll(sim, 'events')

describe('wire shapes follow the fixtures field by field, in order', () => {
  it('orders, baskets and clients', () => {
    const expected = fixture('orders.page1.json')
    expect(keys(getJson(sim, 'orders').json)).toEqual(keys(expected))
    expect(keys(getJson(sim, 'orders').json.paging)).toEqual(keys(expected.paging))
    const order = expected.data[0]
    for (const o of orders) {
      expect(keys(o)).toEqual(keys(order))
      expect(keys(o.client)).toEqual(keys(order.client))
      expect(keys(o.client.details)).toEqual(keys(order.client.details))
      expect(keys(o.site)).toEqual(keys(order.site))
      for (const b of o.baskets) expect(keys(b)).toEqual(keys(order.baskets[0]))
    }
    const single = fixture('order.single.json')
    const one = getJson(sim, `orders/${orders[0].id}`).json
    expect(keys(one)).toEqual(keys(single))
    expect(keys(one.data)).toEqual(keys(single.data))
  })

  it('clients', () => {
    const expected = fixture('clients.page1.json')
    const page = getJson(sim, 'clients').json
    expect(keys(page)).toEqual(keys(expected))
    for (const c of page.data) {
      expect(keys(c)).toEqual(keys(expected.data[0]))
      expect(keys(c.details)).toEqual(keys(expected.data[0].details))
    }
  })

  it('events and shows', () => {
    const expected = fixture('events.page1.json')
    const event = expected.data[1]
    const show = event.shows[0]
    for (const e of events) {
      expect(keys(e)).toEqual(keys(event))
      expect(keys(e.city)).toEqual(keys(event.city))
      expect(keys(e.poster)).toEqual(keys(event.poster))
      expect(keys(e.ticket)).toEqual(keys(event.ticket))
      for (const p of e.payments) expect(keys(p)).toEqual(keys(event.payments[0]))
      for (const s of e.shows) {
        expect(keys(s)).toEqual(keys(show))
        for (const p of s.prices) expect(keys(p)).toEqual(keys(show.prices[0]))
        expect(keys(s.scheme_properties).slice(0, 2)).toEqual(['admin', 'zones'])
      }
    }
  })

  it('discounts and promo codes', () => {
    const discounts = fixture('discounts.page1.json')
    const page = getJson(sim, 'discounts').json
    expect(keys(page)).toEqual(keys(discounts))
    for (const d of page.data) expect(keys(d)).toEqual(keys(discounts.data[0]))
    const withShows = page.data.find((d: any) => d.shows.length > 0)
    expect(keys(withShows.shows[0])).toEqual(keys(discounts.data[2].shows[0]))
    expect(keys(withShows.events[0])).toEqual(keys(discounts.data[2].events[0]))
    const promos = fixture('promo-codes.page1.json')
    for (const p of getJson(sim, 'promo-codes').json.data) expect(keys(p)).toEqual(keys(promos.data[0]))
  })

  it('seats, barcodes, scan status and colour themes', () => {
    const seatFixture = Object.values(fixture('shows.seats.flat.json').data)[0] as Record<string, any>
    const showId = events.find((e) => e.deleted_at === null).shows[0].id
    const seats = Object.values(getJson(sim, `shows/${showId}/seats`, { flat: true }).json.data) as any[]
    for (const s of seats) {
      expect(keys(s)).toEqual(keys(seatFixture))
      expect(keys(s.spread)).toEqual(keys(seatFixture.spread))
    }
    const barcodeFixture = fixture('show.barcodes.json')[0]
    const barcodes = getJson(sim, `shows/${showId}/barcodes`).json
    expect(barcodes.length).toBeGreaterThan(0)
    for (const b of barcodes) expect(keys(b)).toEqual(keys(barcodeFixture))
    const status = getJson(sim, `shows/${showId}/barcode/${barcodes[0].barcode}`).json
    expect(keys(status)).toEqual(keys(fixture('show.barcode.status.json')))
    expect(getJson(sim, 'color-themes').json).toEqual(fixture('color-themes.json'))
  })

  it('error bodies', () => {
    const handle = (path: string, token: string | null, method = 'GET') => sim.handle({ method, url: `/api/rest/v1/${path}`, headers: token === null ? {} : auth(token) })
    expect(JSON.parse(handle('orders', null).body)).toEqual(fixture('errors/403.json'))
    expect(JSON.parse(handle('orders', 'sim-token-1', 'POST').body)).toEqual(fixture('errors/503-unknown-error.json'))
    expect(JSON.parse(handle('orders/2799999', 'sim-token-1').body)).toEqual(fixture('errors/404-resource-not-found.json'))
    const html = readFileSync(new URL('../../../../fixtures/qtickets/errors/404-unknown-route.html', import.meta.url), 'utf8')
    expect(handle('barcodes', 'sim-token-1').body.match(/<title>.*<\/title>/)?.[0]).toBe(html.match(/<title>.*<\/title>/)?.[0])
  })

  it('Partners rows, tickets and errors', () => {
    const partners = (path: string, token: string, body?: unknown) => JSON.parse(sim.handle({ method: 'POST', url: `/api/partners/v1/${path}`, headers: auth(token), body }).body)
    const list = partners('events/lists', 'sim-partners-1')
    const row = fixture('partners.events.lists.json').result[0]
    for (const r of list.result) {
      expect(keys(r)).toEqual(keys(row))
      expect(keys(r.city)).toEqual(keys(row.city))
      expect(keys(r.scheme)).toEqual(keys(row.scheme))
    }
    const barcode = orders.flatMap((o) => o.baskets).find((b) => b.barcode !== null).barcode
    const ticket = fixture('partners.tickets.find.json').result[0]
    for (const t of partners('tickets/find', 'sim-partners-1', { filter: { barcode } }).result) expect(keys(t)).toEqual(keys(ticket))
    expect(partners('events/lists', 'wrong')).toEqual(fixture('partners.error.wrong-authorization.json'))
  })
})
