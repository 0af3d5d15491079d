import type { Sink } from '@zakaz/clickhouse-sink'
import type { QticketsEvent } from '@zakaz/qtickets-sdk'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openTestSink, removeDir, tmpDir } from '../support/engine.js'
import { startSim, type SimHarness } from '../support/harness.js'
import { expectInvariant } from './support/invariant.js'
import { printScenarioTable, scenario } from './support/scenario-report.js'
import { advanceClock, cursorAtNow, FAST_RETRY, requestsTo, settleClock, syncOnce, type SyncOutcome } from './support/world.js'
import type { TenantClientOverrides } from '../../src/sync/tenant-client.js'

// The API misbehaves (storms, throttling, slowness, broken bodies, a bad record) while the loader runs in-process against
// the simulator on loopback and the embedded engine. Each failing run must end as its policy says, leave the cursor where
// it was, and the next clean run must catch up exactly (the invariant: facts FINAL = the simulator's truth).
const TENANT = 'api_faults'
const TOKEN = 'sim-reliability-api-0001'
const dataDir = tmpDir('reliability-api-')
let harness: SimHarness
let sink: Sink

const storm = scenario('503 storm on orders: breaker opens, run error, cursor kept, catch-up')
const optional = scenario('optional resources failing: run partial, orders complete')
const throttled = scenario('429 + Retry-After honoured; beyond the deadline fails fast')
const transport = scenario('latency, timeouts and connection resets mid-pagination')
const broken = scenario('truncated JSON, HTML with 200, wrong-typed record: run error, named, catch-up')

beforeAll(async () => {
  harness = await startSim({ seed: 101, historyDays: 8, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 80, events: 4 }] })
  settleClock(harness.sim)
  sink = await openTestSink(dataDir)
  const first = await sync()
  expect(first.result.status, JSON.stringify(first.result.failures)).toBe('ok')
  await expectInvariant(sink, harness.sim, TENANT)
})

afterEach(() => harness.sim.faults.clear())

afterAll(async () => {
  printScenarioTable('API faults (test/reliability/api-faults.test.ts)')
  await harness?.close()
  await sink?.close()
  removeDir(dataDir)
})

function sync(client?: TenantClientOverrides, pageSize = 20): Promise<SyncOutcome> {
  return syncOnce({ harness, sink, tenant: TENANT, token: TOKEN, pageSize, ...(client ? { client } : {}) })
}

/** A failed run: status, failure of orders of one of `kinds`, cursor unchanged, recorded in meta_job_runs; returns the failure. */
async function expectFailedOrders(outcome: SyncOutcome, cursorBefore: string | null, kinds: string[]) {
  expect(outcome.result.status).toBe('error')
  expect(outcome.result.failures).toHaveLength(1)
  const failure = outcome.result.failures[0]!
  expect(failure.resource).toBe('orders')
  expect(kinds).toContain(failure.kind)
  expect(await sink.getCursor(TENANT, 'orders')).toBe(cursorBefore)
  const [record] = await sink.lastRuns({ tenant: TENANT })
  expect(record).toMatchObject({ runId: outcome.result.runId, status: 'error', error: expect.stringContaining(`orders: ${failure.kind}`) })
  return failure
}

/** The next clean run is `ok`, moves the cursor to now and the invariant holds. */
async function expectCatchUp(): Promise<void> {
  harness.sim.faults.clear()
  const outcome = await sync()
  expect(outcome.result.status, JSON.stringify(outcome.result.failures)).toBe('ok')
  expect(await sink.getCursor(TENANT, 'orders')).toBe(cursorAtNow(harness.sim))
  await expectInvariant(sink, harness.sim, TENANT)
}

const retriesOf = (events: QticketsEvent[], path: string) => events.filter((event) => event.type === 'retry' && event.path === path)

