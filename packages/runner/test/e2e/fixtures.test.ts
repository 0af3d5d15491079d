import { randomUUID } from 'node:crypto'
import { getClientRequestBodyStream } from '@mswjs/interceptors/utils/node'
import type { Sink } from '@zakaz/clickhouse-sink'
import { Temporal } from '@zakaz/qtickets-sdk'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { syncTenant } from '../../src/sync/sync-tenant.js'
import { createTenantClient } from '../../src/sync/tenant-client.js'
import { openTestSink, removeDir, rowsOf, tmpDir } from '../support/engine.js'
import { FIXTURE_DAILY_SALES, fixtureText } from '../support/fixtures.js'
import { expectStatus, memoryLogger } from '../support/harness.js'

// The fixture pages served over MSW by a "service" that honours only the id filter, as a real service ignoring filters it
// does not understand would: the runner's client-side re-check must keep exactly the in-window records.
const BASE = 'https://qtickets.test/api/rest/v1'
const NOW = Temporal.Instant.from('2025-11-16T21:30:00+03:00')
const bodies: Array<{ where?: Array<{ column: string; operator?: string; value?: unknown }>; page?: number; perPage?: number }> = []
let honourIdFilter = true

async function readQuery(request: Request): Promise<(typeof bodies)[number]> {
  let text = ''
  for await (const chunk of getClientRequestBodyStream(request)) text += String(chunk)
  return text ? JSON.parse(text) : {}
}

const json = (text: string) => new HttpResponse(text, { headers: { 'content-type': 'application/json' } })

const server = setupServer(
  http.get(`${BASE}/events`, () => json(fixtureText('events.page1.json'))),
  http.get(`${BASE}/orders`, async ({ request }) => {
    const query = await readQuery(request)
    bodies.push(query)
    const after = Number(query.where?.find((c) => c.column === 'id' && c.operator === '>')?.value ?? 0)
    if (!honourIdFilter || after < 2750142) return json(fixtureText('orders.page1.json'))
    if (after < 2750161) return json(fixtureText('orders.page2.json'))
    return json('{"data":[],"paging":{"perPage":12,"currentPage":1,"total":0}}')
  }),
)

const dataDir = tmpDir()
let sink: Sink

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' })
  sink = await openTestSink(dataDir)
})

afterEach(() => {
  bodies.length = 0
  honourIdFilter = true
})

afterAll(async () => {
  server.close()
  await sink?.close()
  removeDir(dataDir)
})

function run(tenant: string, extra: Partial<Parameters<typeof syncTenant>[0]> = {}) {
  const client = createTenantClient({ token: 'fixture-token-0001', baseUrl: BASE, timeZone: 'Europe/Moscow', concurrency: 2 }, { retry: false })
  const log = memoryLogger()
  const result = syncTenant({ tenant: { name: tenant }, sink, client, logger: log.logger, runId: randomUUID(), now: NOW, resources: ['events', 'orders'], ...extra })
  return { result, log }
}

describe('fixture pages through the whole runner', () => {
  it("produce the README's day table: payments after Moscow midnight and with +05:00 land on the Moscow date", async () => {
    const { result } = run('fixtures')
    expectStatus(await result, 'ok')
    const facts = await sink.readDailySales({ tenant: 'fixtures' })
    expect(facts.map(({ sales_date, event_id, city, tickets, revenue }) => ({ sales_date, event_id, city, tickets, revenue }))).toEqual(FIXTURE_DAILY_SALES)
    expect(facts.reduce((sum, fact) => sum + fact.tickets, 0)).toBe(17)
    expect(facts.reduce((sum, fact) => sum + fact.revenue, 0)).toBe(27_900)
    // the filters went to the API in the body, with colon offsets, and pages were asked by id
    expect(bodies[0]!.where).toEqual([
      { column: 'updated_at', operator: '>=', value: '2025-10-17T21:30:00+03:00' },
      { column: 'updated_at', operator: '<', value: '2025-11-16T21:30:00+03:00' },
      { column: 'id', operator: '>', value: 0 },
    ])
    expect(bodies.map((body) => body.where?.at(-1)?.value)).toEqual([0, 2750142])
    expect(await sink.getCursor('fixtures', 'orders')).toBe('2025-11-16T18:30:00Z')
  })

  it('keeps only the in-window records when the service ignores the updated_at filter, and says so once', async () => {
    const window = { from: Temporal.Instant.from('2025-11-14T00:00:00+03:00'), to: NOW }
    const { result, log } = run('recheck', { window })
    const done = await result
    expectStatus(done, 'ok')
    const ids = await rowsOf<{ order_id: string }>(sink, "SELECT order_id FROM {db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = 'recheck' ORDER BY order_id")
    expect(ids.map((row) => Number(row.order_id))).toEqual([2750112, 2750124, 2750131, 2750138, 2750142, 2750145, 2750150, 2750154, 2750157, 2750161])
    expect(done.rowsRead.orders).toBe(10)
    const warnings = log.records().filter((record) => String(record.msg).includes('outside the requested window'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.msg).toBe('the API returned 7 records outside the requested window; they were re-checked and ignored')
    expect(await sink.getCursor('recheck', 'orders')).toBeNull() // a fixed window leaves the cursor alone
  })

  it('orders counted before their event was loaded get the city once the event arrives', async () => {
    expectStatus(await run('late-events', { resources: ['orders'] }).result, 'ok')
    const before = await sink.readDailySales({ tenant: 'late-events' })
    expect(new Set(before.map((fact) => fact.city))).toEqual(new Set(['']))
    const events = await run('late-events', { resources: ['events'] }).result
    expectStatus(events, 'ok')
    expect(events.recomputedDays).toEqual(FIXTURE_DAILY_SALES.map((row) => row.sales_date))
    const facts = await sink.readDailySales({ tenant: 'late-events' })
    expect(facts.map(({ sales_date, event_id, city, tickets, revenue }) => ({ sales_date, event_id, city, tickets, revenue }))).toEqual(FIXTURE_DAILY_SALES)
  })

  it('stops with a clear error, instead of looping, when the service ignores the id filter too; the cursor does not move', async () => {
    honourIdFilter = false
    const { result } = run('stalled')
    const done = await result
    expect(done.status).toBe('error')
    expect(done.failures).toEqual([
      expect.objectContaining({ resource: 'orders', kind: 'invalid_response', message: expect.stringContaining('paging by id made no progress') }),
    ])
    expect(bodies).toHaveLength(2)
    expect(await sink.getCursor('stalled', 'orders')).toBeNull()
    const [record] = await sink.lastRuns({ tenant: 'stalled' })
    expect(record).toMatchObject({ status: 'error', error: expect.stringContaining('orders: invalid_response') })
  })
})
