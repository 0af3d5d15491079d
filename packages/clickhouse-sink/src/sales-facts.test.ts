import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSink, removeDir, rowsOf, tmpDir } from '../test/engine'
import type { Sink } from './sink'
import type { BasketRow, EventRow, OrderRow, ShowRow } from './rows'
import { SinkError } from './errors'
import { daysInStatements } from './sales-facts'

// Fixtures from the repository (never edited); the README holds the hand-computed truth.
const fixtures = new URL('../../../fixtures/qtickets/', import.meta.url)
const readJson = (name: string) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'))
const apiOrders: any[] = [...readJson('orders.page1.json').data, ...readJson('orders.page2.json').data]
const apiEvents: any[] = readJson('events.page1.json').data

// Direct mapping from API records to sink rows (the runner owns the real transform).
function orderRow(tenant: string, o: any, ver: number): OrderRow {
  const utm = Array.isArray(o.utm) ? {} : o.utm
  return {
    tenant,
    order_id: o.id,
    uniqid: o.uniqid,
    payed: o.payed,
    payed_at: o.payed_at,
    created_at: o.created_at,
    updated_at: o.updated_at,
    deleted_at: o.deleted_at,
    price: o.price,
    original_price: o.original_price,
    currency_id: o.currency_id,
    event_id: o.event_id,
    client_id: o.client_id,
    client_email_hash: null,
    client_phone_hash: null,
    discount_id: o.discount_id,
    promo_code_id: o.promo_code_id,
    payment_type_id: o.payment_type_id,
    reserved: o.reserved,
    utm_source: utm.utm_source ?? null,
    utm_medium: utm.utm_medium ?? null,
    utm_campaign: utm.utm_campaign ?? null,
    utm_content: utm.utm_content ?? null,
    utm_term: utm.utm_term ?? null,
    _ver: ver,
  }
}

function basketRows(tenant: string, o: any, ver: number): BasketRow[] {
  return o.baskets.map((b: any) => ({
    tenant,
    basket_id: b.id,
    order_id: o.id,
    event_id: o.event_id,
    show_id: b.show_id,
    seat_id: b.seat_id,
    multiprice_code: b.multiprice_code,
    price: b.price,
    original_price: b.original_price,
    discount_value: b.discount_value ?? 0,
    service_fee_amount: b.service_fee_amount,
    quantity: b.quantity,
    deleted_at: b.deleted_at,
    refunded_at: b.refunded_at,
    refunded_amount: b.refunded_amount,
    checked_at: b.checked_at,
    created_at: b.created_at,
    updated_at: b.updated_at,
    _ver: ver,
  }))
}

function eventRow(tenant: string, e: any): EventRow {
  return {
    tenant,
    event_id: e.id,
    name: e.name,
    is_active: e.is_active === 1,
    city_id: e.city_id,
    city_name: e.city.name,
    city_timezone: e.city.timezone,
    currency_id: e.currency_id,
    place_name: e.place_name,
    created_at: e.created_at,
    updated_at: e.updated_at,
    deleted_at: e.deleted_at,
    _ver: 1,
  }
}

function showRows(tenant: string, e: any): ShowRow[] {
  return e.shows.map((s: any) => ({
    tenant,
    show_id: s.id,
    event_id: e.id,
    name: s.name,
    is_active: s.is_active === 1,
    city_timezone: e.city.timezone,
    open_at: s.open_date,
    start_at: s.start_date,
    finish_at: s.finish_date,
    sale_start_at: s.sale_start_date,
    sale_finish_at: s.sale_finish_date,
    created_at: s.created_at,
    updated_at: s.updated_at,
    deleted_at: s.deleted_at,
    _ver: 1,
  }))
}

/** The "Per Moscow day and event" table of fixtures/qtickets/README.md. */
function readmeDailyTable(): { sales_date: string; event_id: number; city: string; tickets: number; revenue: number }[] {
  const readme = readFileSync(new URL('README.md', fixtures), 'utf8')
  const section = readme.slice(readme.indexOf('Per Moscow day and event'))
  return [...section.matchAll(/^\| (\d{4}-\d{2}-\d{2}) \| (\d+) \| ([^|]+?) \| (\d+) \| (\d+) \|$/gm)].map((m) => ({
    sales_date: m[1]!,
    event_id: Number(m[2]),
    city: m[3]!,
    tickets: Number(m[4]),
    revenue: Number(m[5]),
  }))
}

const withChanges = (o: any, change: (copy: any) => void): any => {
  const copy = structuredClone(o)
  change(copy)
  return copy
}
const orderById = (id: number): any => apiOrders.find((o) => o.id === id)
const TENANT = 'org_a'
const dataDir = tmpDir()
let sink: Sink