describe('a 503 storm on orders while events answer 200', () => {
  it('retries, opens the breaker, ends the run as error without moving the cursor, and the next run catches up exactly', () =>
    storm.run(async () => {
      advanceClock(harness.sim, { hours: 5 })
      const cursor = await sink.getCursor(TENANT, 'orders')
      const since = harness.sim.requests.length
      harness.sim.faults.outage({ route: 'orders' })
      const outcome = await sync({ retry: { ...FAST_RETRY, maxAttempts: 8, maxAttempts503: 8 }, breaker: { failures: 3, halfOpenAfterMs: 60_000 } })
      await expectFailedOrders(outcome, cursor, ['server', 'circuit_open'])
      expect(retriesOf(outcome.events, '/orders').length).toBeGreaterThanOrEqual(2)
      expect(outcome.events).toContainEqual(expect.objectContaining({ type: 'breaker', state: 'open' }))
      expect(requestsTo(harness.sim, 'orders', since)).toBe(3) // the open breaker stopped the retries from reaching the API
      expect(harness.sim.requests.slice(since).filter((request) => request.path.endsWith('/events') && request.status === 200).length).toBeGreaterThan(0)
      expect(outcome.result.rowsRead.clients).toBeUndefined() // nothing optional runs after a required resource failed
      await expectCatchUp()
    }))

  it('a storm that outlasts the retries with the default policy (two 503s per request) fails the same way, then catches up', () =>
    storm.run(async () => {
      advanceClock(harness.sim, { hours: 2 })
      const cursor = await sink.getCursor(TENANT, 'orders')
      const since = harness.sim.requests.length
      harness.sim.faults.outage({ route: 'orders', requests: 2 })
      const outcome = await sync({ retry: { ...FAST_RETRY } })
      const failure = await expectFailedOrders(outcome, cursor, ['server'])
      expect(failure.status).toBe(503)
      expect(requestsTo(harness.sim, 'orders', since)).toBe(2)
      await expectCatchUp()
    }))
})

describe('optional resources failing', () => {
  it('makes the run partial; orders, facts and the cursor are complete', () =>
    optional.run(async () => {
      advanceClock(harness.sim, { hours: 3 })
      harness.sim.faults.outage({ route: 'discounts' })
      harness.sim.faults.outage({ route: 'promo-codes' })
      const outcome = await sync()
      expect(outcome.result.status).toBe('partial')
      expect(outcome.result.failures.map((failure) => failure.resource).sort()).toEqual(['discounts', 'promo_codes'])
      expect(outcome.result.rowsRead.inventory).toBeGreaterThan(0)
      expect(await sink.getCursor(TENANT, 'orders')).toBe(cursorAtNow(harness.sim))
      const [record] = await sink.lastRuns({ tenant: TENANT })
      expect(record).toMatchObject({ status: 'partial', error: expect.stringContaining('discounts: server (HTTP 503)') })
      await expectInvariant(sink, harness.sim, TENANT)
    }))

  it('a 403 on clients and an HTML 404 on colour themes are partial too', () =>
    optional.run(async () => {
      advanceClock(harness.sim, { hours: 1 })
      harness.sim.faults.add({ route: 'clients', kind: 'status', status: 403, times: 'always' })
      harness.sim.faults.add({ route: 'color-themes', kind: 'html', status: 404, times: 'always' })
      const outcome = await sync()
      expect(outcome.result.status).toBe('partial')
      expect(outcome.result.failures).toEqual([
        expect.objectContaining({ resource: 'clients', kind: 'auth', status: 403 }),
        expect.objectContaining({ resource: 'color_themes', kind: 'unknown_route' }),
      ])
      await expectInvariant(sink, harness.sim, TENANT)
    }))
})

describe('429 with Retry-After', () => {
  it('waits at least Retry-After before each retry, then completes', () =>
    throttled.run(async () => {
      advanceClock(harness.sim, { hours: 2 })
      harness.sim.faults.add({ route: 'orders', kind: 'status429', retryAfterSeconds: 1, times: 2 })
      const outcome = await sync()
      expect(outcome.result.status, JSON.stringify(outcome.result.failures)).toBe('ok')
      const retries = retriesOf(outcome.events, '/orders')
      expect(retries).toHaveLength(2)
      for (const retry of retries) expect(retry).toMatchObject({ errorKind: 'rate_limited', status: 429, delayMs: expect.any(Number) })
      expect(Math.min(...retries.map((retry) => (retry.type === 'retry' ? retry.delayMs : 0)))).toBeGreaterThanOrEqual(1000)
      await expectInvariant(sink, harness.sim, TENANT)
    }))

  it('a Retry-After beyond the deadline fails fast with rate_limited: no wait, one request, cursor kept; then catch-up', () =>
    throttled.run(async () => {
      advanceClock(harness.sim, { hours: 2 })
      const cursor = await sink.getCursor(TENANT, 'orders')
      const since = harness.sim.requests.length
      harness.sim.faults.add({ route: 'orders', kind: 'status429', retryAfterSeconds: 600, times: 'always' })
      const outcome = await sync({ retry: { ...FAST_RETRY, deadlineMs: 5_000, maxRetryAfterMs: 900_000 } })
      const failure = await expectFailedOrders(outcome, cursor, ['rate_limited'])
      expect(failure.status).toBe(429)
      expect(retriesOf(outcome.events, '/orders')).toEqual([])
      expect(requestsTo(harness.sim, 'orders', since)).toBe(1)
      await expectCatchUp()
    }))
})

