import { randomUUID } from 'node:crypto'
import type { Sink } from '@zakaz/clickhouse-sink'
import { calendarDate } from '@zakaz/qtickets-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backfillCursor, backfillTenant } from '../../src/sync/backfill-tenant.js'
import { PENDING_DAYS_RESOURCE } from '../../src/sync/pending-days.js'
import { countRows, openTestSink, removeDir, rowsOf, tmpDir } from '../support/engine.js'
import { expectFactsEqualTruth, expectStatus, memoryLogger, simClient, simNow, startSim, type SimHarness } from '../support/harness.js'

// A backfill reads its windows in `concurrency` lanes. When one lane fails, the others stop, what was read is written
// and its days recomputed, the stored progress never passes a window that is not stored, and a rerun completes the
// range with exact facts and nothing doubled.
const TENANT = 'lanes'
const TOKEN = 'sim-lanes-token-1'

const dataDir = tmpDir()
let harness: SimHarness
let sink: Sink
const { logger } = memoryLogger()

beforeAll(async () => {
  harness = await startSim({ seed: 44, historyDays: 30, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 200, events: 5 }] })
  sink = await openTestSink(dataDir)
})

afterAll(async () => {
  await harness?.close()
  await sink?.close()
  removeDir(dataDir)
})

const job = (concurrency: number) => ({
  tenant: { name: TENANT, concurrency },
  sink,
  client: simClient(harness, TOKEN, { concurrency }),
  logger,
  runId: randomUUID(),
  now: simNow(harness.sim),
  pageSize: 50,
})

describe('backfill lanes and repairs', () => {
  it('a lane that fails stops the others; the days written are recomputed, progress stays behind what is stored, and a rerun completes the range exactly once', async () => {
    const now = harness.sim.clock.now()
    const range = { from: calendarDate(now.subtract({ hours: 24 * 31 }), 'Europe/Moscow'), to: calendarDate(now, 'Europe/Moscow') }
    // An HTML page where JSON should be is not retried: the window reading it fails after about 3 000 orders were read
    // (more than one batch, so some were written).
    const fault = harness.sim.faults.add({ route: 'orders', kind: 'html', status: 200, after: 60, times: 'always' })
    const progress: number[] = []
    const failed = await backfillTenant({ ...job(3), range, windowDays: 2, onProgress: (p) => progress.push(p.done) })
    fault.remove()
    expectStatus(failed, 'error')
    const total = 16 // 32 days in 2-day windows
    expect(progress.length).toBeLessThan(total)
    expect(progress).toEqual(progress.map((_, index) => index + 1)) // reported in window order, never skipping one
    const storedThrough = await sink.getCursor(TENANT, backfillCursor(range))
    const loaded = await countRows(sink, 'stg_qtickets_api_orders_raw', { final: true })
    expect(loaded).toBeGreaterThan(0)
    expect(loaded).toBeLessThan(harness.sim.stats({ tenant: TENANT }).orders)
    // the days of the orders written were recomputed before the run ended: nothing is left pending
    expect(failed.recomputedDays.length).toBeGreaterThan(0)
    expect(JSON.parse((await sink.getCursor(TENANT, PENDING_DAYS_RESOURCE)) ?? '[]')).toEqual([])
    // some windows were stored before the failure, not all of them
    expect(storedThrough).not.toBeNull()
    expect(storedThrough! < range.to).toBe(true)

    // The rerun skips the windows up to the stored date. If that date had passed a window whose orders were not all
    // written, those orders would never be read again and the counts below would fall short.
    const resumed = await backfillTenant({ ...job(3), range, windowDays: 2 })
    expectStatus(resumed, 'ok')
    const stats = harness.sim.stats({ tenant: TENANT })
    expect(resumed.rowsRead.orders).toBeLessThan(stats.orders)
    expect(await countRows(sink, 'stg_qtickets_api_orders_raw', { final: true })).toBe(stats.orders)
    expect(await countRows(sink, 'stg_qtickets_api_baskets_raw', { final: true })).toBe(stats.baskets)
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
  })

  it('one lane and four lanes read the same orders and give the same stored rows', async () => {
    const now = harness.sim.clock.now()
    const range = { from: calendarDate(now.subtract({ hours: 24 * 31 }), 'Europe/Moscow'), to: calendarDate(now, 'Europe/Moscow') }
    const before = await countRows(sink, 'stg_qtickets_api_orders_raw')
    const one = await backfillTenant({ ...job(1), range, windowDays: 3, restart: true })
    const four = await backfillTenant({ ...job(4), range, windowDays: 3, restart: true })
    expectStatus(one, 'ok')
    expectStatus(four, 'ok')
    expect(four.rowsRead.orders).toBe(one.rowsRead.orders)
    expect(four.rowsRead.orders).toBe(harness.sim.stats({ tenant: TENANT }).orders)
    expect(four.rowsWritten.orders ?? 0).toBe(0) // nothing changed since the first test completed the range
    expect(await countRows(sink, 'stg_qtickets_api_orders_raw')).toBe(before)
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
  })

  it('repairs an order whose row was stored but whose tickets were not (a crash between the two inserts)', async () => {
    const now = harness.sim.clock.now()
    const range = { from: calendarDate(now.subtract({ hours: 24 * 31 }), 'Europe/Moscow'), to: calendarDate(now, 'Europe/Moscow') }
    const [picked] = await rowsOf<{ ids: string[]; baskets: string }>(
      sink,
      `SELECT groupArray(order_id) AS ids, toString(sum(n)) AS baskets FROM (
         SELECT order_id, count() AS n FROM {db}.stg_qtickets_api_baskets_raw FINAL WHERE tenant = {tenant:String}
         GROUP BY order_id ORDER BY order_id LIMIT 25)`,
      { tenant: TENANT },
    )
    const { ids, baskets } = picked!
    expect(ids).toHaveLength(25)
    await sink.client.command({
      query: `DELETE FROM ${sink.database}.stg_qtickets_api_baskets_raw WHERE tenant = {tenant:String} AND order_id IN {ids:Array(UInt64)}`,
      query_params: { tenant: TENANT, ids },
    })
    const repaired = await backfillTenant({ ...job(2), range, windowDays: 3, restart: true })
    expectStatus(repaired, 'ok')
    expect(repaired.rowsByTable?.stg_qtickets_api_baskets_raw).toBe(Number(baskets))
    expect(repaired.rowsByTable?.stg_qtickets_api_orders_raw ?? 0).toBe(0)
    expect(await countRows(sink, 'stg_qtickets_api_baskets_raw', { final: true })).toBe(harness.sim.stats({ tenant: TENANT }).baskets)
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
  })
})
