import { calendarDate } from '@zakaz/qtickets-sdk'
import type { Sink } from '@zakaz/clickhouse-sink'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestSink, removeDir, tmpDir } from '../../test/support/engine.js'
import { FIXTURE_DAILY_SALES, fixtureEvents, fixtureOrders } from '../../test/support/fixtures.js'
import { eventToRows } from './event.js'
import { orderToRows } from './order.js'

// Transforms + a real embedded ClickHouse reproduce the hand-computed day table of fixtures/qtickets/README.md.
const dataDir = tmpDir('runner-transform-')
let sink: Sink

beforeAll(async () => {
  sink = await openTestSink(dataDir)
})

afterAll(async () => {
  await sink?.close()
  removeDir(dataDir)
})

describe('fixture orders through transforms and the sink', () => {
  it("give exactly the README's per-day table (Moscow dates, +05:00 and after-midnight payments included)", async () => {
    const events = fixtureEvents().map((event) => eventToRows(event, 'fixtures'))
    await sink.writeEvents(events.map((rows) => rows.event))
    await sink.writeShows(events.flatMap((rows) => rows.shows))
    const orders = fixtureOrders()
    const rows = orders.map((order) => orderToRows(order, { tenant: 'fixtures', pii: sink.pii }))
    await sink.writeOrders(rows.map((row) => row.order))
    await sink.writeBaskets(rows.flatMap((row) => row.baskets))
    const days = orders.flatMap((order) => (order.payed_at ? [calendarDate(order.payed_at, 'Europe/Moscow')] : []))
    await sink.recomputeDailySales({ tenant: 'fixtures', days, reportTimeZone: 'Europe/Moscow' })

    const facts = await sink.readDailySales({ tenant: 'fixtures' })
    expect(facts.map(({ sales_date, event_id, city, tickets, revenue }) => ({ sales_date, event_id, city, tickets, revenue }))).toEqual(FIXTURE_DAILY_SALES)
    expect(facts.reduce((sum, fact) => sum + fact.tickets, 0)).toBe(17)
    expect(facts.reduce((sum, fact) => sum + fact.revenue, 0)).toBe(27_900)
    expect(facts.reduce((sum, fact) => sum + fact.orders, 0)).toBe(12)
    // 2750112 keeps one refunded ticket (1500) on its payment day
    expect(facts.find((fact) => fact.sales_date === '2025-11-11')).toMatchObject({ refunded_tickets: 1, refunded_revenue: 1500 })
  })
})
