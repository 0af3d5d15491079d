import type { Sink } from '@zakaz/clickhouse-sink'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, type CliRun } from '../support/cli.js'
import { removeDir, rowsOf, TEST_PII_KEY, tmpDir, withSink } from '../support/engine.js'
import { startCorruptingServer, type CorruptingServer } from './support/corrupting-server.js'
import { ABSURD_INSTANTS, catalogOf, corruptCatalogRecord, corruptEvent, corruptOrder, hostileCity, hostileString, HOSTILE_STRINGS, type OrderCorruption } from './support/hostile.js'
import { expectInvariant } from './support/invariant.js'
import { printScenarioTable, scenario } from './support/scenario-report.js'
import { advanceClock, settleClock } from './support/world.js'
import { createSimulator, type Simulator } from '@zakaz/qtickets-sdk/testing'

// Hostile bodies from the API, composed from simulator output and rewritten on a loopback server: SQL metacharacters,
// control characters and NUL in every stored text field, deep and huge JSON, absurd instants, negative prices, huge
// pages; and hostile identifiers in the configuration. Everything is stored byte-exact or refused with an error naming
// the field; nothing is injected (the tables are all still there and hold exactly the expected rows).
const HOSTILE = 'hostile'
const BULK = 'bulk'
const DATABASE = 'hostile_db'
const dataDir = tmpDir('reliability-hostile-')
const cwd = tmpDir('reliability-hostile-cwd-')
const ALL: OrderCorruption = { text: true, nestingDepth: 2_000, basketPadding: 0, absurdDates: true, negativePrices: true }
let sim: Simulator
let hostileServer: CorruptingServer
let bulkServer: CorruptingServer
let tablesAfterMigrate: string[]
let firstRun: CliRun
const bulkPages: number[] = []

const text = scenario('SQL metacharacters, control characters, NUL in every text field: stored byte-exact')
const json = scenario('deeply nested and huge free-form JSON; huge pages (1000 orders)')
const values = scenario('absurd instants and negative prices: stored exactly or refused naming the field')
const identifiers = scenario('hostile identifiers in the configuration are refused; nothing is injected')

beforeAll(async () => {
  sim = createSimulator({
    seed: 505,
    historyDays: 5,
    tenants: [
      { name: HOSTILE, token: 'sim-reliability-hostile-01', ordersPerDay: 50, events: 4 },
      { name: BULK, token: 'sim-reliability-bulk-0001', ordersPerDay: 500, events: 3 },
    ],
  })
  settleClock(sim)
  hostileServer = await startCorruptingServer(sim, (route, body) => rewrite(route, body, ALL))
  bulkServer = await startCorruptingServer(sim, (route, body) => {
    const items = rewrite(route, body, { text: false, nestingDepth: 0, basketPadding: 1_500, absurdDates: false, negativePrices: false })
    if (route === 'orders') bulkPages.push(items)
  })
  expect((await run(HOSTILE, ['migrate'])).code).toBe(0)
  tablesAfterMigrate = await inspect((sink) => tableNames(sink))
  firstRun = await run(HOSTILE, ['run', '--json'])
})

afterAll(async () => {
  printScenarioTable('hostile input (test/reliability/hostile-input.test.ts)')
  await hostileServer?.close()
  await bulkServer?.close()
  removeDir(dataDir)
  removeDir(cwd)
})

/** Applies the corruption to an answer (orders, events and, with `text`, the catalogs); returns how many records it had. */
function rewrite(route: string, body: unknown, corruption: OrderCorruption): number {
  const data = Array.isArray(body) ? body : (body as { data?: unknown }).data
  const records = Array.isArray(data) ? (data as Array<Record<string, unknown>>) : []
  const catalog = catalogOf(route)
  if (route === 'orders') records.forEach((order) => corruptOrder(order, corruption))
  if (route === 'events' && corruption.text) records.forEach(corruptEvent)
  if (catalog && corruption.text) records.forEach((record) => corruptCatalogRecord(catalog, record))
  return records.length
}

function envOf(tenant: string, extra: Record<string, string> = {}): Record<string, string> {
  const described = sim.describe().find((entry) => entry.name === tenant)!
  return {
    QTICKETS_TOKEN: described.token,
    QTICKETS_TENANT: tenant,
    QTICKETS_BASE_URL: tenant === BULK ? bulkServer.restUrl : hostileServer.restUrl,
    QTICKETS_INITIAL_DAYS: '30',
    QTICKETS_PAGE_SIZE: tenant === BULK ? '1000' : '100',
    CLICKHOUSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: DATABASE,
    PII_HASH_KEY: TEST_PII_KEY,
    ...extra,
  }
}

