import { randomUUID } from 'node:crypto'
import type { Sink } from '@zakaz/clickhouse-sink'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { exitCodeForResult } from '../../src/sync/exit-code.js'
import { PENDING_DAYS_RESOURCE } from '../../src/sync/pending-days.js'
import { syncTenant } from '../../src/sync/sync-tenant.js'
import { openTestSink, removeDir, rowsOf, tmpDir } from '../support/engine.js'
import { expectFactsEqualTruth, expectStatus, memoryLogger, simClient, simNow, startSim, type SimHarness } from '../support/harness.js'

// Optional resources fail soft but visibly (run `partial`); events and orders fail hard (run `error`, cursor kept).
const TENANT = 'faults'
const TOKEN = 'sim-faults-token'
const dataDir = tmpDir()
let harness: SimHarness
let sink: Sink

beforeAll(async () => {
  harness = await startSim({ seed: 8, historyDays: 15, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 30, events: 5 }] })
  sink = await openTestSink(dataDir)
})

afterEach(() => harness.sim.faults.clear())

afterAll(async () => {
  await harness?.close()
  await sink?.close()
  removeDir(dataDir)
})

const run = () => {
  const log = memoryLogger()
  return { log, result: syncTenant({ tenant: { name: TENANT }, sink, client: simClient(harness, TOKEN), logger: log.logger, runId: randomUUID(), now: simNow(harness.sim) }) }
}

describe('failing resources', () => {
  it('a 403 on clients makes the run partial; everything else is loaded and recorded', async () => {
    harness.sim.faults.add({ route: 'clients', kind: 'status', status: 403, times: 'always' })
    const { result, log } = run()
    const done = await result
    expect(done.status).toBe('partial')
    expect(done.failures).toEqual([expect.objectContaining({ resource: 'clients', kind: 'auth', status: 403 })])
    expect(done.rowsWritten.orders).toBeGreaterThan(0)
    expect(done.rowsWritten.inventory).toBeGreaterThan(0)
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
    const [record] = await sink.lastRuns({ tenant: TENANT })
    expect(record).toMatchObject({ status: 'partial', error: expect.stringContaining('clients: auth (HTTP 403)') })
    expect(log.records().some((line) => line.level === 'warn' && String(line.msg).startsWith('clients failed'))).toBe(true)
    expect(await sink.getCursor(TENANT, 'orders')).not.toBeNull()
  })

  it("one show's seats answering the HTML 404 page is skipped and named; the other shows are snapshotted", async () => {
    harness.sim.clock.advance({ minutes: 20 })
    const shows = await rowsOf<{ show_id: string }>(sink, 'SELECT DISTINCT show_id FROM {db}.stg_qtickets_api_inventory_raw ORDER BY show_id')
    expect(shows.length).toBeGreaterThan(1)
    const broken = Number(shows[0]!.show_id)
    harness.sim.faults.add({ route: `shows/${broken}/seats`, kind: 'html', status: 404, times: 'always' })
    const done = await run().result
    expect(done.status).toBe('partial')
    expect(done.failures).toEqual([expect.objectContaining({ resource: 'inventory', kind: 'unknown_route', message: expect.stringContaining(`${broken} unknown_route`) })])
    const latest = await rowsOf<{ show_id: string }>(
      sink,
      `SELECT DISTINCT show_id FROM {db}.stg_qtickets_api_inventory_raw WHERE snapshot_at = {at:DateTime64(3, 'UTC')} ORDER BY show_id`,
      { at: new Date(harness.sim.clock.nowMs()).toISOString().replace('T', ' ').replace('Z', '') },
    )
    expect(latest.map((row) => Number(row.show_id))).toEqual(shows.slice(1).map((row) => Number(row.show_id)))
  })

  it('orders failing (a 503 storm) makes the run an error and leaves the cursor where it was', async () => {
    const cursor = await sink.getCursor(TENANT, 'orders')
    harness.sim.clock.advance({ hours: 3 })
    harness.sim.faults.add({ route: 'orders', kind: 'status503', times: 'always' })
    const done = await run().result
    expect(done.status).toBe('error')
    expect(done.failures).toEqual([expect.objectContaining({ resource: 'orders', kind: 'server', status: 503 })])
    expect(done.rowsRead.clients).toBeUndefined() // optional resources do not run after a required one failed
    expect(await sink.getCursor(TENANT, 'orders')).toBe(cursor)
    const [record] = await sink.lastRuns({ tenant: TENANT })
    expect(record).toMatchObject({ status: 'error', error: expect.stringContaining('orders: server (HTTP 503)') })
  })

  it('an interrupted run (SIGINT) is recorded as an error of kind aborted, exit 130, cursor kept', async () => {
    const cursor = await sink.getCursor(TENANT, 'orders')
    harness.sim.clock.advance({ minutes: 30 })
    const controller = new AbortController()
    controller.abort(new Error('received SIGINT'))
    const { logger } = memoryLogger()
    const done = await syncTenant({ tenant: { name: TENANT }, sink, client: simClient(harness, TOKEN), logger, runId: randomUUID(), now: simNow(harness.sim), signal: controller.signal })
    expect(done.status).toBe('error')
    expect(done.failures).toEqual([expect.objectContaining({ kind: 'aborted' })])
    expect(exitCodeForResult(done)).toBe(130)
    expect(await sink.getCursor(TENANT, 'orders')).toBe(cursor)
  })

  it('a crash between writing orders and recomputing their days is repaired by the next run', async () => {
    harness.sim.clock.advance({ hours: 2 })
    const [paid] = await rowsOf<{ order_id: string }>(
      sink,
      'SELECT order_id FROM {db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = {tenant:String} AND payed AND deleted_at IS NULL ORDER BY order_id LIMIT 1',
      { tenant: TENANT },
    )
    harness.sim.mutate.refund(Number(paid!.order_id))
    harness.sim.clock.advance({ minutes: 15 })
    const flaky: Sink = { ...sink, recomputeDailySales: async () => Promise.reject(new Error('ClickHouse went away')) }
    const { logger } = memoryLogger()
    const crashed = await syncTenant({ tenant: { name: TENANT }, sink: flaky, client: simClient(harness, TOKEN), logger, runId: randomUUID(), now: simNow(harness.sim) })
    expect(crashed.status).toBe('error')
    expect(await sink.getCursor(TENANT, PENDING_DAYS_RESOURCE)).not.toBe('[]')
    await expect(expectFactsEqualTruth(sink, harness.sim, TENANT)).rejects.toThrow('cells differ') // the refund is stored, its day not recomputed
    const repaired = await run().result
    expectStatus(repaired, 'ok')
    expect(repaired.rowsWritten.orders).toBe(0) // nothing looks changed any more: only the pending note brings the day back
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
    expect(await sink.getCursor(TENANT, PENDING_DAYS_RESOURCE)).toBe('[]')
  })

  it('after the outage a run catches up and the facts are exact again', async () => {
    expectStatus(await run().result, 'ok')
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
  })
})
