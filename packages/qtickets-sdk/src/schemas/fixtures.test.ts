import { Temporal } from 'temporal-polyfill'
import { describe, expect, test } from 'vitest'
import { fixtureJson } from '../../test/msw'
import { BarcodeEntrySchema, BarcodeStatusSchema } from './barcode'
import { ClientSchema } from './client'
import { ColorThemeSchema } from './color-theme'
import { DiscountSchema } from './discount'
import { parseBareList, parseBareObject, parseDataMap, parseDataObject, parseListPage } from './envelopes'
import { EventSchema } from './event'
import { OrderSchema, type Order } from './order'
import { PartnerEventRowSchema, PartnerTicketSchema } from './partners'
import { PromoCodeSchema } from './promo-code'
import { SeatSchema } from './seat'

const request = { method: 'GET', path: '/test' }
const ctx = (resource: string) => ({ resource, request })
const instant = (text: string) => Temporal.Instant.from(text)

function ordersPages(): Order[] {
  return ['orders.page1.json', 'orders.page2.json'].flatMap((file) => parseListPage(OrderSchema, fixtureJson(file), ctx('orders')).items)
}

describe('orders', () => {
  const orders = ordersPages()
  const byId = (id: number) => orders.find((order) => order.id === id) as Order

  test('both pages parse: 17 orders, paging kept', () => {
    expect(orders).toHaveLength(17)
    expect(parseListPage(OrderSchema, fixtureJson('orders.page1.json'), ctx('orders')).paging).toEqual({ perPage: 12, currentPage: 1, total: 17 })
  })

  test('[] and "" placeholders become {}', () => {
    const plain = byId(2750101)
    expect(plain.utm).toEqual({})
    expect(plain.custom).toEqual({})
    expect(plain.fields).toEqual({})
    expect(plain.integrations).toEqual({})
    expect(byId(2750112).custom).toEqual({ var1: 'landing-a', var2: '42' })
    expect(byId(2750119).fields).toMatchObject({ inn: '7700000001' })
  })

  test('UTM values and codes stay strings', () => {
    expect(byId(2750108).utm).toEqual({
      utm_source: 'yandex',
      utm_medium: 'cpc',
      utm_campaign: '20251205',
      utm_content: '1205',
      utm_term: 'концерт москва',
    })
    expect(byId(2750127).payment_type_id).toBe('7000123')
    expect(byId(2750101).baskets[0]?.barcode).toBe('871000001211')
    expect(byId(2750101).baskets[0]?.series).toBe('883510103')
  })

  test('timestamps become Instants honouring their offsets; nulls stay null', () => {
    const krasnoyarsk = byId(2750154)
    expect(krasnoyarsk.payed_at?.equals(instant('2025-11-15T20:10:00Z'))).toBe(true)
    expect(krasnoyarsk.created_at).toBeInstanceOf(Temporal.Instant)
    expect(byId(2750161).payed_at).toBeNull()
    expect(byId(2750112).baskets[1]?.refunded_at?.equals(instant('2025-11-14T13:20:00Z'))).toBe(true)
  })

  test('booleans, cancelled baskets and integrations objects', () => {
    expect(byId(2750150)).toMatchObject({ payed: false, reserved: true, backend_user_id: 3101 })
    const cancelled = byId(2750115).baskets[1]
    expect(cancelled).toMatchObject({ barcode: null, ticket_amount: 0, refunded_amount: 0 })
    expect(cancelled?.deleted_at).toBeInstanceOf(Temporal.Instant)
    expect(byId(2750154).integrations).toEqual({ roistat: { roistat_visit: '300417' } })
  })

  test('the single order parses and differs from its list twin only in integrations', () => {
    const single = parseDataObject(OrderSchema, fixtureJson('order.single.json'), ctx('orders'))
    const { integrations, ...rest } = single
    const { integrations: listIntegrations, ...listRest } = byId(2750119)
    expect(integrations).toEqual({ roistat: { roistat_visit: null } })
    expect(listIntegrations).toEqual({})
    expect(rest).toEqual(listRest)
  })

  test('the webhook body is a top-level Order; unknown fields are kept', () => {
    const order = parseBareObject(OrderSchema, fixtureJson('webhook.order.payed.json'), ctx('webhook'))
    expect(order.id).toBe(2750157)
    expect(order.utm.utm_content).toBe('48213')
    expect(order.custom).toEqual({ var1: 'widget-2' })
    expect(order).toHaveProperty('primary_orders', [])
  })
})

test('clients parse with nullable names and vk_id kept as a string', () => {
  const page = parseListPage(ClientSchema, fixtureJson('clients.page1.json'), ctx('clients'))
  expect(page.paging?.perPage).toBe(100)
  expect(page.items.map((client) => client.details.vk_id)).toEqual(['', '100200300', '', '', ''])
  expect(page.items[2]?.details.surname).toBeNull()
  expect(page.items[4]?.details.phone).toBeNull()
})