async function load(tenant: string, orders: any[], ver: number): Promise<void> {
  await sink.writeOrders(orders.map((o) => orderRow(tenant, o, ver)))
  await sink.writeBaskets(orders.flatMap((o) => basketRows(tenant, o, ver)))
}

/** What a runner does after writing orders: recompute old ∪ new days of the touched orders. */
async function loadAndRecompute(tenant: string, orders: any[], ver: number): Promise<string[]> {
  const orderIds = orders.map((o) => o.id)
  const before = await sink.salesDaysOfOrders({ tenant, orderIds })
  await load(tenant, orders, ver)
  const after = await sink.salesDaysOfOrders({ tenant, orderIds })
  const { days } = await sink.recomputeDailySales({ tenant, days: [...before, ...after] })
  return days
}

beforeAll(async () => {
  sink = await openSink(dataDir)
  await sink.writeEvents(apiEvents.map((e) => eventRow(TENANT, e)))
  await sink.writeShows(apiEvents.flatMap((e) => showRows(TENANT, e)))
  // Overlapping loads: page 1, then the second half of page 1 again together with page 2, then a retried batch.
  await load(TENANT, apiOrders.slice(0, 12), 1)
  await load(TENANT, apiOrders.slice(6), 1)
  await load(TENANT, apiOrders.slice(6), 1)
  const days = await sink.salesDaysOfOrders({ tenant: TENANT, orderIds: apiOrders.map((o) => o.id) })
  await sink.recomputeDailySales({ tenant: TENANT, days })
})

afterAll(async () => {
  await sink?.close()
  removeDir(dataDir)
})