describe('slow and dropped connections mid-pagination', () => {
  it('latency spikes, a timeout and connection resets on later pages are retried; the run completes exactly', () =>
    transport.run(async () => {
      advanceClock(harness.sim, { hours: 6 })
      const faults = [
        harness.sim.faults.add({ route: 'orders', kind: 'latency', ms: 300, after: 1, times: 2 }),
        harness.sim.faults.add({ route: 'orders', kind: 'reset', after: 2, times: 2 }),
        harness.sim.faults.add({ route: 'orders', kind: 'latency', ms: 2_000, after: 3, times: 1 }),
        harness.sim.faults.add({ route: 'events', kind: 'reset', times: 1 }),
      ]
      const outcome = await sync({ timeoutMs: 1_000, retry: { ...FAST_RETRY, maxAttempts: 5 } }, 5)
      expect(outcome.result.status, JSON.stringify(outcome.result.failures)).toBe('ok')
      expect(faults.map((fault) => fault.fired)).toEqual([2, 2, 1, 1])
      const kinds = new Set(outcome.events.flatMap((event) => (event.type === 'retry' ? [event.errorKind] : [])))
      expect(kinds).toEqual(new Set(['network', 'timeout']))
      expect(outcome.events.filter((event) => event.type === 'page' && event.resource === 'orders').length).toBeGreaterThan(2)
      await expectInvariant(sink, harness.sim, TENANT)
    }))

  it('a body cut off by a dropped connection (truncate + abort) is retried as a network error', () =>
    transport.run(async () => {
      advanceClock(harness.sim, { hours: 2 })
      const fault = harness.sim.faults.add({ route: 'orders', kind: 'truncate', abort: true, after: 1, times: 1 })
      const outcome = await sync(undefined, 5)
      expect(outcome.result.status, JSON.stringify(outcome.result.failures)).toBe('ok')
      expect(fault.fired).toBe(1)
      expect(retriesOf(outcome.events, '/orders')).toEqual([expect.objectContaining({ errorKind: 'network' })])
      await expectInvariant(sink, harness.sim, TENANT)
    }))
})

describe('broken bodies are never loaded silently', () => {
  it('a truncated JSON body on the second page: invalid_response, run error, cursor kept; then catch-up', () =>
    broken.run(async () => {
      advanceClock(harness.sim, { hours: 8 })
      const cursor = await sink.getCursor(TENANT, 'orders')
      const fault = harness.sim.faults.add({ route: 'orders', kind: 'truncate', after: 1, times: 1 })
      const outcome = await sync()
      expect(fault.fired).toBe(1)
      const failure = await expectFailedOrders(outcome, cursor, ['invalid_response'])
      expect(failure.message).toMatch(/orders/)
      await expectCatchUp()
    }))

  it('an HTML error page with status 200: invalid_response, run error, cursor kept; then catch-up', () =>
    broken.run(async () => {
      advanceClock(harness.sim, { hours: 3 })
      const cursor = await sink.getCursor(TENANT, 'orders')
      harness.sim.faults.add({ route: 'orders', kind: 'html', status: 200, times: 1 })
      const outcome = await sync()
      await expectFailedOrders(outcome, cursor, ['invalid_response'])
      await expectCatchUp()
    }))

  it('one record with a field of the wrong type: reported with its id and path in the failure, the run record and the log; then catch-up', () =>
    broken.run(async () => {
      advanceClock(harness.sim, { hours: 8 })
      const cursor = await sink.getCursor(TENANT, 'orders')
      const fault = harness.sim.faults.add({ route: 'orders', kind: 'wrongType', field: 'baskets.0.price', value: 'free', index: 2, after: 1, times: 1 })
      const outcome = await sync()
      expect(fault.fired).toBe(1)
      const failure = await expectFailedOrders(outcome, cursor, ['invalid_response'])
      const match = /orders record (\d+)\b.*baskets\.0\.price/.exec(failure.message)
      expect(match, failure.message).not.toBeNull()
      const orderId = Number(match![1])
      const tenant = harness.sim.describe()[0]!
      expect(orderId).toBeGreaterThanOrEqual(tenant.firstOrderId)
      const [record] = await sink.lastRuns({ tenant: TENANT })
      expect(record?.error).toContain(`record ${orderId}`)
      expect(record?.error).toContain('baskets.0.price')
      expect(record?.error).not.toContain('free') // the bad value itself is never echoed
      expect(outcome.logs.some((line) => line.level === 'error' && JSON.stringify(line).includes(`record ${orderId}`))).toBe(true)
      await expectCatchUp()
    }))
})
