import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSink } from './sink'
import { openSink, removeDir, rowsOf, tmpDir } from '../test/engine'
import type { Sink } from './sink'
import { SinkError } from './errors'

const HOSTILE = "x'); DROP TABLE y; --"
const dataDir = tmpDir()
let sink: Sink

beforeAll(async () => {
  sink = await openSink(dataDir)
  await sink.client.command({ query: `CREATE TABLE ${sink.database}.y (a UInt8) ENGINE = MergeTree ORDER BY a` })
})

afterAll(async () => {
  await sink?.close()
  removeDir(dataDir)
})

async function tableCount(): Promise<number> {
  const rows = await rowsOf<{ n: number }>(sink, 'SELECT count() AS n FROM system.tables WHERE database = {db:String}', { db: sink.database })
  return Number(rows[0]?.n)
}

describe('hostile identifiers and values', () => {
  it('refuses a hostile database name before connecting', async () => {
    const error = await createSink({ dataDir, database: HOSTILE }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SinkError)
    expect(error).toMatchObject({ kind: 'config', message: expect.stringMatching(/database name .* is not a valid identifier/) })
    await expect(createSink({ dataDir, database: 'zakaz', cluster: 'c` ON CLUSTER x' })).rejects.toThrow(/cluster name/)
  })

  it('stores a hostile tenant, resource and cursor as plain data and drops nothing', async () => {
    const before = await tableCount()
    await sink.setCursor(HOSTILE, HOSTILE, HOSTILE, HOSTILE)
    expect(await sink.getCursor(HOSTILE, HOSTILE)).toBe(HOSTILE)
    await sink.startRun({ job: HOSTILE, tenant: HOSTILE, runId: HOSTILE })
    expect((await sink.lastRuns({ tenant: HOSTILE, job: HOSTILE })).map((r) => r.runId)).toEqual([HOSTILE])
    await sink.writeEvents([{
      tenant: HOSTILE, event_id: 1, name: HOSTILE, is_active: true, city_id: null, city_name: HOSTILE, city_timezone: 'Europe/Moscow',
      currency_id: 'RUB', created_at: null, updated_at: null, deleted_at: null, _ver: 1,
    }])
    await sink.recomputeDailySales({ tenant: HOSTILE, days: ['2025-11-10'] })
    expect(await sink.readDailySales({ tenant: HOSTILE })).toEqual([])
    expect(await sink.salesDaysOfOrders({ tenant: HOSTILE, orderIds: [1, 2] })).toEqual([])
    const stored = await rowsOf<{ tenant: string; name: string }>(sink, 'SELECT tenant, name FROM dim_events FINAL')
    expect(stored).toEqual([{ tenant: HOSTILE, name: HOSTILE }])
    expect(await tableCount()).toBe(before)
  })

  it('refuses hostile table names, zones, days, roles and order ids', async () => {
    await expect(sink.insert(`dim_events; DROP TABLE y; --` as 'dim_events', [])).rejects.toMatchObject({ kind: 'validation' })
    await expect(sink.recomputeDailySales({ tenant: 'org_a', days: ['2025-11-10'], reportTimeZone: HOSTILE })).rejects.toMatchObject({ kind: 'validation' })
    await expect(sink.recomputeDailySales({ tenant: 'org_a', days: [HOSTILE] })).rejects.toMatchObject({ kind: 'validation' })
    await expect(sink.readDailySales({ tenant: 'org_a', from: HOSTILE })).rejects.toMatchObject({ kind: 'validation' })
    await expect(sink.createReadOnlyRole(HOSTILE)).rejects.toThrow(/role name .* is not a valid identifier/)
    await expect(sink.salesDaysOfOrders({ tenant: 'org_a', orderIds: [HOSTILE as unknown as number] })).rejects.toMatchObject({ kind: 'validation' })
    const y = await rowsOf(sink, "SELECT name FROM system.tables WHERE database = {db:String} AND name = 'y'", { db: sink.database })
    expect(y).toHaveLength(1)
  })
})
