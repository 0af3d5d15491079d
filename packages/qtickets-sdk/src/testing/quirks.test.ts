import { describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { fetchAll, getJson } from './test-support'

const sim = createSimulator({ seed: 9, tenants: [{ name: 'quirks', token: 'sim-token-1', orders: 1500, events: 8 }] })
const orders = fetchAll(sim, 'orders', { perPage: 1000 })
const baskets = orders.flatMap((o) => o.baskets.map((b: any) => ({ ...b, order: o })))
const events = fetchAll(sim, 'events')
const MINUTE = 60_000
const ms = (ts: string) => Date.parse(ts)

/** Every string that looks like a timestamp, anywhere in a value. */
function timestamps(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) out.push(value)
  else if (Array.isArray(value)) value.forEach((v) => timestamps(v, out))
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => timestamps(v, out))
  return out
}

describe('quirks of the real API are reproduced', () => {
  it('renders every REST timestamp with +03:00, Siberian events included', () => {
    const all = [...timestamps(orders), ...timestamps(events), ...timestamps(fetchAll(sim, 'discounts')), ...timestamps(fetchAll(sim, 'promo-codes'))]
    expect(all.length).toBeGreaterThan(1000)
    expect(all.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/.test(t))).toBe(true)
    const zones = new Set(events.map((e) => e.city.timezone))
    expect(zones.size).toBeGreaterThanOrEqual(3)
    expect([...zones].some((z) => z !== 'Europe/Moscow')).toBe(true)
    for (const e of events.filter((x) => x.deleted_at === null)) {
      for (const s of e.shows) {
        const hour = new Intl.DateTimeFormat('en-GB', { timeZone: e.city.timezone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(s.start_date))
        expect(hour).toBe('19')
      }
    }
  })

  it('uses [] for empty utm, fields and list integrations and "" for empty custom', () => {
    expect(orders.every((o) => (Array.isArray(o.utm) ? o.utm.length === 0 : typeof o.utm === 'object'))).toBe(true)
    expect(orders.some((o) => Array.isArray(o.utm)) && orders.some((o) => !Array.isArray(o.utm))).toBe(true)
    expect(orders.some((o) => !Array.isArray(o.utm) && Object.values(o.utm).some((v) => /^\d+$/.test(String(v))))).toBe(true)
    expect(orders.every((o) => o.custom === '' || (typeof o.custom === 'object' && !Array.isArray(o.custom)))).toBe(true)
    expect(orders.some((o) => o.custom !== '')).toBe(true)
    expect(orders.every((o) => (Array.isArray(o.fields) && o.fields.length === 0) || typeof o.fields.inn === 'string')).toBe(true)
    expect(orders.every((o) => (Array.isArray(o.integrations) && o.integrations.length === 0) || typeof o.integrations.roistat === 'object')).toBe(true)
    expect(orders.some((o) => !Array.isArray(o.integrations))).toBe(true)
  })

  it('types booleans, 0/1 flags and numeric strings like the real API', () => {
    for (const o of orders) {
      expect([typeof o.payed, typeof o.reserved, typeof o.reserve_extended]).toEqual(['boolean', 'boolean', 'boolean'])
      for (const b of o.baskets) {
        expect(b.series).toMatch(/^\d+$/)
        if (b.barcode !== null) expect(b.barcode).toMatch(/^\d{12}$/)
      }
    }
    for (const e of events) {
      expect([0, 1]).toContain(e.is_active)
      for (const p of e.payments) expect(typeof p.is_active).toBe('boolean')
      for (const s of e.shows) {
        expect([0, 1]).toContain(s.is_active)
        for (const p of s.prices) expect(p.color_theme).toMatch(/^\d+$/)
      }
    }
    for (const d of fetchAll(sim, 'discounts')) expect([0, 1]).toContain(d.is_active)
    const promos = fetchAll(sim, 'promo-codes')
    for (const p of promos) expect([0, 1]).toContain(p.is_active)
    expect(promos.some((p) => typeof p.code === 'string' && /^\d+$/.test(p.code))).toBe(true)
    expect(orders.some((o) => o.payment_type_id === '7000123' && o.payment_card_number === null)).toBe(true)
  })

  it('keeps events with null min/max prices, shows without a seats key and a deleted event', () => {
    expect(events.some((e) => e.shows.some((s: any) => s.min_price === null && s.prices.length > 0))).toBe(true)
    expect(events.some((e) => e.shows.some((s: any) => !('seats' in s.scheme_properties)))).toBe(true)
    expect(events.some((e) => e.shows.some((s: any) => 'seats' in s.scheme_properties))).toBe(true)
    const deleted = events.filter((e) => e.deleted_at !== null)
    expect(deleted).toHaveLength(1)
    expect(deleted[0]).toMatchObject({ is_active: 0, payments: [] })
    expect(deleted[0].shows.every((s: any) => s.deleted_at === null)).toBe(true)
  })

  it('cancels baskets with null barcode and PDF, ticket_amount 0 and refunded_amount 0', () => {
    const cancelled = baskets.filter((b) => b.deleted_at !== null)
    expect(cancelled.length).toBeGreaterThan(0)
    for (const b of cancelled) {
      expect([b.barcode, b.pdf_url, b.passbook_url, b.ticket_amount, b.refunded_amount, b.refunded_deduction_amount, b.refunded_at]).toEqual([null, null, null, 0, 0, 0, null])
      expect(b.updated_at).toBe(b.deleted_at)
    }
  })

  it('refunds baskets with refunded_at set, deleted_at null and the amount minus the deduction', () => {
    const refunded = baskets.filter((b) => b.refunded_at !== null)
    expect(refunded.length).toBeGreaterThan(0)
    for (const b of refunded) {
      expect(b.deleted_at).toBeNull()
      expect(b.refunded_amount + b.refunded_deduction_amount).toBe(b.price * b.quantity)
      expect(b.barcode).not.toBeNull()
      expect(ms(b.order.updated_at)).toBeGreaterThanOrEqual(ms(b.refunded_at))
    }
    expect(refunded.some((b) => b.refunded_deduction_amount > 0)).toBe(true)
    expect(baskets.filter((b) => b.refunded_at === null && b.deleted_at === null).every((b) => b.refunded_amount === null)).toBe(true)
  })

  it('never reduces order.price on cancellation', () => {
    for (const o of orders) {
      expect(o.price).toBe(o.baskets.reduce((sum: number, b: any) => sum + b.price * b.quantity, 0))
      expect(o.original_price).toBe(o.baskets.reduce((sum: number, b: any) => sum + b.original_price * b.quantity, 0))
    }
    const paidThenCancelled = orders.filter((o) => o.payed && o.deleted_at !== null)
    expect(paidThenCancelled.length).toBeGreaterThan(0)
    expect(paidThenCancelled.every((o) => o.price > 0 || o.original_price > 0)).toBe(true)
  })

  it('has invitations, absolute discounts, service fees, general admission of quantity 2 and multi-show orders', () => {
    const invitations = orders.filter((o) => o.payed && o.price === 0)
    expect(invitations.length).toBeGreaterThan(0)
    for (const o of invitations) {
      expect(o.payment_card_number).toBeNull()
      expect(o.original_price).toBeGreaterThan(0)
      expect(o.discount_id).not.toBeNull()
      expect(o.promo_code_id).not.toBeNull()
    }
    for (const b of baskets) expect(b.price).toBe(b.original_price - b.discount_value)
    expect(baskets.some((b) => b.discount_value > 0 && b.price > 0)).toBe(true)
    expect(baskets.some((b) => b.service_fee_amount > 0)).toBe(true)
    expect(baskets.some((b) => b.quantity === 2 && b.seat_id.startsWith('tancevalnyj-parter'))).toBe(true)
    expect(orders.some((o) => new Set(o.baskets.map((b: any) => b.show_id)).size > 1)).toBe(true)
    expect(baskets.some((b) => b.multiprice_code === 'lgotnyj')).toBe(true)
  })

  it('expires unpaid reservations 15 minutes after reserved_to, with deleted_at = updated_at', () => {
    const expired = orders.filter((o) => !o.payed && o.deleted_at !== null)
    expect(expired.length).toBeGreaterThan(0)
    for (const o of expired) {
      expect(o.deleted_at).toBe(o.updated_at)
      expect(ms(o.reserved_to) - ms(o.created_at)).toBe(24 * 60 * MINUTE)
      const late = ms(o.deleted_at) - ms(o.reserved_to)
      expect(late).toBeGreaterThanOrEqual(15 * MINUTE)
      expect(late).toBeLessThanOrEqual(17 * MINUTE)
      expect(o.payed_at).toBeNull()
      expect(o.payment_card_number).toBeNull()
      expect(o.baskets.every((b: any) => b.deleted_at === o.deleted_at && b.barcode === null)).toBe(true)
    }
    const live = orders.filter((o) => !o.payed && o.deleted_at === null)
    expect(live.length).toBeGreaterThan(0)
    expect(live.every((o) => o.baskets.every((b: any) => b.barcode === null && b.pdf_url === null))).toBe(true)
    expect(live.some((o) => o.reserved === true && o.backend_user_id !== null)).toBe(true)
  })

  it('creates baskets shortly before their order and moves updated_at on payment', () => {
    for (const o of orders) {
      for (const b of o.baskets) expect(ms(b.created_at)).toBeLessThan(ms(o.created_at))
      if (o.payed) {
        expect(ms(o.updated_at)).toBeGreaterThanOrEqual(ms(o.payed_at) + 2000)
        expect(ms(o.payed_at)).toBeGreaterThan(ms(o.created_at))
      }
    }
  })

  it('has payments just after Moscow midnight (the UTC date is the day before)', () => {
    const afterMidnight = orders.filter((o) => o.payed_at !== null && o.payed_at.slice(11, 13) === '00')
    expect(afterMidnight.length).toBeGreaterThan(0)
    expect(afterMidnight.some((o) => new Date(o.payed_at).toISOString().slice(0, 10) !== o.payed_at.slice(0, 10))).toBe(true)
  })

  it('uses obviously fake personal data', () => {
    const clients = fetchAll(sim, 'clients')
    expect(clients.length).toBeGreaterThan(0)
    for (const c of [...clients, ...orders.map((o) => o.client)]) {
      expect(c.email).toMatch(/@example\.(org|com)$/)
      if (c.details.phone !== null) expect(c.details.phone).toMatch(/^\+7000\d{7}$/)
    }
    for (const b of baskets) expect(b.client_email).toMatch(/@example\.(org|com)$/)
    expect(orders.every((o) => o.payment_url.startsWith('https://qtickets.test/'))).toBe(true)
  })

  it('spreads orders over the day with more in the evening', () => {
    const byHour = new Array(24).fill(0)
    for (const o of orders) byHour[Number(o.created_at.slice(11, 13))]++
    const evening = byHour.slice(18, 23).reduce((a, b) => a + b, 0) / 5
    const night = byHour.slice(2, 7).reduce((a, b) => a + b, 0) / 5
    expect(evening).toBeGreaterThan(night * 5)
    expect(new Set(orders.map((o) => o.created_at.slice(0, 10))).size).toBeGreaterThan(60)
  })

  it('returns each order id once per page walk and repeat buyers share a client', () => {
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length)
    const byClient = new Map<number, number>()
    for (const o of orders) byClient.set(o.client_id, (byClient.get(o.client_id) ?? 0) + 1)
    expect([...byClient.values()].some((n) => n > 1)).toBe(true)
    expect(getJson(sim, 'clients').json.paging.total).toBe(byClient.size)
  })
})
