// Keeps the simulator and the SDK in sync: everything the simulator answers must parse with
// the SDK's published schemas (the simulator itself never imports the SDK).
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  BarcodeEntrySchema,
  BarcodeStatusSchema,
  ClientSchema,
  ColorThemeSchema,
  DiscountSchema,
  EventSchema,
  OrderSchema,
  PagingSchema,
  PartnerEventRowSchema,
  PartnerTicketSchema,
  PromoCodeSchema,
  SeatSchema,
} from '../index'
import { createSimulator } from './simulator'
import { auth, fetchAll, getJson } from './test-support'

const sim = createSimulator({ seed: 13, tenants: [{ name: 'sync', token: 'sim-token-1', partnersToken: 'sim-partners-1', orders: 500, events: 6 }] })
sim.clock.advance({ days: 4 })

function expectAllParse(schema: v.GenericSchema, records: unknown[], what: string): void {
  expect(records.length, what).toBeGreaterThan(0)
  for (const record of records) {
    const result = v.safeParse(schema, record)
    if (!result.success) throw new Error(`${what} ${(record as { id?: unknown }).id ?? ''}: ${v.getDotPath(result.issues[0]) ?? '(root)'} ${result.issues[0].message}`)
  }
}

describe('simulator output parses with the SDK schemas', () => {
  it('lists and single records', () => {
    const orders = fetchAll(sim, 'orders', { perPage: 1000 })
    expectAllParse(OrderSchema, orders, 'order')
    expectAllParse(OrderSchema, [getJson(sim, `orders/${orders[0].id}`).json.data], 'single order')
    expectAllParse(PagingSchema, [getJson(sim, 'orders').json.paging, getJson(sim, 'events').json.paging], 'paging')
    expectAllParse(ClientSchema, fetchAll(sim, 'clients'), 'client')
    const events = fetchAll(sim, 'events')
    expectAllParse(EventSchema, events, 'event')
    expectAllParse(DiscountSchema, fetchAll(sim, 'discounts'), 'discount')
    expectAllParse(PromoCodeSchema, fetchAll(sim, 'promo-codes'), 'promo code')
    expectAllParse(ColorThemeSchema, getJson(sim, 'color-themes').json.data, 'colour theme')
    const show = events.find((e) => e.deleted_at === null).shows[0].id
    expectAllParse(SeatSchema, Object.values(getJson(sim, `shows/${show}/seats`, { flat: true }).json.data), 'seat')
    const barcodes = getJson(sim, `shows/${show}/barcodes`).json
    expectAllParse(BarcodeEntrySchema, barcodes, 'barcode')
    expectAllParse(BarcodeStatusSchema, [getJson(sim, `shows/${show}/barcode/${barcodes[0].barcode}`).json], 'barcode status')
  })

  it('Partners rows and tickets', () => {
    const partners = (path: string, body?: unknown) => JSON.parse(sim.handle({ method: 'POST', url: `/api/partners/v1/${path}`, headers: auth('sim-partners-1'), body }).body)
    expectAllParse(PartnerEventRowSchema, partners('events/lists').result, 'partner event row')
    const barcode = fetchAll(sim, 'orders', { perPage: 1000 }).flatMap((o) => o.baskets).find((b) => b.barcode !== null).barcode
    expectAllParse(PartnerTicketSchema, partners('tickets/find', { filter: { barcode } }).result, 'partner ticket')
  })

  it('a wrongType fault is rejected by the schema', () => {
    sim.faults.add({ route: 'orders', kind: 'wrongType', field: 'payed_at', value: 12345 })
    const [order] = getJson(sim, 'orders').json.data
    expect(v.safeParse(OrderSchema, order).success).toBe(false)
  })
})