const run = (tenant: string, argv: string[], extra: Record<string, string> = {}): Promise<CliRun> =>
  cli(argv, { env: envOf(tenant, extra), cwd, now: () => new Date(sim.clock.nowMs()) })

function inspect<T>(look: (sink: Sink) => Promise<T>): Promise<T> {
  return withSink({ dataDir, database: DATABASE }, look)
}

async function tableNames(sink: Sink): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(sink, 'SELECT name FROM system.tables WHERE database = {db:String} ORDER BY name', { db: sink.database })
  return rows.map((row) => row.name)
}

const expectedCity = (city: string, eventId: number) => hostileCity(city, eventId)

/** Ids of the events the API lists for a tenant now (asked of the simulator directly, one big page). */
function listedEventIds(tenant: string): Set<number> {
  const token = sim.describe().find((entry) => entry.name === tenant)!.token
  const answer = sim.handle({ method: 'GET', url: '/api/rest/v1/events', headers: { authorization: `Bearer ${token}` }, body: Buffer.from(JSON.stringify({ perPage: 1000 })) })
  const { data } = JSON.parse(answer.body) as { data: Array<{ id: number }> }
  return new Set(data.map((event) => event.id))
}

describe('hostile text in every stored field', () => {
  it('the run succeeds, every table still exists, and the facts carry the hostile city names exactly', () =>
    text.run(async () => {
      expect(firstRun.code, firstRun.stderr.slice(-3000)).toBe(0)
      await inspect(async (sink) => {
        expect(await tableNames(sink)).toEqual(tablesAfterMigrate)
        await expectInvariant(sink, sim, HOSTILE, { expectedCity })
      })
    }))

  it('events and shows: name, place, address and city are stored byte-exact', () =>
    text.run(async () => {
      const listed = listedEventIds(HOSTILE)
      const events = sim.describe().find((entry) => entry.name === HOSTILE)!.events.filter((event) => listed.has(event.id))
      expect(events.length).toBeGreaterThan(1)
      const stored = await inspect((sink) =>
        rowsOf<{ event_id: string | number; name: string; place_name: string; place_address: string; city_name: string }>(
          sink,
          'SELECT event_id, name, place_name, place_address, city_name FROM {db}.dim_events FINAL WHERE tenant = {tenant:String} ORDER BY event_id',
          { tenant: HOSTILE },
        ),
      )
      expect(stored.map((row) => ({ ...row, event_id: Number(row.event_id) }))).toEqual(
        events.map((event) => ({
          event_id: event.id,
          name: hostileString(event.id, 'event '),
          place_name: hostileString(event.id + 1),
          place_address: hostileString(event.id + 2),
          city_name: hostileCity(event.city, event.id),
        })),
      )
      const shows = await inspect((sink) => rowsOf<{ name: string }>(sink, 'SELECT name FROM {db}.dim_shows FINAL WHERE tenant = {tenant:String}', { tenant: HOSTILE }))
      expect(shows.length).toBe(events.reduce((n, event) => n + event.shows.length, 0))
      for (const show of shows) expect(HOSTILE_STRINGS.map((value) => `show ${value}`)).toContain(show.name)
    }))

  it('orders and baskets: uniqid, payment type, every UTM field, seat ids and price codes are stored byte-exact, NUL included', () =>
    text.run(async () => {
      const [orders, baskets] = await inspect((sink) =>
        Promise.all([
          rowsOf<Record<string, string>>(
            sink,
            'SELECT toString(order_id) AS id, uniqid, payment_type_id, utm_source, utm_medium, utm_campaign, utm_content, utm_term FROM {db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = {tenant:String}',
            { tenant: HOSTILE },
          ),
          rowsOf<{ id: string; seat_id: string; multiprice_code: string | null; n: string | number }>(
            sink,
            `SELECT toString(order_id) AS id, seat_id, multiprice_code, row_number() OVER (PARTITION BY order_id ORDER BY basket_id) - 1 AS n
             FROM {db}.stg_qtickets_api_baskets_raw FINAL WHERE tenant = {tenant:String}`,
            { tenant: HOSTILE },
          ),
        ]),
      )
      expect(orders.length).toBe(sim.stats({ tenant: HOSTILE }).orders)
      for (const order of orders) {
        const id = Number(order.id)
        expect(order).toEqual({
          id: order.id,
          uniqid: hostileString(id, 'u'),
          payment_type_id: hostileString(id + 1, 'p'),
          utm_source: hostileString(id),
          utm_medium: hostileString(id + 2),
          utm_campaign: hostileString(id + 3),
          utm_content: hostileString(id + 4),
          utm_term: hostileString(id + 5),
        })
      }
      expect(orders.some((order) => order.utm_source!.includes('\u0000'))).toBe(true)
      for (const basket of baskets) {
        const id = Number(basket.id) + Number(basket.n)
        expect(basket.seat_id.endsWith(hostileString(id))).toBe(true)
        expect(basket.multiprice_code).toBe(hostileString(id + 7))
      }
    }))

  it('discounts, promo codes, colour themes and barcode entries: their text fields are stored byte-exact', () =>
    text.run(async () => {
      const columns: Array<[string, string, string]> = [
        ['stg_qtickets_api_discounts_raw', 'discount_id', 'name'],
        ['stg_qtickets_api_promo_codes_raw', 'promo_code_id', 'code'],
        ['stg_qtickets_api_color_themes_raw', 'color_theme_id', 'color'],
      ]
      await inspect(async (sink) => {
        for (const [table, id, column] of columns) {
          const rows = await rowsOf<{ id: string; value: string }>(sink, `SELECT toString(${id}) AS id, ${column} AS value FROM {db}.${table} FINAL WHERE tenant = {tenant:String}`, { tenant: HOSTILE })
          expect(rows.length, table).toBeGreaterThan(0)
          for (const row of rows) expect(row.value, `${table}.${column}`).toBe(hostileString(Number(row.id), `${column} `))
        }
        const barcodes = await rowsOf<Record<string, string>>(
          sink,
          'SELECT barcode, seat_name, zone_name, seat_row AS row, seat_place AS place FROM {db}.stg_qtickets_api_barcodes_raw FINAL WHERE tenant = {tenant:String}',
          { tenant: HOSTILE },
        )
        expect(barcodes.length).toBeGreaterThan(0)
        for (const entry of barcodes) {
          const expected: Record<string, unknown> = { barcode: entry.barcode }
          corruptCatalogRecord('barcodes', expected)
          expect(entry).toEqual(expected)
        }
      })
    }))
})