describe('recomputeDailySales over the fixture orders', () => {
  it('matches the README per-day table after overlapping loads', async () => {
    const facts = await sink.readDailySales({ tenant: TENANT })
    expect(facts.map(({ sales_date, event_id, city, tickets, revenue }) => ({ sales_date, event_id, city, tickets, revenue }))).toEqual(
      readmeDailyTable(),
    )
    expect(readmeDailyTable()).toHaveLength(7)
    expect(facts.reduce((sum, f) => sum + f.tickets, 0)).toBe(17)
    expect(facts.reduce((sum, f) => sum + f.revenue, 0)).toBe(27_900)
  })

  it('counts sale orders and puts refunds on the payment day', async () => {
    const facts = await sink.readDailySales({ tenant: TENANT })
    const byDay = Object.fromEntries(facts.map((f) => [f.sales_date, [f.orders, f.refunded_tickets, f.refunded_revenue]]))
    // Hand-counted from the README's order table: 2750112 has one refunded basket (1500), 2750124 only a refunded one (1200).
    expect(byDay).toEqual({
      '2025-11-10': [2, 0, 0],
      '2025-11-11': [1, 1, 1500],
      '2025-11-12': [2, 1, 1200],
      '2025-11-13': [2, 0, 0],
      '2025-11-14': [2, 0, 0],
      '2025-11-15': [2, 0, 0],
      '2025-11-16': [1, 0, 0],
    })
    expect(facts.every((f) => f.report_time_zone === 'Europe/Moscow')).toBe(true)
  })

  it('puts +05:00 and just-after-midnight +03:00 payments on Moscow date 2025-11-15, and honours the report zone', async () => {
    const krasnoyarsk = { tenant: TENANT, orderIds: [2750145, 2750154] }
    expect(await sink.salesDaysOfOrders(krasnoyarsk)).toEqual(['2025-11-15'])
    expect(await sink.salesDaysOfOrders({ ...krasnoyarsk, reportTimeZone: 'UTC' })).toEqual(['2025-11-14', '2025-11-15'])
    const stored = await rowsOf<{ order_id: number; payed_at: string }>(
      sink,
      'SELECT order_id, toString(payed_at) AS payed_at FROM stg_qtickets_api_orders_raw FINAL WHERE tenant = {t:String} AND order_id IN (2750145, 2750154) ORDER BY order_id',
      { t: TENANT },
    )
    expect(stored.map((r) => r.payed_at)).toEqual(['2025-11-14 21:20:05.000', '2025-11-15 20:10:00.000'])
  })

  it('keeps one copy per key in staging after the overlapping loads (FINAL) and splits the same totals by UTM', async () => {
    const counts = await rowsOf<{ orders: number; baskets: number }>(
      sink,
      `SELECT (SELECT count() FROM stg_qtickets_api_orders_raw FINAL WHERE tenant = {t:String}) AS orders,
              (SELECT count() FROM stg_qtickets_api_baskets_raw FINAL WHERE tenant = {t:String}) AS baskets`,
      { t: TENANT },
    )
    expect(counts.map((c) => [Number(c.orders), Number(c.baskets)])).toEqual([[17, apiOrders.flatMap((o) => o.baskets).length]])
    const utm = await rowsOf<{ utm_source: string; utm_campaign: string; orders: number; tickets: number; revenue: number }>(
      sink,
      `SELECT utm_source, utm_campaign, orders, tickets, revenue FROM fact_qtickets_sales_utm_daily FINAL
       WHERE tenant = {t:String} AND sales_date = '2025-11-10' ORDER BY utm_source`,
      { t: TENANT },
    )
    // 2750101 has no UTM (1 ticket, 2500); 2750104 came from vk / zima_2025 (2 tickets, 4000).
    expect(utm.map((r) => [r.utm_source, r.utm_campaign, Number(r.orders), Number(r.tickets), Number(r.revenue)])).toEqual([
      ['', '', 1, 1, 2500],
      ['vk', 'zima_2025', 1, 2, 4000],
    ])
  })

  it('changes a day when a newer version refunds a basket, and drops a day emptied by a cancellation', async () => {
    const refunded = withChanges(orderById(2750101), (o) => {
      o.updated_at = '2025-11-17T10:00:00+03:00'
      o.baskets[0].refunded_at = '2025-11-17T10:00:00+03:00'
      o.baskets[0].refunded_amount = 2500
    })
    const cancelled = withChanges(orderById(2750157), (o) => {
      o.updated_at = o.deleted_at = '2025-11-17T11:00:00+03:00'
      o.baskets[0].deleted_at = '2025-11-17T11:00:00+03:00'
    })
    const untouchedBefore = (await sink.readDailySales({ tenant: TENANT, from: '2025-11-11', to: '2025-11-15' })).map((f) => f.computed_at)
    expect(await loadAndRecompute(TENANT, [refunded, cancelled], 2)).toEqual(['2025-11-10', '2025-11-16'])

    const facts = await sink.readDailySales({ tenant: TENANT })
    expect(facts.find((f) => f.sales_date === '2025-11-10')).toMatchObject({ orders: 1, tickets: 2, revenue: 4000, refunded_tickets: 1, refunded_revenue: 2500 })
    expect(facts.find((f) => f.sales_date === '2025-11-16')).toBeUndefined()
    const day16 = await rowsOf<{ n: number }>(sink, "SELECT count() AS n FROM fact_qtickets_sales_daily FINAL WHERE tenant = {t:String} AND sales_date = '2025-11-16'", { t: TENANT })
    expect(Number(day16[0]?.n)).toBe(0)
    const utm16 = await rowsOf<{ n: number }>(sink, "SELECT count() AS n FROM fact_qtickets_sales_utm_daily FINAL WHERE tenant = {t:String} AND sales_date = '2025-11-16'", { t: TENANT })
    expect(Number(utm16[0]?.n)).toBe(0)
    // Days that were not recomputed keep their rows.
    expect((await sink.readDailySales({ tenant: TENANT, from: '2025-11-11', to: '2025-11-15' })).map((f) => f.computed_at)).toEqual(untouchedBefore)
  })

  it('rebuilds the day an order moves away from', async () => {
    const moved = withChanges(orderById(2750127), (o) => {
      o.payed_at = '2025-11-14T12:00:00+03:00'
      o.updated_at = '2025-11-17T12:00:00+03:00'
    })
    expect(await loadAndRecompute(TENANT, [moved], 3)).toEqual(['2025-11-13', '2025-11-14'])
    const facts = await sink.readDailySales({ tenant: TENANT, from: '2025-11-13', to: '2025-11-14' })
    expect(facts.map((f) => [f.sales_date, f.orders, f.tickets, f.revenue])).toEqual([
      ['2025-11-13', 1, 2, 2400],
      ['2025-11-14', 3, 5, 4900],
    ])
  })

  it('keeps tenants apart', async () => {
    await sink.writeEvents(apiEvents.map((e) => eventRow('org_b', e)))
    await loadAndRecompute('org_b', [orderById(2750145)], 1)
    expect((await sink.readDailySales({ tenant: 'org_b' })).map((f) => [f.sales_date, f.city, f.tickets])).toEqual([['2025-11-15', 'Красноярск', 1]])
    expect((await sink.readDailySales({ tenant: TENANT, from: '2025-11-15', to: '2025-11-15' })).map((f) => f.tickets)).toEqual([2])
  })

  it('rebuilds every day of a recompute split into several statements (each with its own dedup token)', async () => {
    const tenant = 'org_c'
    await sink.writeEvents(apiEvents.map((e) => eventRow(tenant, e)))
    const paidOn = (day: string, id: number) =>
      withChanges(orderById(2750145), (o) => {
        o.id = id
        for (const b of o.baskets) b.id += id
        o.payed_at = `${day}T12:00:00+03:00`
      })
    const days = ['2025-09-01', '2025-10-05', '2025-11-15']
    await load(tenant, days.map((day, index) => paidOn(day, 9_000_000 + index)), 1)
    const allDays = Array.from({ length: 80 }, (_, i) => new Date(Date.UTC(2025, 7, 28 + i)).toISOString().slice(0, 10))
    await sink.recomputeDailySales({ tenant, days: allDays, ordersPerStatement: 1 }) // one statement per paid day
    expect((await sink.readDailySales({ tenant })).map((f) => [f.sales_date, f.tickets])).toEqual(days.map((day) => [day, 1]))
  })

  it('groups days into statements by their paid orders, in day order; a day above the limit is alone', () => {
    const counts = new Map([['2025-11-01', 120], ['2025-11-02', 90], ['2025-11-03', 400], ['2025-11-05', 10]])
    const days = ['2025-11-01', '2025-11-02', '2025-11-03', '2025-11-04', '2025-11-05']
    expect(daysInStatements(days, counts, 250)).toEqual([['2025-11-01', '2025-11-02'], ['2025-11-03'], ['2025-11-04', '2025-11-05']])
    expect(daysInStatements(days, counts, 10_000)).toEqual([days])
    expect(daysInStatements([], counts, 250)).toEqual([])
  })

  it('rejects days and zones that are not what they claim, before touching ClickHouse', async () => {
    await expect(sink.recomputeDailySales({ tenant: TENANT, days: ['2025-02-30'] })).rejects.toThrow(/not a calendar date/)
    await expect(sink.recomputeDailySales({ tenant: TENANT, days: ['2025-11-10'], reportTimeZone: 'Mars/Olympus' })).rejects.toThrow(SinkError)
    await expect(sink.recomputeDailySales({ tenant: TENANT, days: ['2025-11-10'], ordersPerStatement: 0 })).rejects.toThrow(/ordersPerStatement must be a positive integer, got 0/)
    await expect(sink.salesDaysOfOrders({ tenant: TENANT, orderIds: [1], reportTimeZone: "UTC'); DROP TABLE x; --" })).rejects.toThrow(/IANA/)
  })
})

