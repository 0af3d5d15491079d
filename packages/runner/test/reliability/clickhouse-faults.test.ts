import { createSink, type Sink } from '@zakaz/clickhouse-sink'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, removeDir, rowsOf, TEST_PII_KEY, tmpDir } from '../support/engine.js'
import { startSim, type SimHarness } from '../support/harness.js'
import { clickhouseError, createConnectionFaults, type ConnectionFaultRule } from './support/fault-connection.js'
import { checkInvariant, expectInvariant } from './support/invariant.js'
import { printScenarioTable, scenario } from './support/scenario-report.js'
import { advanceClock, cursorAtNow, settleClock, syncOnce, type SyncOutcome } from './support/world.js'

// ClickHouse misbehaves under the loader: an insert fails before it reaches the engine, or commits and THEN reports an
// error (the ambiguous write); a recompute, a read or the cursor write fails. The sink is opened with a fault-injecting
// connection (`wrapConnection`). Whatever fails, the next run leaves one copy of every row and exact facts.
const TENANT = 'ch_faults'
const TOKEN = 'sim-reliability-ch-0001'
const ORDERS = 'stg_qtickets_api_orders_raw'
const BASKETS = 'stg_qtickets_api_baskets_raw'
const dataDir = tmpDir('reliability-ch-')
const faults = createConnectionFaults()
let harness: SimHarness
let sink: Sink

const retried = scenario('insert fails once, before or after committing: retried with the same token, one copy')
const exhausted = scenario('insert keeps failing (committed or refused): run error, cursor kept, next run exact')
const statements = scenario('recompute, read or cursor write fails: run error, next run exact')
const control = scenario('control: a replay without the dedup token is caught by the check')

beforeAll(async () => {
  harness = await startSim({ seed: 202, historyDays: 6, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 60, events: 4 }] })
  settleClock(harness.sim)
  sink = await createSink({ dataDir, database: freshDatabase('chf'), piiHashKey: TEST_PII_KEY, logger: { warn() {} }, wrapConnection: faults.wrap })
  await sink.migrate()
  const first = await sync()
  expect(first.result.status, JSON.stringify(first.result.failures)).toBe('ok')
  await expectInvariant(sink, harness.sim, TENANT)
})

afterEach(() => faults.clear())

afterAll(async () => {
  printScenarioTable('ClickHouse faults (test/reliability/clickhouse-faults.test.ts)')
  await harness?.close()
  await sink?.close()
  removeDir(dataDir)
})

function sync(): Promise<SyncOutcome> {
  return syncOnce({ harness, sink, tenant: TENANT, token: TOKEN, pageSize: 100 })
}

/** Advances the clock so the run has new orders and changes, injects `rule`, and runs; the rule must have fired. */
async function runWith(rule: ConnectionFaultRule, hours = 4): Promise<SyncOutcome & { cursorBefore: string | null; fired: number }> {
  advanceClock(harness.sim, { hours })
  const cursorBefore = await sink.getCursor(TENANT, 'orders')
  const handle = faults.add(rule)
  const outcome = await sync()
  handle.remove()
  expect(handle.fired, 'the injected fault never fired: the case would prove nothing').toBeGreaterThan(0)
  return { ...outcome, cursorBefore, fired: handle.fired }
}

async function expectRunError(outcome: SyncOutcome & { cursorBefore: string | null }, kinds = ['sink']) {
  expect(outcome.result.status).toBe('error')
  expect(outcome.result.failures).toEqual([expect.objectContaining({ resource: 'orders' })])
  expect(kinds).toContain(outcome.result.failures[0]?.kind)
  expect(await sink.getCursor(TENANT, 'orders')).toBe(outcome.cursorBefore)
}

async function expectCleanRunExact(): Promise<void> {
  const outcome = await sync()
  expect(outcome.result.status, JSON.stringify(outcome.result.failures)).toBe('ok')
  expect(await sink.getCursor(TENANT, 'orders')).toBe(cursorAtNow(harness.sim))
  await expectInvariant(sink, harness.sim, TENANT)
}

/** The dedup tokens of the inserts into `table` since call `since`. */
const tokensOf = (table: string, since: number) => faults.calls.slice(since).filter((call) => call.op === 'insert' && call.query.includes(`.${table} `)).map((call) => call.token)

