import { isSinkError, SinkError } from '@zakaz/clickhouse-sink'
import { describe, expect, it } from 'vitest'
import { toFailure } from './failure.js'
import { readError } from './read-error.js'

/** An error as @clickhouse/client reports one from the server or chDB: numeric code, type, and text quoting the data. */
const clickhouseError = (code: string, type: string, message: string) => Object.assign(new Error(message), { code, type })

describe('readError', () => {
  it('turns a ClickHouse error into a query SinkError naming what was read, the table and the code, without its quoted data', () => {
    const raw = clickhouseError('6', 'CANNOT_PARSE_TEXT', "Cannot parse string 'anna@example.com' as UInt64: syntax error. In scope SELECT toUInt64('+7 999 123-45-67')")
    const error = readError('stored order versions', 'stg_qtickets_api_orders_raw', raw)
    expect(isSinkError(error, 'query')).toBe(true)
    expect((error as SinkError).message).toBe('reading stored order versions from stg_qtickets_api_orders_raw failed (ClickHouse 6 CANNOT_PARSE_TEXT)')
    expect(error).toMatchObject({ table: 'stg_qtickets_api_orders_raw', code: '6', type: 'CANNOT_PARSE_TEXT' })
    expect((error as SinkError).cause).toBeUndefined() // the raw error quotes the data: it is not kept
    expect(toFailure('orders', error)).toEqual({ resource: 'orders', kind: 'sink', message: 'reading stored order versions from stg_qtickets_api_orders_raw failed (ClickHouse 6 CANNOT_PARSE_TEXT)' })
  })

  it('names the transport failure when ClickHouse did not answer', () => {
    const error = readError('stored rows', 'dim_clients', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    expect((error as SinkError).message).toBe('reading stored rows from dim_clients failed (ECONNRESET)')
  })

  it('leaves a SinkError and an error that is not a ClickHouse failure (a bug) as they are', () => {
    const sinkError = new SinkError('query', 'already converted')
    expect(readError('stored rows', 'dim_events', sinkError)).toBe(sinkError)
    const bug = new TypeError('rows.map is not a function')
    expect(readError('stored rows', 'dim_events', bug)).toBe(bug)
  })
})