describe('events', () => {
  const page = parseListPage(EventSchema, fixtureJson('events.page1.json'), ctx('events'))
  const [deleted, moscow, krasnoyarsk] = page.items

  test('paging, flags and the deleted event', () => {
    expect(page.paging).toEqual({ perPage: 10, currentPage: 1, total: 3 })
    expect(deleted).toMatchObject({ id: 509977, is_active: false, payments: [] })
    expect(deleted?.deleted_at).toBeInstanceOf(Temporal.Instant)
    expect(deleted?.shows[0]?.deleted_at).toBeNull()
    expect(moscow?.payments[0]?.is_active).toBe(true)
    expect(moscow?.shows[0]?.is_active).toBe(true)
  })

  test('shows carry dates, prices with string colour ids, and scheme_properties as received', () => {
    const [show1, show2] = moscow?.shows ?? []
    expect(show1?.start_date.equals(instant('2025-12-05T16:00:00Z'))).toBe(true)
    expect(show1?.prices.map((price) => price.color_theme)).toEqual(['5', '8', '15'])
    expect(show1?.scheme_properties).toHaveProperty('seats')
    expect(show2?.scheme_properties).not.toHaveProperty('seats')
    expect((show2?.scheme_properties?.zones as Record<string, { rows?: unknown }>).PARTER?.rows).toEqual([''])
  })

  test('city is an object with a zone; null min/max prices', () => {
    expect(krasnoyarsk?.city).toEqual({ id: 57, name: 'Красноярск', timezone: 'Asia/Krasnoyarsk' })
    expect(krasnoyarsk?.shows[0]?.min_price).toBeNull()
    expect(krasnoyarsk?.shows[0]?.sale_start_date?.equals(instant('2025-10-01T07:00:00Z'))).toBe(true)
    expect(moscow?.place_coordinates).toEqual([55.76012, 37.61874])
  })
})

test('seats (flat map) parse with string ids and rows, tariff twins sharing root_id', () => {
  const seats = parseDataMap(SeatSchema, fixtureJson('shows.seats.flat.json'), ctx('seats'))
  expect(seats).toHaveLength(10)
  const twins = seats.filter((seat) => seat.root_id === 'PARTER-2;4')
  expect(twins.map((seat) => seat.id)).toEqual(['full_PARTER-2;4', 'lgotnyj_PARTER-2;4'])
  const general = seats.find((seat) => seat.admission)
  expect(general).toMatchObject({ max_quantity: 300, free_quantity: 254, payed_quantity: 41, row: '1', place: '1' })
  expect(seats[0]?.spread.users).toEqual([3101])
  expect(parseDataMap(SeatSchema, { data: [] }, ctx('seats'))).toEqual([])
})

test('color themes parse without paging', () => {
  const page = parseListPage(ColorThemeSchema, fixtureJson('color-themes.json'), ctx('colorThemes'))
  expect(page.paging).toBeNull()
  expect(page.items).toHaveLength(15)
})

test('discounts parse: no amount field, soft delete, referenced shows', () => {
  const page = parseListPage(DiscountSchema, fixtureJson('discounts.page1.json'), ctx('discounts'))
  expect(page.items.map((discount) => [discount.id, discount.is_active, discount.type, discount.deleted_at === null])).toEqual([
    [7050, false, 'P', false],
    [7101, true, 'P', true],
    [7102, true, 'P', true],
  ])
  expect(page.items[2]?.events[0]?.deleted_at).toBeInstanceOf(Temporal.Instant)
  expect(page.items[2]?.shows[0]?.event_id).toBe(510001)
})

test('promo codes parse: all-digit code stays a string', () => {
  const page = parseListPage(PromoCodeSchema, fixtureJson('promo-codes.page1.json'), ctx('promoCodes'))
  expect(page.paging?.perPage).toBe(500)
  expect(page.items.map((promo) => promo.code)).toEqual(['OSEN10', 'ZIMA20', '20251205', 'gost-kassa'])
  expect(page.items[3]?.is_active).toBe(false)
})

test('barcodes (bare array) and barcode status (bare object) parse', () => {
  const entries = parseBareList(BarcodeEntrySchema, fixtureJson('show.barcodes.json'), ctx('barcodes'))
  expect(entries).toHaveLength(10)
  expect(entries.every((entry) => /^\d{12}$/.test(entry.barcode))).toBe(true)
  const status = parseBareObject(BarcodeStatusSchema, fixtureJson('show.barcode.status.json'), ctx('barcodeStatus'))
  expect(status.checked_at?.equals(instant('2025-12-05T15:41:09Z'))).toBe(true)
})

test('partner rows and tickets parse with local offsets and 0/1 flags', () => {
  const rows = parseBareList(PartnerEventRowSchema, fixtureJson<{ result: unknown }>('partners.events.lists.json').result, ctx('partners'))
  expect(rows[0]?.start_date.equals(instant('2025-12-20T09:00:00Z'))).toBe(true)
  expect(rows[2]?.fanid_required).toBe(true)
  expect(rows[0]?.integrations[0]).toEqual({ source_name: 'pro-culture', source_id: 4400123 })
  const tickets = parseBareList(PartnerTicketSchema, fixtureJson<{ result: unknown }>('partners.tickets.find.json').result, ctx('partners'))
  expect(tickets[2]).toMatchObject({ paid: false, deleted: true, offer_id: '', barcode: null, price: null })
  expect(tickets[2]?.reserved_to?.equals(instant('2025-11-19T08:00:00Z'))).toBe(true)
  expect(parseBareList(PartnerTicketSchema, [{ ...(tickets[0] as object), id: '9100501', paid_at: null, reserved_to: null }], ctx('partners'))[0]?.id).toBe('9100501')
})
