import { describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { bruteForceDailySales, fetchAll, getJson } from './test-support'

const START = '2025-11-16T21:30:00+03:00'

function snapshot(sim: ReturnType<typeof createSimulator>) {
  return new Map(fetchAll(sim, 'orders', { perPage: 1000 }).map((o) => [o.id, o]))
}

describe('clock', () => {
  it('starts at `start`, reports it three ways and hides orders created later', () => {
    const sim = createSimulator({ seed: 2, start: START, tenants: [{ name: 't', token: 'sim-token-1', orders: 300 }] })
    expect(sim.clock.nowIso()).toBe(START)
    expect(sim.clock.now().epochMilliseconds).toBe(Date.parse(START))
    expect(sim.clock.nowMs()).toBe(Date.parse(START))
    const orders = fetchAll(sim, 'orders')
    expect(orders).toHaveLength(300)
    expect(orders.every((o) => Date.parse(o.created_at) <= Date.parse(START))).toBe(true)
    const nextId = orders.at(-1).id + 1
    expect(getJson(sim, `orders/${nextId}`).status).toBe(404)
    const move = sim.clock.advance({ days: 2 })
    expect(move.from).toBe(START)
    expect(move.createdOrders).toBeGreaterThan(0)
    expect(getJson(sim, `orders/${nextId}`).status).toBe(200)
  })

  it('refuses to move backwards', () => {
    const sim = createSimulator({ seed: 2, tenants: [{ name: 't', token: 'sim-token-1', orders: 10 }] })
    expect(() => sim.clock.advance({ hours: -1 })).toThrow(/cannot move back/)
    expect(() => sim.clock.set('2025-01-01T00:00:00+03:00')).toThrow(/cannot move back/)
    sim.clock.set('2025-11-20T00:00:00+03:00')
    expect(sim.clock.nowIso()).toBe('2025-11-20T00:00:00+03:00')
  })

  it('creates and pays new orders, refunds and cancels earlier ones, expires reservations, and moves updated_at', () => {
    const sim = createSimulator({
      seed: 4,
      start: START,
      tenants: [{ name: 't', token: 'sim-token-1', orders: 600, ordersPerDay: 25, events: 6, rates: { refundedOne: 0.1, cancelled: 0.06 } }],
    })
    const before = snapshot(sim)
    const salesBefore = sim.expectedDailySales()
    const beforeMs = sim.clock.nowMs()
    sim.clock.advance({ days: 12, hours: 3 })
    const after = snapshot(sim)
    const changed = [...after.values()].filter((o) => JSON.stringify(o) !== JSON.stringify(before.get(o.id)))
    const created = [...after.values()].filter((o) => !before.has(o.id))
    const old = changed.filter((o) => before.has(o.id))

    expect(created.length).toBeGreaterThan(100)
    expect(created.filter((o) => o.payed).length).toBeGreaterThan(50)
    expect(old.some((o) => o.baskets.some((b: any) => b.refunded_at !== null && Date.parse(b.refunded_at) > beforeMs))).toBe(true)
    expect(old.some((o) => o.payed && o.deleted_at !== null && Date.parse(o.deleted_at) > beforeMs)).toBe(true)
    expect(old.some((o) => !o.payed && o.deleted_at !== null && before.get(o.id).deleted_at === null)).toBe(true)

    // An order changed exactly when its updated_at moved past the previous "now".
    for (const o of after.values()) {
      const moved = Date.parse(o.updated_at) > beforeMs
      expect(moved).toBe(changed.includes(o))
    }
    // ... so an incremental read keyed on updated_at catches every change.
    const since = new Date(beforeMs + 3 * 3_600_000).toISOString().slice(0, 19) + '+03:00'
    const incremental = fetchAll(sim, 'orders', { where: [{ column: 'updated_at', operator: '>', value: since }], perPage: 1000 })
    expect(incremental.map((o) => o.id).sort()).toEqual(changed.map((o) => o.id).sort())

    const salesAfter = sim.expectedDailySales()
    expect(salesAfter).not.toEqual(salesBefore)
    expect(salesAfter).toEqual(bruteForceDailySales(sim, 't', 'sim-token-1'))
  })

  it('applies explicit mutations at the current time', () => {
    const sim = createSimulator({ seed: 6, tenants: [{ name: 't', token: 'sim-token-1', orders: 200 }] })
    const orders = fetchAll(sim, 'orders', { perPage: 1000 })
    const target = orders.find((o) => o.payed && o.deleted_at === null && o.baskets.length > 1 && o.baskets.every((b: any) => b.deleted_at === null && b.refunded_at === null && b.price > 0))
    sim.clock.advance({ minutes: 5 })
    const [first] = target.baskets
    sim.mutate.refund(target.id, { basketIds: [first.id], deductionShare: 0.1 })
    const refunded = getJson(sim, `orders/${target.id}`).json.data
    expect(refunded.updated_at).toBe(sim.clock.nowIso())
    expect(refunded.baskets[0]).toMatchObject({ refunded_at: sim.clock.nowIso(), deleted_at: null, refunded_amount: first.price * first.quantity - Math.round(first.price * first.quantity * 0.1) })
    expect(sim.expectedDailySales()).toEqual(bruteForceDailySales(sim, 't', 'sim-token-1'))
    sim.clock.advance({ minutes: 1 })
    sim.mutate.cancel(target.id)
    const cancelled = getJson(sim, `orders/${target.id}`).json.data
    expect(cancelled.deleted_at).toBe(sim.clock.nowIso())
    expect(cancelled.price).toBe(target.price)
    expect(cancelled.baskets[0].refunded_at).not.toBeNull()
    expect(cancelled.baskets[1]).toMatchObject({ deleted_at: sim.clock.nowIso(), barcode: null, ticket_amount: 0 })
    expect(() => sim.mutate.cancel(target.id)).toThrow(String(target.id))
    expect(() => sim.mutate.refund(1)).toThrow(/order 1 does not exist/)
  })
})
