import { randomUUID } from 'node:crypto'
import type { Sink } from '@zakaz/clickhouse-sink'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { exitCodeForResult } from '../../src/sync/exit-code.js'
import { syncTenant } from '../../src/sync/sync-tenant.js'
import { clickhouseError, createConnectionFaults } from '../reliability/support/fault-connection.js'
import { openTestSink, removeDir, tmpDir } from '../support/engine.js'
import { memoryLogger, simClient, simNow, startSim, type SimHarness } from '../support/harness.js'

// A read the sync makes itself (stored versions, stored rows) fails in ClickHouse: it is reported like the sink's own
// failures — kind `sink`, one line naming the table and the ClickHouse code, nothing of ClickHouse's text (which quotes
// the data) — and the run ends `error` (exit 1) with the cursor where it was.
const TENANT = 'reads'
const TOKEN = 'sim-read-faults-token'
const dataDir = tmpDir('runner-read-faults-')
const faults = createConnectionFaults()
let harness: SimHarness
let sink: Sink

beforeAll(async () => {
  harness = await startSim({ seed: 31, historyDays: 4, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 40, events: 3 }] })
  sink = await openTestSink(dataDir, { wrapConnection: faults.wrap })
  const first = await sync()
  expect(first.result.status, JSON.stringify(first.result.failures)).toBe('ok')
})

afterEach(() => faults.clear())

afterAll(async () => {
  await harness?.close()
  await sink?.close()
  removeDir(dataDir)
})

async function sync() {
  const log = memoryLogger()
  const result = await syncTenant({ tenant: { name: TENANT }, sink, client: simClient(harness, TOKEN), logger: log.logger, runId: randomUUID(), now: simNow(harness.sim) })
  return { result, logs: log.records() }
}

describe('a failing read of the stored versions', () => {
  it('is a sink failure naming the table and the ClickHouse code, without the quoted data; the run is error (exit 1) and the cursor stays', async () => {
    harness.sim.clock.advance({ hours: 3 })
    const cursorBefore = await sink.getCursor(TENANT, 'orders')
    expect(cursorBefore).not.toBeNull()
    const rule = faults.add({
      op: 'query',
      match: 'GROUP BY order_id',
      when: 'before',
      times: 'always',
      error: () => clickhouseError('6', 'CANNOT_PARSE_TEXT', "Cannot parse string 'anna@example.com' as UInt64: syntax error at begin of string. In scope SELECT toUInt64('+7 999 123-45-67')"),
    })
    const { result, logs } = await sync()
    expect(rule.fired, 'the injected fault never fired: the case would prove nothing').toBeGreaterThan(0)

    const message = 'reading stored order versions from stg_qtickets_api_orders_raw failed (ClickHouse 6 CANNOT_PARSE_TEXT)'
    expect(result.status).toBe('error')
    expect(result.failures).toEqual([{ resource: 'orders', kind: 'sink', message }])
    expect(exitCodeForResult(result)).toBe(1)
    expect(await sink.getCursor(TENANT, 'orders')).toBe(cursorBefore)
    const [record] = await sink.lastRuns({ tenant: TENANT, job: 'run', limit: 1 })
    expect(record).toMatchObject({ status: 'error', error: `orders: sink: ${message}` })
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', msg: 'orders failed; the run stops', error_kind: 'sink', error: message }))
    for (const text of [JSON.stringify(logs), record?.error ?? '']) {
      expect(text).not.toContain('anna')
      expect(text).not.toContain('999 123')
    }
  })

  it('once ClickHouse reads again, the next run is ok and moves the cursor', async () => {
    const cursorBefore = await sink.getCursor(TENANT, 'orders')
    const { result } = await sync()
    expect(result.status, JSON.stringify(result.failures)).toBe('ok')
    expect(await sink.getCursor(TENANT, 'orders')).not.toBe(cursorBefore)
  })
})