describe('dimensions and views', () => {
  it('derives local show times in the city zone and serves the dashboard view', async () => {
    const shows = await rowsOf<{ show_id: number; start_at: string; start_local: string }>(
      sink,
      'SELECT show_id, toString(start_at) AS start_at, toString(start_local) AS start_local FROM dim_shows FINAL WHERE tenant = {t:String} ORDER BY show_id',
      { t: TENANT },
    )
    // Show 730010 starts 15:00+03:00, which is 19:00 in Krasnoyarsk.
    expect(shows.find((s) => Number(s.show_id) === 730010)).toMatchObject({ start_at: '2025-12-12 12:00:00.000', start_local: '2025-12-12 19:00:00' })
    expect(shows.find((s) => Number(s.show_id) === 730001)).toMatchObject({ start_local: '2025-12-05 19:00:00' })

    const dashboard = await rowsOf<{ sales_date: string; event_name: string; city: string; tickets: number; first_show_local: string }>(
      sink,
      "SELECT toString(sales_date) AS sales_date, event_name, city, tickets, toString(first_show_local) AS first_show_local FROM v_qtickets_sales_dashboard WHERE tenant = {t:String} AND sales_date = '2025-11-15'",
      { t: TENANT },
    )
    expect(dashboard).toEqual([{ sales_date: '2025-11-15', event_name: 'Стендап «Черновик»', city: 'Красноярск', tickets: 2, first_show_local: '2025-12-12 19:00:00' }])
  })

  it('shows only the latest inventory snapshot per show', async () => {
    const snapshot = (snapshot_at: string, free: number) => ({
      tenant: TENANT, snapshot_at, event_id: 510001, show_id: 730001, zone_id: 'PARTER', capacity: 300, free, sold: 300 - free, reserved: 0, disabled: 0, _ver: 1,
    })
    await sink.writeInventory([snapshot('2025-11-16T10:00:00+03:00', 260), snapshot('2025-11-16T11:00:00Z', 254)])
    const latest = await rowsOf<{ snapshot_at: string; free: number; event_name: string }>(
      sink,
      'SELECT toString(snapshot_at) AS snapshot_at, free, event_name FROM v_qtickets_inventory_latest WHERE tenant = {t:String}',
      { t: TENANT },
    )
    expect(latest).toEqual([{ snapshot_at: '2025-11-16 11:00:00.000', free: 254, event_name: 'Вечер джаза «Пример»' }])
  })
})
