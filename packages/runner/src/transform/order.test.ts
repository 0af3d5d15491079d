import { createPiiHasher } from '@zakaz/clickhouse-sink'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fixtureOrders } from '../../test/support/fixtures.js'
import { orderToRows } from './order.js'

const pii = createPiiHasher('unit-test-pepper-0123456789')
const context = { tenant: 'acme', pii }
const orders = fixtureOrders()
const order = (id: number) => {
  const found = orders.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`fixture order ${id} missing`)
  return found
}

afterEach(() => vi.useRealTimers())

describe('orderToRows', () => {
  it('keeps ids, money, flags and instants (as UTC ISO strings, whatever the offset)', () => {
    const { order: row, baskets } = orderToRows(order(2750154), context)
    expect(row).toMatchObject({ tenant: 'acme', order_id: 2750154, event_id: 510002, payed: true, currency_id: 'RUB' })
    expect(row.payed_at).toBe('2025-11-15T20:10:00Z') // 2025-11-16T01:10:00+05:00
    expect(row.deleted_at).toBeNull()
    expect(baskets).toHaveLength(1)
    expect(baskets[0]).toMatchObject({ order_id: 2750154, event_id: 510002, show_id: 730010, quantity: 1, price: 1800 })
  })

  it('stores e-mail and phone only as keyed hashes, and no names, URLs or card numbers', () => {
    for (const source of orders) {
      const rows = orderToRows(source, context)
      const text = JSON.stringify(rows)
      expect(text).not.toMatch(/@example\.(org|com)|@romashka|\+7000|https?:|\*\*\*\*/)
      for (const basket of source.baskets) {
        for (const name of [basket.client_name, basket.client_surname, source.client.details.name, source.client.details.surname]) {
          if (name) expect(text).not.toContain(name)
        }
      }
      expect(rows.order.client_email_hash).toBe(pii.email(source.client.email))
      expect(rows.order.client_email_hash).toMatch(/^[0-9a-f]{64}$/)
    }
    const withPhone = orders.find((candidate) => candidate.client.details.phone !== null)!
    expect(orderToRows(withPhone, context).order.client_phone_hash).toBe(pii.phone(withPhone.client.details.phone))
  })

  it('copies the five UTM keys, and empty strings when utm arrived as []', () => {
    expect(orderToRows(order(2750157), context).order).toMatchObject({
      utm_source: 'yandex',
      utm_medium: 'cpc',
      utm_campaign: 'msk_dec',
      utm_content: '48213',
      utm_term: 'джаз билеты',
    })
    expect(orderToRows(order(2750101), context).order).toMatchObject({ utm_source: '', utm_medium: '', utm_campaign: '', utm_content: '', utm_term: '' })
  })

  it('derives _ver from the source: the same order read at another time gives byte-identical rows', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const first = JSON.stringify(orderToRows(order(2750112), context))
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'))
    expect(JSON.stringify(orderToRows(order(2750112), context))).toBe(first)
    const rows = orderToRows(order(2750112), context)
    expect(rows.order._ver).toBe(Date.parse('2025-11-14T16:20:00+03:00')) // updated_at (the refund)
    for (const basket of rows.baskets) expect(basket._ver).toBe(rows.order._ver)
  })

  it('a basket refunded or cancelled later than the order update still gets the newer version', () => {
    const source = order(2750112)
    const later = { ...source, baskets: source.baskets.map((basket, i) => (i === 0 ? { ...basket, refunded_at: source.updated_at.add({ hours: 1 }) } : basket)) }
    const rows = orderToRows(later, context)
    expect(rows.baskets[0]!._ver).toBe(source.updated_at.epochMilliseconds + 3_600_000)
    expect(rows.baskets[1]!._ver).toBe(source.updated_at.epochMilliseconds)
  })

  it('keeps refund and cancellation markers of baskets (facts depend on them)', () => {
    const refunded = orderToRows(order(2750112), context).baskets.find((basket) => basket.refunded_at !== null)
    expect(refunded).toMatchObject({ deleted_at: null })
    const cancelled = orderToRows(order(2750115), context).baskets.find((basket) => basket.deleted_at !== null)
    expect(cancelled?.refunded_amount).toBe(0)
    const general = orderToRows(order(2750138), context).baskets[0]!
    expect(general.quantity).toBe(2)
  })
})
