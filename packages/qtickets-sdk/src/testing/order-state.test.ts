import { describe, expect, it } from 'vitest'
import { orderCore, type OrderCore } from './order-core'
import { orderStateAt, paymentShownMs, PAYMENT_STAMP_DELAY_MS } from './order-state'
import { buildTenant } from './tenant'

const tenant = buildTenant(0, { name: 't', token: 't', orders: 300 }, { seed: 9, startMs: Date.parse('2025-11-16T21:30:00+03:00'), historyDays: 30, horizonDays: 60 })

/** The first planned order matching a predicate. */
function firstCore(test: (core: OrderCore) => boolean): OrderCore {
  for (let i = 0; i < tenant.timeline.historyOrders; i++) {
    const core = orderCore(tenant, i)
    if (test(core)) return core
  }
  throw new Error('no planned order matches')
}

describe('orderStateAt', () => {
  const paid = firstCore((c) => c.kind === 'paid' && c.change === null)
  const payMs = paid.payMs as number
  const shownMs = payMs + PAYMENT_STAMP_DELAY_MS

  it('shows a payment from the updated_at it stamps on, never earlier', () => {
    expect(paymentShownMs(paid)).toBe(shownMs)
    const before = orderStateAt(paid, shownMs - 1, undefined)
    expect(before).toMatchObject({ payed: false, payedMs: null, updatedMs: paid.createdMs })
    expect(before.baskets.every((b) => b.updatedMs <= shownMs - 1)).toBe(true)
    const at = orderStateAt(paid, shownMs, undefined)
    expect(at).toMatchObject({ payed: true, payedMs: payMs, updatedMs: shownMs })
    expect(at.baskets.every((b) => b.updatedMs === payMs)).toBe(true)
  })

  it('never shows a planned entrance scan before the payment was shown', () => {
    const early = { ...paid, baskets: paid.baskets.map((b) => ({ ...b, checkInMs: shownMs - 1000 })) }
    expect(orderStateAt(early, shownMs + 60_000, undefined).baskets.map((b) => b.checkedMs)).toEqual(paid.baskets.map(() => null))
    const onTime = { ...paid, baskets: paid.baskets.map((b) => ({ ...b, checkInMs: shownMs + 1000 })) }
    expect(orderStateAt(onTime, shownMs + 999, undefined).baskets.every((b) => b.checkedMs === null)).toBe(true)
    const scanned = orderStateAt(onTime, shownMs + 1000, undefined)
    expect(scanned.baskets.every((b) => b.checkedMs === shownMs + 1000 && b.updatedMs === shownMs + 1000)).toBe(true)
    expect(scanned.updatedMs).toBe(shownMs + 1000)
  })

  it('shows an expiry, a refund and a cancellation exactly from their instants on', () => {
    const expired = firstCore((c) => c.kind === 'expired')
    const expireMs = expired.expireMs as number
    expect(orderStateAt(expired, expireMs - 1, undefined).deletedMs).toBeNull()
    expect(orderStateAt(expired, expireMs, undefined)).toMatchObject({ deletedMs: expireMs, updatedMs: expireMs })
    const changed = firstCore((c) => c.change?.kind === 'refundOne')
    const atMs = changed.change?.atMs as number
    const j = changed.change?.basket as number
    expect(orderStateAt(changed, atMs - 1, undefined).baskets[j]?.refundedMs).toBeNull()
    const refunded = orderStateAt(changed, atMs, undefined)
    expect(refunded.baskets[j]).toMatchObject({ refundedMs: atMs, updatedMs: atMs })
    expect(refunded.updatedMs).toBe(atMs)
    const overlay = [{ atMs: atMs + 5000, kind: 'cancel' as const, basketIds: null, deductionShare: 0 }]
    expect(orderStateAt(changed, atMs + 4999, overlay).deletedMs).toBeNull()
    expect(orderStateAt(changed, atMs + 5000, overlay)).toMatchObject({ deletedMs: atMs + 5000, updatedMs: atMs + 5000 })
  })
})
