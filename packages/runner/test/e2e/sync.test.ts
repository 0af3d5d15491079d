import { randomUUID } from 'node:crypto'
import type { Sink } from '@zakaz/clickhouse-sink'
import { calendarDate, Temporal } from '@zakaz/qtickets-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backfillCursor, backfillTenant } from '../../src/sync/backfill-tenant.js'
import { syncTenant } from '../../src/sync/sync-tenant.js'
import { countRows, openTestSink, removeDir, rowsOf, tmpDir } from '../support/engine.js'
import { expectFactsEqualTruth, expectStatus, memoryLogger, simClient, simNow, startSim, type SimHarness } from '../support/harness.js'

// The invariant end to end: simulator on loopback → SDK → runner → embedded ClickHouse; after a backfill, runs while the
// clock moves (refunds, cancellations) and reruns, fact_qtickets_sales_daily FINAL equals the simulator's truth.
const TENANT = 'e2e'
const TOKEN = 'sim-e2e-token-1'
const STAGING = [
  'stg_qtickets_api_orders_raw',
  'stg_qtickets_api_baskets_raw',
  'dim_events',
  'dim_shows',
  'stg_qtickets_api_inventory_raw',
  'stg_qtickets_api_clients_raw',
  'stg_qtickets_api_discounts_raw',
  'stg_qtickets_api_promo_codes_raw',
  'stg_qtickets_api_color_themes_raw',
  'stg_qtickets_api_barcodes_raw',
  'fact_qtickets_sales_daily',
]
/** What a rerun over an unchanged source writes: nothing for every resource (inventory, a snapshot, is set per test). */
const NOTHING_WRITTEN = { events: 0, orders: 0, clients: 0, discounts: 0, promo_codes: 0, color_themes: 0, inventory: 0, barcodes: 0 }

const dataDir = tmpDir()
let harness: SimHarness
let sink: Sink
const { logger, records } = memoryLogger()

beforeAll(async () => {
  harness = await startSim({ seed: 21, historyDays: 40, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 40, events: 6 }] })
  sink = await openTestSink(dataDir)
})

afterAll(async () => {
  await harness?.close()
  await sink?.close()
  removeDir(dataDir)
})

const job = () => ({ tenant: { name: TENANT, concurrency: 2 }, sink, client: simClient(harness, TOKEN), logger, runId: randomUUID(), now: simNow(harness.sim) })

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {}
  for (const table of STAGING) result[table] = await countRows(sink, table)
  return result
}

/** Paid, live orders paid about `daysAgo` days before now (picked from staging), for explicit refunds and cancellations. */
async function paidOrders(daysAgo: number, limit: number): Promise<number[]> {
  const before = Temporal.Instant.fromEpochMilliseconds(harness.sim.clock.nowMs()).subtract({ hours: 24 * daysAgo })
  const rows = await rowsOf<{ order_id: string }>(
    sink,
    `SELECT order_id FROM {db}.stg_qtickets_api_orders_raw FINAL
     WHERE tenant = {tenant:String} AND payed AND deleted_at IS NULL AND payed_at < {before:DateTime64(3, 'UTC')}
     ORDER BY payed_at DESC LIMIT {limit:UInt32}`,
    { tenant: TENANT, before: before.toString().replace('T', ' ').replace('Z', ''), limit },
  )
  return rows.map((row) => Number(row.order_id))
}

