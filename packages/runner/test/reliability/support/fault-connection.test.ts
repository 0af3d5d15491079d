import type { SinkConnection } from '@zakaz/clickhouse-sink'
import { describe, expect, it } from 'vitest'
import { clickhouseError, createConnectionFaults, statementLabel, type FaultMoment } from './fault-connection.js'

/** A connection that records what reached it. */
function recordingConnection() {
  const reached: string[] = []
  const answer = <T>(query: string, value: T) => {
    reached.push(query)
    return Promise.resolve(value)
  }
  const connection = {
    ping: () => Promise.resolve({ success: true }),
    close: () => Promise.resolve(),
    query: (params: { query: string }) => answer(params.query, { query_id: 'q', stream: null }),
    command: (params: { query: string }) => answer(params.query, { query_id: 'c' }),
    exec: (params: { query: string }) => answer(params.query, { query_id: 'e', stream: null }),
    insert: (params: { query: string }) => answer(params.query, { query_id: 'i' }),
  } as unknown as SinkConnection
  return { connection, reached }
}

const insertInto = (table: string, token = 't1') => ({ query: `INSERT INTO db.${table} FORMAT JSONEachRow`, values: '', clickhouse_settings: { insert_deduplication_token: token } })

describe('the fault-injecting connection', () => {
  it('fails before delegating (nothing reaches the engine) or after (it did), on the chosen calls only', async () => {
    const faults = createConnectionFaults()
    const { connection, reached } = recordingConnection()
    const wrapped = faults.wrap(connection, 'writer')
    faults.add({ op: 'insert', match: 'stg_orders', when: 'before', after: 1 })
    faults.add({ op: 'insert', match: /meta_sync_state/, when: 'after', error: () => clickhouseError('241', 'MEMORY_LIMIT_EXCEEDED') })
    await wrapped.insert(insertInto('stg_orders'))
    await expect(wrapped.insert(insertInto('stg_orders'))).rejects.toThrow('socket hang up (injected)')
    await wrapped.insert(insertInto('stg_orders')) // times: 1 by default
    await expect(wrapped.insert(insertInto('meta_sync_state'))).rejects.toMatchObject({ code: '241', type: 'MEMORY_LIMIT_EXCEEDED' })
    await wrapped.command({ query: 'SELECT 1' })
    expect(reached).toEqual([
      'INSERT INTO db.stg_orders FORMAT JSONEachRow',
      'INSERT INTO db.stg_orders FORMAT JSONEachRow',
      'INSERT INTO db.meta_sync_state FORMAT JSONEachRow',
      'SELECT 1',
    ])
    expect(faults.calls.map((call) => call.token)).toEqual(['t1', 't1', 't1', 't1', undefined])
  })

  it('counts matching calls, fires `times` times, and can be removed; reads are untouched unless asked for', async () => {
    const faults = createConnectionFaults()
    const wrapped = faults.wrap(recordingConnection().connection, 'reader')
    const handle = faults.add({ when: 'before', times: 2 })
    await expect(wrapped.command({ query: 'INSERT INTO db.f SELECT 1' })).rejects.toThrow()
    await wrapped.query({ query: 'SELECT 1' })
    await expect(wrapped.insert(insertInto('x'))).rejects.toThrow()
    await wrapped.insert(insertInto('x'))
    expect({ seen: handle.seen, fired: handle.fired }).toEqual({ seen: 3, fired: 2 })
    const always = faults.add({ op: 'query', when: 'after', times: 'always' })
    await expect(wrapped.query({ query: 'SELECT 2' })).rejects.toThrow()
    always.remove()
    await wrapped.query({ query: 'SELECT 3' })
    faults.add({ op: 'exec', when: 'before' })
    faults.clear()
    await wrapped.exec({ query: 'SYSTEM FLUSH LOGS' })
  })

  it('lets observers see every call before and after it ran', async () => {
    const faults = createConnectionFaults()
    const seen: Array<[string, FaultMoment]> = []
    const stop = faults.observe((call, moment) => seen.push([statementLabel(call), moment]))
    const wrapped = faults.wrap(recordingConnection().connection, 'writer')
    await wrapped.insert(insertInto('stg_qtickets_api_orders_raw'))
    await wrapped.command({ query: 'INSERT INTO `zakaz`.`fact_qtickets_sales_daily` SELECT …' })
    stop()
    await wrapped.command({ query: 'OPTIMIZE TABLE x' })
    expect(seen).toEqual([
      ['insert stg_qtickets_api_orders_raw', 'before'],
      ['insert stg_qtickets_api_orders_raw', 'after'],
      ['command fact_qtickets_sales_daily', 'before'],
      ['command fact_qtickets_sales_daily', 'after'],
    ])
    expect(statementLabel({ op: 'command', query: 'CREATE TABLE IF NOT EXISTS zakaz.t' })).toBe('command CREATE TABLE IF')
  })
})