describe('free-form JSON and page size', () => {
  it('a 2000-level nested object and a 10 kB string in free-form and unknown fields are carried, never stored', () =>
    json.run(async () => {
      expect(firstRun.code).toBe(0)
      const summary = JSON.parse(firstRun.stdout) as { tenants: Array<{ rowsRead: { orders?: number } }> }
      expect(summary.tenants[0]?.rowsRead.orders).toBe(sim.stats({ tenant: HOSTILE }).orders)
      const leaks = await inspect((sink) =>
        rowsOf<{ n: string | number }>(sink, "SELECT count() AS n FROM {db}.stg_qtickets_api_orders_raw WHERE position(uniqid, 'bottom') > 0 OR position(utm_source, 'xxxxxxxxxx') > 0"),
      )
      expect(Number(leaks[0]?.n)).toBe(0)
    }))

  it('an object where the API promises a map of codes (`custom`) is refused naming the record and the field; the next clean run catches up', () =>
    json.run(async () => {
      advanceClock(sim, { hours: 3 })
      const cursorBefore = await inspect((sink) => sink.getCursor(HOSTILE, 'orders'))
      hostileServer.setRewriter((route, body) => {
        rewrite(route, body, ALL)
        for (const order of route === 'orders' ? (body as { data: Array<Record<string, unknown>> }).data : []) order.custom = { nested: { deeper: [1, 2, 3] } }
      })
      const refused = await run(HOSTILE, ['run'])
      hostileServer.setRewriter((route, body) => rewrite(route, body, ALL))
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toMatch(/Invalid orders record \d+ \(GET \/orders\): field \\"custom\.nested\\" expected \(string \| number\), received object/)
      expect(await inspect((sink) => sink.getCursor(HOSTILE, 'orders'))).toBe(cursorBefore)
      const clean = await run(HOSTILE, ['run'])
      expect(clean.code, clean.stderr.slice(-3000)).toBe(0)
      await inspect((sink) => expectInvariant(sink, sim, HOSTILE, { expectedCity }))
    }))

  it('huge pages (1000 orders per page, ~1.5 kB of text per basket) load exactly', () =>
    json.run(async () => {
      const result = await run(BULK, ['run'])
      expect(result.code, result.stderr.slice(-3000)).toBe(0)
      expect(Math.max(...bulkPages)).toBe(1000)
      await inspect((sink) => expectInvariant(sink, sim, BULK))
    }))
})