describe('an insert fails once', () => {
  it('before reaching the engine (no answer): the sink retries the batch with the same token; the run is ok and exact', () =>
    retried.run(async () => {
      const since = faults.calls.length
      const outcome = await runWith({ op: 'insert', match: ORDERS, when: 'before' })
      expect(outcome.result.status, JSON.stringify(outcome.result.failures)).toBe('ok')
      const tokens = tokensOf(ORDERS, since)
      expect(tokens[0]).toBe(tokens[1])
      await expectInvariant(sink, harness.sim, TENANT)
    }))

  it('AFTER committing (the data is there, the client sees an error): the retry with the same token leaves one copy', () =>
    retried.run(async () => {
      const since = faults.calls.length
      const outcome = await runWith({ op: 'insert', match: BASKETS, when: 'after' })
      expect(outcome.result.status, JSON.stringify(outcome.result.failures)).toBe('ok')
      const tokens = tokensOf(BASKETS, since)
      expect(tokens.length).toBeGreaterThanOrEqual(2)
      expect(tokens[1]).toBe(tokens[0])
      const report = await expectInvariant(sink, harness.sim, TENANT)
      expect(report.doubledBasketRows).toBe(0)
    }))
})

describe('an insert keeps failing', () => {
  it('commits on every attempt but always reports an error: run error, cursor kept; the next run writes nothing twice', () =>
    exhausted.run(async () => {
      const outcome = await runWith({ op: 'insert', match: ORDERS, when: 'after', times: 3 })
      await expectRunError(outcome)
      expect(outcome.result.failures[0]?.message).toMatch(/insert into stg_qtickets_api_orders_raw failed .*may have landed/)
      await expectCleanRunExact()
    }))

  it('is refused by ClickHouse with a non-retryable code: run error naming the table and code; the next run is exact', () =>
    exhausted.run(async () => {
      const outcome = await runWith({ op: 'insert', match: BASKETS, when: 'before', error: () => clickhouseError('241', 'MEMORY_LIMIT_EXCEEDED') })
      await expectRunError(outcome)
      expect(outcome.fired).toBe(1) // not retried: the code says nothing was written and retrying now will not help
      expect(outcome.result.failures[0]?.message).toContain('stg_qtickets_api_baskets_raw')
      expect(outcome.result.failures[0]?.message).toContain('241')
      await expectCleanRunExact()
    }))
})

describe('other statements fail', () => {
  it('the recompute of the daily facts fails before running: the days stay pending and the next run rebuilds them', () =>
    statements.run(async () => {
      const outcome = await runWith({ op: 'command', match: 'fact_qtickets_sales_daily', when: 'before', error: () => clickhouseError('241', 'MEMORY_LIMIT_EXCEEDED') })
      await expectRunError(outcome)
      expect(JSON.parse((await sink.getCursor(TENANT, 'orders:pending_days')) ?? '[]')).not.toEqual([])
      await expectCleanRunExact()
      expect(await sink.getCursor(TENANT, 'orders:pending_days')).toBe('[]')
    }))

  it('the recompute commits and then reports an error: the next run is exact', () =>
    statements.run(async () => {
      const outcome = await runWith({ op: 'command', match: 'fact_qtickets_sales_utm_daily', when: 'after' })
      await expectRunError(outcome)
      await expectCleanRunExact()
    }))

  it('a read of the stored versions fails: run error before anything is written; the next run is exact', () =>
    statements.run(async () => {
      const outcome = await runWith({ op: 'query', match: 'max(_ver)', when: 'before', error: () => clickhouseError('159', 'TIMEOUT_EXCEEDED') })
      // Reads of stored versions are converted like the sink's own errors: kind `sink`, table and code, no quoted data.
      await expectRunError(outcome, ['sink'])
      await expectCleanRunExact()
    }))

  it('the cursor write never lands (three refused attempts): the data is committed, the cursor kept; the re-read writes nothing twice', () =>
    statements.run(async () => {
      const outcome = await runWith({ op: 'insert', match: /meta_sync_state/, when: 'before', after: 2, times: 3 })
      // after: 2 lets the pending-days notes of the batch through; the third write to meta_sync_state is the cursor
      expect(outcome.result.status).toBe('error')
      expect(await sink.getCursor(TENANT, 'orders')).toBe(outcome.cursorBefore)
      await expectCleanRunExact()
    }))
})

describe('control experiment', () => {
  it('replaying the staged orders without deduplication doubles rows, and the check reports it (so a clean report means something)', () =>
    control.run(async () => {
      await sink.client.command({
        query: `INSERT INTO ${sink.database}.${ORDERS} SELECT * FROM ${sink.database}.${ORDERS} WHERE tenant = {tenant:String} LIMIT 10`,
        query_params: { tenant: TENANT },
        clickhouse_settings: { insert_deduplicate: 0 },
      })
      const report = await checkInvariant(sink, harness.sim, TENANT)
      expect(report.doubledOrderRows).toBe(10)
      expect(report.mismatches).toEqual([]) // FINAL still hides the copies from the facts
      const [row] = await rowsOf<{ n: string }>(sink, `SELECT count() AS n FROM {db}.${ORDERS} FINAL WHERE tenant = {tenant:String}`, { tenant: TENANT })
      expect(Number(row?.n)).toBe(report.expectedOrders)
    }))
})
