import { afterAll, describe, expect, it } from 'vitest'
import type { ConnectionRole, SinkConnection } from './connection'
import { createSink } from './sink'
import { freshDatabase, memoryLogger, removeDir, rowsOf, tmpDir } from '../test/engine'

// `wrapConnection` is the sink's injection point for tracing and fault injection: it sees every statement the sink sends.
const dir = tmpDir()
afterAll(() => removeDir(dir))

/** A wrapper that records each insert's query and fails the first insert into `table` AFTER it was committed. */
function committingThenFailing(table: string) {
  const seen: Array<{ role: ConnectionRole; query: string; token: unknown }> = []
  let failed = false
  const wrap = (connection: SinkConnection, role: ConnectionRole): SinkConnection => ({
    ping: (params) => connection.ping(params),
    query: (params) => connection.query(params),
    command: (params) => connection.command(params),
    exec: (params) => connection.exec(params),
    close: () => connection.close(),
    async insert(params) {
      const result = await connection.insert(params)
      seen.push({ role, query: params.query, token: params.clickhouse_settings?.insert_deduplication_token })
      if (!failed && params.query.includes(`.${table} `)) {
        failed = true
        throw new Error('socket hang up (injected after the insert committed)')
      }
      return result
    },
  })
  return { wrap, seen }
}

describe('wrapConnection', () => {
  it('routes every statement of the sink through the wrapper, and a retried insert that had landed leaves one copy', async () => {
    const probe = committingThenFailing('meta_sync_state')
    const logger = memoryLogger()
    const sink = await createSink({ dataDir: dir, database: freshDatabase(), wrapConnection: probe.wrap, logger })
    try {
      await sink.migrate()
      await sink.setCursor('org_a', 'orders', '2025-11-16T18:30:00Z', 'run-1')
      const rows = await rowsOf<{ cursor: string }>(sink, `SELECT cursor FROM ${sink.database}.meta_sync_state`) // without FINAL: every stored copy
      expect(rows).toEqual([{ cursor: '2025-11-16T18:30:00Z' }])
      const cursorInserts = probe.seen.filter((call) => call.query.includes('meta_sync_state'))
      expect(cursorInserts).toHaveLength(2) // the first attempt (committed, reported failed) and its retry
      expect(cursorInserts[1]?.token).toBe(cursorInserts[0]?.token)
      expect(new Set(probe.seen.map((call) => call.role))).toEqual(new Set(['writer']))
      expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'insert batch failed; retrying with the same dedup token' }))
    } finally {
      await sink.close()
    }
  })

  it('wraps the reader too, so read queries can be observed', async () => {
    const roles = new Set<ConnectionRole>()
    const sink = await createSink({
      dataDir: dir,
      database: freshDatabase(),
      wrapConnection: (connection, role) => ({
        ...bind(connection),
        query: (params) => {
          roles.add(role)
          return connection.query(params)
        },
      }),
    })
    try {
      await sink.migrate()
      await rowsOf(sink, 'SELECT 1')
      expect(roles).toEqual(new Set(['writer', 'reader']))
    } finally {
      await sink.close()
    }
  })

  it('is refused with a server URL, saying why', async () => {
    await expect(createSink({ url: 'http://127.0.0.1:1', wrapConnection: (connection) => connection })).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringContaining('wrapConnection works with the embedded engine only'),
    })
  })
})

function bind(connection: SinkConnection): SinkConnection {
  return {
    ping: (params) => connection.ping(params),
    query: (params) => connection.query(params),
    insert: (params) => connection.insert(params),
    command: (params) => connection.command(params),
    exec: (params) => connection.exec(params),
    close: () => connection.close(),
  }
}