describe('absurd values', () => {
  it('creation instants at the edges of 1900 and 2299 with offsets of +14:00 and -12:00 are stored as exactly those instants', () =>
    values.run(async () => {
      const rows = await inspect((sink) =>
        rowsOf<{ id: string; ms: string | number }>(
          sink,
          'SELECT toString(order_id) AS id, toUnixTimestamp64Milli(created_at) AS ms FROM {db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = {tenant:String} AND order_id % 5 = 0',
          { tenant: HOSTILE },
        ),
      )
      expect(rows.length).toBeGreaterThan(ABSURD_INSTANTS.length)
      for (const row of rows) {
        const expected = ABSURD_INSTANTS[(Number(row.id) / 5) % ABSURD_INSTANTS.length]!
        expect({ id: row.id, at: new Date(Number(row.ms)).toISOString() }).toEqual({ id: row.id, at: expected.utc })
      }
    }))

  it('negative prices (on unpaid orders) are stored as sent, and the facts are unaffected', () =>
    values.run(async () => {
      const rows = await inspect((sink) =>
        rowsOf<{ price: number; paid: number | boolean }>(
          sink,
          `SELECT b.price AS price, o.payed AS paid FROM {db}.stg_qtickets_api_baskets_raw AS b FINAL
           INNER JOIN (SELECT order_id, payed FROM {db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = {tenant:String}) AS o USING order_id
           WHERE b.tenant = {tenant:String} AND NOT o.payed`,
          { tenant: HOSTILE },
        ),
      )
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) expect(row.price).toBeLessThan(-1000)
    }))

  it('an instant beyond what the column stores (year 9999) is refused with an error naming the table and column; the next clean run catches up', () =>
    values.run(async () => {
      advanceClock(sim, { hours: 6 })
      const cursorBefore = await inspect((sink) => sink.getCursor(HOSTILE, 'orders'))
      hostileServer.setRewriter((route, body) => {
        rewrite(route, body, ALL)
        // every record of the window: the new versions among them are written (unchanged versions are skipped)
        for (const order of route === 'orders' ? (body as { data: Array<Record<string, unknown>> }).data : []) order.created_at = '9999-12-31T23:59:59-12:00'
      })
      const refused = await run(HOSTILE, ['run'])
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toMatch(/stg_qtickets_api_orders_raw: column created_at of row \d+ must be an ISO-8601 instant/)
      expect(await inspect((sink) => sink.getCursor(HOSTILE, 'orders'))).toBe(cursorBefore)
      hostileServer.setRewriter((route, body) => rewrite(route, body, ALL))
      const clean = await run(HOSTILE, ['run'])
      expect(clean.code, clean.stderr.slice(-3000)).toBe(0)
      await inspect((sink) => expectInvariant(sink, sim, HOSTILE, { expectedCity }))
    }))
})

describe('hostile identifiers in the configuration', () => {
  it('a tenant name or database name carrying SQL is refused (exit 78) naming the setting; the tables are untouched', () =>
    identifiers.run(async () => {
      const badTenant = await run(HOSTILE, ['run'], { QTICKETS_TENANT: "x'; DROP TABLE dim_events; --" })
      expect(badTenant.code).toBe(78)
      expect(badTenant.stderr).toContain('QTICKETS_TENANT')
      const badDatabase = await run(HOSTILE, ['run'], { CLICKHOUSE_DATABASE: 'zakaz; DROP DATABASE hostile_db' })
      expect(badDatabase.code).toBe(78)
      expect(badDatabase.stderr).toContain('CLICKHOUSE_DATABASE')
      const badSql = await run(HOSTILE, ['sql', 'SELECT 1; DROP TABLE dim_events'])
      expect(badSql.code).not.toBe(0)
      const [hostile, bulk] = [await run(HOSTILE, ['run']), await run(BULK, ['run'])]
      expect([hostile.code, bulk.code]).toEqual([0, 0])
      await inspect(async (sink) => {
        expect(await tableNames(sink)).toEqual(tablesAfterMigrate)
        await expectInvariant(sink, sim, HOSTILE, { expectedCity })
        await expectInvariant(sink, sim, BULK)
      })
    }))
})
