import { describe, expect, it } from 'vitest'
import type { SimulatorOptions } from './options'
import { createSimulator } from './simulator'
import { dailySalesOfListed, fetchAll } from './test-support'

const SECOND = 1000
const MINUTE = 60 * SECOND
const TOKEN = 'tok'
const FROM = Date.parse('2025-11-17T14:00:00+03:00')
const TO = FROM + 5 * 60 * MINUTE

/** A busy afternoon and evening with shows (seeds 23 and 25 cross every kind of change): payments, expiries, refunds, cancellations, deleted baskets and entrance scans. */
function busyTenant(seed: number): SimulatorOptions {
  return {
    seed,
    start: FROM,
    horizonDays: 2,
    tenants: [{
      name: 't',
      token: TOKEN,
      orders: 200,
      historyDays: 11,
      ordersPerDay: 150,
      events: 8,
      deletedEvent: false,
      rates: { cancelled: 0.15, refundedOne: 0.15, refundedAll: 0.1, deletedBasket: 0.2, expired: 0.3, checkedIn: 1 },
    }],
  }
}

type Stamp = 'created_at' | 'payed_at' | 'updated_at' | 'deleted_at' | 'refunded_at' | 'checked_at'

/** Every instant an order shows, with the field it comes from (order and basket fields alike). */
function stampsOf(order: any): Array<[Stamp, string]> {
  const of = (row: any, fields: Stamp[]) => fields.flatMap((f): Array<[Stamp, string]> => (row[f] === null || row[f] === undefined ? [] : [[f, row[f]]]))
  return [...of(order, ['created_at', 'payed_at', 'updated_at', 'deleted_at']), ...order.baskets.flatMap((b: any) => of(b, ['updated_at', 'deleted_at', 'refunded_at', 'checked_at']))]
}

/** What changed in (FROM, TO]: each kind of change the sweep must have crossed. */
function changesInWindow(orders: readonly any[]): Record<string, number> {
  const inside = (ts: string | null) => ts !== null && Date.parse(ts) > FROM && Date.parse(ts) <= TO
  const baskets = orders.flatMap((o) => o.baskets)
  return {
    payments: orders.filter((o) => inside(o.payed_at)).length,
    expiries: orders.filter((o) => !o.payed && inside(o.deleted_at)).length,
    cancellations: orders.filter((o) => o.payed && inside(o.deleted_at)).length,
    refunds: baskets.filter((b) => inside(b.refunded_at)).length,
    basketDeletions: orders.filter((o) => o.payed && o.deleted_at === null).flatMap((o) => o.baskets).filter((b: any) => inside(b.deleted_at)).length,
    scans: baskets.filter((b) => inside(b.checked_at)).length,
  }
}

/**
 * Clock positions, ascending: every whole minute of the window, and the second before and the second of every
 * instant the orders show within it at its end (where a change could appear too early or too late).
 */
function clockPositions(finalOrders: readonly any[]): number[] {
  const positions = new Set<number>()
  for (let ms = FROM; ms <= TO; ms += MINUTE) positions.add(ms)
  for (const [, ts] of finalOrders.flatMap(stampsOf)) {
    const ms = Date.parse(ts)
    for (const d of [-1, 0]) if (ms + d * SECOND > FROM && ms + d * SECOND <= TO) positions.add(ms + d * SECOND)
  }
  return [...positions].sort((a, b) => a - b)
}

/** Orders and baskets showing an instant later than `nowMs`. */
function stampsAfter(orders: readonly any[], nowMs: number): string[] {
  return orders.flatMap((o) => stampsOf(o).filter(([, ts]) => Date.parse(ts) > nowMs).map(([field, ts]) => `order ${o.id} ${field} ${ts}`))
}

/** Orders whose JSON changed since the previous position although their `updated_at` did not move past it. */
function silentChanges(before: Map<number, string>, orders: readonly any[], beforeMs: number): string[] {
  return orders.flatMap((o) => {
    const previous = before.get(o.id)
    if (previous === undefined) return Date.parse(o.created_at) > beforeMs ? [] : [`order ${o.id} appeared with created_at ${o.created_at}`]
    return previous !== JSON.stringify(o) && Date.parse(o.updated_at) <= beforeMs ? [`order ${o.id} changed, updated_at ${o.updated_at}`] : []
  })
}

describe('visibility: a change is shown from its own updated_at on', () => {
  for (const seed of [23, 25]) {
    it(`seed ${seed}: nothing is stamped after now, every change moves updated_at, and the ground truth is what the API lists`, () => {
      const probe = createSimulator(busyTenant(seed))
      probe.clock.set(TO)
      const finalOrders = fetchAll(probe, 'orders', { perPage: 1000 }, TOKEN)
      const crossed = changesInWindow(finalOrders)
      for (const [kind, count] of Object.entries(crossed)) expect(count, `${kind} within the window`).toBeGreaterThan(0)

      const sim = createSimulator(busyTenant(seed))
      const events = fetchAll(sim, 'events', {}, TOKEN)
      const problems: string[] = []
      let before: Map<number, string> | null = null
      let beforeMs = sim.clock.nowMs()
      const positions = clockPositions(finalOrders)
      expect(positions.length).toBeGreaterThan(240)
      for (const at of positions) {
        sim.clock.set(at)
        const orders = fetchAll(sim, 'orders', { perPage: 1000 }, TOKEN)
        const stamp = new Date(at).toISOString()
        problems.push(...stampsAfter(orders, at).map((p) => `${stamp}: ${p}`))
        if (before !== null) problems.push(...silentChanges(before, orders, beforeMs).map((p) => `${stamp}: ${p}`))
        const expected = sim.expectedDailySales()
        const listed = dailySalesOfListed(orders, events, 't')
        if (JSON.stringify(expected) !== JSON.stringify(listed)) problems.push(`${stamp}: expectedDailySales() differs from the listed orders`)
        before = new Map(orders.map((o) => [o.id, JSON.stringify(o)]))
        beforeMs = at
      }
      expect(problems).toEqual([])
    })
  }
})
