import { describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { bruteForceDailySales, fetchAll, getJson, type Cell } from './test-support'

const sim = createSimulator({
  seed: 21,
  tenants: [
    { name: 'alpha', token: 'tok-alpha', orders: 700, events: 7 },
    { name: 'beta', token: 'tok-beta', orders: 150, events: 4 },
  ],
})

describe('expectedDailySales', () => {
  it('equals the §10 aggregate recomputed from every listed order, per tenant', () => {
    const alpha = sim.expectedDailySales({ tenant: 'alpha' })
    expect(alpha.length).toBeGreaterThan(20)
    expect(alpha).toEqual(bruteForceDailySales(sim, 'alpha', 'tok-alpha'))
    expect(sim.expectedDailySales({ tenant: 'beta' })).toEqual(bruteForceDailySales(sim, 'beta', 'tok-beta'))
    expect(sim.expectedDailySales()).toEqual([...alpha, ...sim.expectedDailySales({ tenant: 'beta' })])
  })

  it('attributes days in the report time zone', () => {
    const krasnoyarsk = sim.expectedDailySales({ tenant: 'alpha', reportTimeZone: 'Asia/Krasnoyarsk' })
    expect(krasnoyarsk).toEqual(bruteForceDailySales(sim, 'alpha', 'tok-alpha', 'Asia/Krasnoyarsk'))
    expect(krasnoyarsk).not.toEqual(sim.expectedDailySales({ tenant: 'alpha' }))
    const total = (rows: Cell[]) => rows.reduce((s, r) => s + r.revenue, 0)
    expect(total(krasnoyarsk)).toBe(total(sim.expectedDailySales({ tenant: 'alpha' })))
  })

  it('has refunds in their own columns and no empty cells', () => {
    const rows = sim.expectedDailySales({ tenant: 'alpha' })
    expect(rows.some((r) => r.refundedTickets > 0)).toBe(true)
    expect(rows.every((r) => r.tickets > 0 || r.refundedTickets > 0)).toBe(true)
  })
})

describe('expectedInventory', () => {
  it('matches shows/{id}/seats and the orders', () => {
    const orders = fetchAll(sim, 'orders', { perPage: 500 }, 'tok-alpha')
    const rows = sim.expectedInventory({ tenant: 'alpha' })
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      const seats = Object.values(getJson(sim, `shows/${row.showId}/seats`, { flat: true }, 'tok-alpha').json.data) as any[]
      const zone = seats.filter((s) => s.zone_root_id === row.zone)
      const physical = [...new Map(zone.map((s) => [s.root_id, s])).values()]
      expect(row.capacity).toBe(physical.reduce((n, s) => n + s.max_quantity, 0))
      expect(row.sold).toBe(physical.reduce((n, s) => n + s.payed_quantity, 0))
      expect(row.reserved).toBe(physical.reduce((n, s) => n + s.ordered_quantity + s.in_basket_quantity, 0))
      expect(row.disabled).toBe(physical.filter((s) => s.disabled).length)
      expect(row.free).toBe(physical.reduce((n, s) => n + s.free_quantity, 0))
      expect(row.capacity).toBe(row.free + row.sold + row.reserved + row.disabled)
      // Independently from the orders: paid and reserved tickets of this show and zone.
      const inZone = (b: any) => b.show_id === row.showId && b.seat_id.startsWith(`${row.zone}-`) && b.deleted_at === null && b.refunded_at === null
      const sold = orders.filter((o) => o.payed && o.deleted_at === null).flatMap((o) => o.baskets).filter(inZone)
      const held = orders.filter((o) => !o.payed && o.deleted_at === null).flatMap((o) => o.baskets).filter(inZone)
      expect(row.sold).toBe(sold.reduce((n: number, b: any) => n + b.quantity, 0))
      expect(physical.reduce((n, s) => n + s.ordered_quantity, 0)).toBe(held.reduce((n: number, b: any) => n + b.quantity, 0))
    }
  })

  it('never sells a reserved seat twice', () => {
    const orders = fetchAll(sim, 'orders', { perPage: 500 }, 'tok-alpha')
    const taken = orders.flatMap((o) => o.baskets.filter((b: any) => b.deleted_at === null && b.refunded_at === null && b.seat_id.startsWith('PARTER-')).map((b: any) => `${b.show_id}/${b.seat_id}`))
    expect(new Set(taken).size).toBe(taken.length)
  })
})

describe('stats', () => {
  it('counts what the API lists', () => {
    const orders = fetchAll(sim, 'orders', { perPage: 500 }, 'tok-beta')
    const stats = sim.stats({ tenant: 'beta' })
    expect(stats.orders).toBe(orders.length)
    expect(stats.paidOrders).toBe(orders.filter((o) => o.payed).length)
    expect(stats.cancelledOrders).toBe(orders.filter((o) => o.payed && o.deleted_at !== null).length)
    expect(stats.expiredReservations).toBe(orders.filter((o) => !o.payed && o.deleted_at !== null).length)
    expect(stats.refundedBaskets).toBe(orders.flatMap((o) => o.baskets).filter((b: any) => b.refunded_at !== null && b.deleted_at === null).length)
    expect(stats.clients).toBe(getJson(sim, 'clients', {}, 'tok-beta').json.paging.total)
    expect(sim.stats().orders).toBe(stats.orders + sim.stats({ tenant: 'alpha' }).orders)
    expect(() => sim.stats({ tenant: 'nobody' })).toThrow(/nobody/)
  })
})
