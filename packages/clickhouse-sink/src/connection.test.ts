import { afterAll, describe, expect, it } from 'vitest'
import { importChdb } from './connection'
import { createSink } from './sink'
import { freshDatabase, removeDir, tmpDir } from '../test/engine'

const dirs = [tmpDir(), tmpDir()]
afterAll(() => dirs.forEach(removeDir))

describe('embedded engine connection', () => {
  it('explains a missing chdb package instead of failing with a bare import error', async () => {
    const missing = 'chdb-package-that-is-not-installed'
    const error = await importChdb(() => import(/* @vite-ignore */ missing)).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'config', message: expect.stringMatching(/CLICKHOUSE_URL is not set.*"chdb" is not installed/) })
  })

  it('lets another data directory be opened after close()', async () => {
    const first = await createSink({ dataDir: dirs[0], database: freshDatabase() })
    await first.migrate()
    expect(await first.ping()).toBe(true)
    await first.close()
    const second = await createSink({ dataDir: dirs[1], database: freshDatabase() })
    try {
      expect(second.mode).toBe('embedded')
      expect(await second.ping()).toBe(true)
      expect((await second.schemaVersion()).applied).toEqual([])
    } finally {
      await second.close()
    }
  })

  it('keeps a caller\'s readonly setting on sink.client away from the sink\'s own writes', async () => {
    const sink = await createSink({ dataDir: dirs[1], database: freshDatabase() })
    try {
      await sink.migrate()
      const rows = await sink.client.query({ query: 'SELECT count() AS n FROM meta_sync_state', format: 'JSONEachRow', clickhouse_settings: { readonly: '1' } })
      expect(await rows.json()).toEqual([{ n: expect.anything() }])
      await expect(sink.client.command({ query: `CREATE TABLE ${sink.database}.z (a UInt8) ENGINE = MergeTree ORDER BY a` })).rejects.toThrow(/readonly/i)
      await sink.setCursor('org_a', 'orders', 'c1', 'r1')
      expect(await sink.getCursor('org_a', 'orders')).toBe('c1')
    } finally {
      await sink.close()
    }
  })
})