describe('backfill, incremental runs and reruns against the simulator', () => {
  it('a backfill of the whole history loads every order and gives exact daily facts, without moving the orders cursor', async () => {
    const now = harness.sim.clock.now()
    const range = { from: calendarDate(now.subtract({ hours: 24 * 41 }), 'Europe/Moscow'), to: calendarDate(now, 'Europe/Moscow') }
    const progress: number[] = []
    const result = await backfillTenant({ ...job(), range, windowDays: 7, onProgress: (p) => progress.push(p.done) })
    expectStatus(result, 'ok')
    expect(progress).toEqual([1, 2, 3, 4, 5, 6])
    const stats = harness.sim.stats({ tenant: TENANT })
    expect(await countRows(sink, 'stg_qtickets_api_orders_raw', { final: true })).toBe(stats.orders)
    expect(await countRows(sink, 'stg_qtickets_api_baskets_raw', { final: true })).toBe(stats.baskets)
    expect(result.rowsRead.orders).toBe(stats.orders)
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
    expect(await sink.getCursor(TENANT, 'orders')).toBeNull()
    // six windows of 7 days; the last one ends today and is not over, so the stored progress is the end of the fifth
    expect(await sink.getCursor(TENANT, backfillCursor(range))).toBe(calendarDate(now.subtract({ hours: 24 * 7 }), 'Europe/Moscow'))
  })

  it('incremental runs follow new sales, refunds and cancellations of old orders while the clock moves', async () => {
    expectStatus(await syncTenant(job()), 'ok')
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
    for (let step = 0; step < 3; step++) {
      harness.sim.clock.advance({ hours: 7 })
      const [refund, cancel, partial] = await paidOrders(20 + step, 3)
      harness.sim.mutate.refund(refund!)
      harness.sim.mutate.cancel(cancel!)
      harness.sim.mutate.refund(partial!, { deductionShare: 0.1 })
      harness.sim.clock.advance({ minutes: 30 })
      const result = await syncTenant(job())
      expectStatus(result, 'ok')
      expect(result.recomputedDays.length).toBeGreaterThan(0)
      // new sales bring new barcodes: only those are written, not the whole list again
      expect(result.rowsWritten.barcodes).toBeGreaterThan(0)
      expect(result.rowsWritten.barcodes).toBeLessThan(result.rowsRead.barcodes!)
      expect(await sink.getCursor(TENANT, 'orders')).toBe(Temporal.Instant.fromEpochMilliseconds(harness.sim.clock.nowMs()).toString())
      await expectFactsEqualTruth(sink, harness.sim, TENANT)
    }
    expect(await countRows(sink, 'stg_qtickets_api_orders_raw', { final: true })).toBe(harness.sim.stats({ tenant: TENANT }).orders)
    const refunded = await rowsOf<{ n: string }>(sink, 'SELECT count() AS n FROM {db}.fact_qtickets_sales_daily FINAL WHERE refunded_tickets > 0')
    expect(Number(refunded[0]!.n)).toBeGreaterThan(0)
  })

  it('a rerun without a clock move changes nothing: no new rows even without FINAL, same facts', async () => {
    const before = await counts()
    const factsBefore = await sink.readDailySales({ tenant: TENANT })
    // a day of lag re-reads every order the previous runs wrote (new sales, refunds, cancellations)
    const result = await syncTenant({ ...job(), window: { lagMinutes: 24 * 60, initialDays: 30 } })
    expectStatus(result, 'ok')
    expect(result.rowsRead.orders).toBeGreaterThan(20)
    expect(result.rowsWritten).toEqual({ ...NOTHING_WRITTEN, inventory: result.rowsRead.inventory })
    for (const resource of ['events', 'clients', 'discounts', 'promo_codes', 'color_themes', 'barcodes'] as const) {
      if (resource !== 'clients') expect(result.rowsRead[resource], resource).toBeGreaterThan(0) // clients: only new ids are read
    }
    expect(result.recomputedDays).toEqual([])
    expect(await counts()).toEqual(before)
    expect(await sink.readDailySales({ tenant: TENANT })).toEqual(factsBefore)
  })

  it("reruns later by the loader's clock (the source unchanged) write only a new inventory snapshot, also a full re-read of clients", async () => {
    const before = await counts()
    const later = (minutes: number) => new Date(harness.sim.clock.nowMs() + minutes * 60_000)
    const run = await syncTenant({ ...job(), now: later(5), window: { lagMinutes: 24 * 60, initialDays: 30 } })
    expectStatus(run, 'ok')
    const range = { from: calendarDate(harness.sim.clock.now().subtract({ hours: 48 }), 'Europe/Moscow'), to: calendarDate(harness.sim.clock.now(), 'Europe/Moscow') }
    const backfill = await backfillTenant({ ...job(), now: later(10), range, resources: ['clients', 'discounts', 'promo_codes', 'color_themes', 'inventory', 'barcodes'] })
    expectStatus(backfill, 'ok')
    expect(backfill.rowsRead.clients).toBeGreaterThan(0)
    expect(backfill.rowsRead.barcodes).toBeGreaterThan(0)
    for (const result of [run, backfill]) {
      expect(result.rowsRead.inventory).toBeGreaterThan(0)
      expect(result.rowsWritten).toEqual({ ...NOTHING_WRITTEN, inventory: result.rowsRead.inventory })
    }
    const snapshots = run.rowsWritten.inventory! + backfill.rowsWritten.inventory!
    expect(await counts()).toEqual({ ...before, stg_qtickets_api_inventory_raw: before.stg_qtickets_api_inventory_raw! + snapshots })
  })

  it('a backfill rerun of the same range resumes after its completed windows, and --restart re-reads without duplicating', async () => {
    const now = harness.sim.clock.now()
    const range = { from: calendarDate(now.subtract({ hours: 24 * 43 }), 'Europe/Moscow'), to: calendarDate(now, 'Europe/Moscow') }
    const first = await backfillTenant({ ...job(), range, windowDays: 10 })
    expectStatus(first, 'ok')
    const before = await counts()
    const resumed = await backfillTenant({ ...job(), range, windowDays: 10 })
    expect(resumed.rowsRead.orders).toBeLessThan(first.rowsRead.orders!) // only the unfinished last window is read again
    const restarted = await backfillTenant({ ...job(), range, windowDays: 10, restart: true })
    expect(restarted.rowsRead.orders).toBe(first.rowsRead.orders)
    expect(restarted.rowsWritten.orders ?? 0).toBe(0)
    expect(await counts()).toEqual(before)
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
  })

  it('inventory snapshots of upcoming shows equal the simulator truth', async () => {
    const rows = await rowsOf<{ show_id: string; zone_id: string; capacity: number; free: number; sold: number; reserved: number; disabled: number }>(
      sink,
      `SELECT show_id, zone_id, capacity, free, sold, reserved, disabled FROM {db}.stg_qtickets_api_inventory_raw FINAL
       WHERE tenant = {tenant:String} AND snapshot_at = (SELECT max(snapshot_at) FROM {db}.stg_qtickets_api_inventory_raw WHERE tenant = {tenant:String})
       ORDER BY show_id, zone_id`,
      { tenant: TENANT },
    )
    expect(rows.length).toBeGreaterThan(0)
    const loaded = rows.map((row) => ({ showId: Number(row.show_id), zone: row.zone_id, capacity: row.capacity, free: row.free, sold: row.sold, reserved: row.reserved, disabled: row.disabled }))
    const shows = new Set(loaded.map((row) => row.showId))
    const expected = harness.sim
      .expectedInventory({ tenant: TENANT })
      .filter((row) => shows.has(row.showId))
      .map(({ showId, zone, capacity, free, sold, reserved, disabled }) => ({ showId, zone, capacity, free, sold, reserved, disabled }))
      .sort((a, b) => a.showId - b.showId || a.zone.localeCompare(b.zone))
    expect(loaded).toEqual(expected)
  })

  it('only ever sends GET requests, and logs every line with run_id and tenant', () => {
    expect(harness.sim.requests.length).toBeGreaterThan(0)
    expect(harness.sim.requests.filter((request) => request.method !== 'GET')).toEqual([])
    for (const record of records()) {
      expect(record.run_id, JSON.stringify(record)).toBeDefined()
      expect(record.tenant).toBe(TENANT)
    }
  })

  it('records every run in meta_job_runs', async () => {
    const runs = await sink.lastRuns({ tenant: TENANT, limit: 100 })
    expect(runs.length).toBeGreaterThanOrEqual(9)
    expect(new Set(runs.map((run) => run.status))).toEqual(new Set(['ok']))
    expect(new Set(runs.map((run) => run.job))).toEqual(new Set(['run', 'backfill']))
  })
})

describe('--dry-run', () => {
  it('reads and validates everything, says what it would write, and writes nothing (no rows, no run record)', async () => {
    const fresh = await openTestSink(dataDir)
    try {
      const result = await syncTenant({ ...job(), sink: fresh, dryRun: true })
      expectStatus(result, 'ok')
      expect(result.rowsRead.orders).toBeGreaterThan(0)
      expect(result.rowsByTable?.stg_qtickets_api_orders_raw).toBe(result.rowsRead.orders)
      expect(result.rowsByTable?.stg_qtickets_api_baskets_raw).toBeGreaterThan(0)
      expect(result.recomputedDays.length).toBeGreaterThan(0)
      expect(Object.values(result.rowsWritten).every((count) => count === 0)).toBe(true)
      for (const table of [...STAGING, 'fact_qtickets_sales_utm_daily', 'meta_job_runs', 'meta_sync_state']) expect(await countRows(fresh, table), table).toBe(0)
      const withoutSink = await syncTenant({ ...job(), sink: null, dryRun: true, resources: ['events', 'orders'] })
      expectStatus(withoutSink, 'ok')
      expect(withoutSink.rowsRead.orders).toBe(result.rowsRead.orders)
    } finally {
      await fresh.close()
    }
  })
})
