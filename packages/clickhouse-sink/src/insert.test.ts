import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSink } from './sink'
import { memoryLogger, openSink, removeDir, rowsOf, tmpDir } from '../test/engine'
import type { Sink } from './sink'
import type { ClientRow, OrderRow } from './rows'
import { SinkError } from './errors'

const dataDir = tmpDir()
let sink: Sink

beforeAll(async () => {
  sink = await openSink(dataDir)
  // Background merges would also collapse duplicates; stop them so counts without FINAL show what was inserted.
  await sink.client.command({ query: `SYSTEM STOP MERGES ${sink.database}.stg_qtickets_api_orders_raw` })
})

afterAll(async () => {
  await sink?.close()
  removeDir(dataDir)
})

function order(order_id: number, changes: Partial<OrderRow> = {}): OrderRow {
  return {
    tenant: 'org_a',
    order_id,
    uniqid: `u${order_id}`,
    payed: true,
    payed_at: '2025-11-10T12:15:31+03:00',
    created_at: '2025-11-10T12:14:05+03:00',
    updated_at: '2025-11-10T12:15:33+03:00',
    deleted_at: null,
    price: 2500,
    original_price: 2500,
    currency_id: 'RUB',
    event_id: 510001,
    client_id: 640011,
    client_email_hash: null,
    client_phone_hash: null,
    discount_id: null,
    promo_code_id: null,
    payment_type_id: 'card',
    _ver: 1,
    ...changes,
  }
}

const countRaw = async (table: string, where = '1'): Promise<number> => {
  const rows = await rowsOf<{ n: number }>(sink, `SELECT count() AS n FROM ${table} WHERE ${where}`)
  return Number(rows[0]?.n)
}

describe('sink.insert', () => {
  it('drops a repeated batch: the same rows twice leave one copy (counted without FINAL)', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => order(1000 + i))
    const first = await sink.writeOrders(rows, { batchRows: 3 })
    const second = await sink.writeOrders(rows, { batchRows: 3 })
    expect(first).toEqual({ table: 'stg_qtickets_api_orders_raw', rows: 10, batches: 4 })
    expect(second).toEqual(first)
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id BETWEEN 1000 AND 1009')).toBe(10)
    // The tokens do the work, not merges: split differently, the same rows are new batches and land again.
    await sink.writeOrders(rows, { batchRows: 5 })
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id BETWEEN 1000 AND 1009')).toBe(20)
    expect(await countRaw('stg_qtickets_api_orders_raw FINAL', 'order_id BETWEEN 1000 AND 1009')).toBe(10)
  })

  it('keeps the highest _ver per key: a newer order version replaces the older one', async () => {
    await sink.writeOrders([order(2000, { payed: false, payed_at: null, _ver: 1 })])
    await sink.writeOrders([order(2000, { deleted_at: '2025-11-12T10:00:00+03:00', _ver: 2 })])
    await sink.writeOrders([order(2000, { payed: false, payed_at: null, _ver: 1 })]) // a stale re-read arrives late
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id = 2000')).toBe(2)
    const final = await rowsOf<{ payed: boolean; deleted_at: string | null; _ver: number }>(
      sink,
      'SELECT payed, toString(deleted_at) AS deleted_at, _ver FROM stg_qtickets_api_orders_raw FINAL WHERE order_id = 2000',
    )
    expect(final).toEqual([{ payed: true, deleted_at: '2025-11-12 07:00:00.000', _ver: 2 }])
  })

  it('streams an async iterable in batches bounded by rows and bytes', async () => {
    async function* generate() {
      for (let i = 0; i < 25; i++) yield { tenant: 'org_a', client_id: 3000 + i, email_hash: 'e'.repeat(64), phone_hash: null, _ver: 1 } satisfies ClientRow
    }
    expect(await sink.writeClients(generate(), { batchRows: 10 })).toMatchObject({ rows: 25, batches: 3 })
    // Each serialized row is ~130 bytes, so a 300-byte bound allows two rows per batch.
    expect(await sink.writeClients(generate(), { batchBytes: 300, batchRows: 1000 })).toMatchObject({ rows: 25, batches: 13 })
    expect(await countRaw('stg_qtickets_api_clients_raw FINAL', 'client_id BETWEEN 3000 AND 3024')).toBe(25)
  })

  it('stores money exactly as Decimal(18, 2)', async () => {
    await sink.writeOrders([order(2100, { price: 1222.03, original_price: 0.1 + 0.2 })])
    const rows = await rowsOf<{ price: string; original_price: string }>(
      sink,
      'SELECT toString(price) AS price, toString(original_price) AS original_price FROM stg_qtickets_api_orders_raw FINAL WHERE order_id = 2100',
    )
    expect(rows).toEqual([{ price: '1222.03', original_price: '0.3' }])
  })

  it('turns a value ClickHouse cannot parse into a SinkError naming table, column and batch, without the value', async () => {
    const rows = [order(2200), order(2201), order(2202, { price: 'abc' as unknown as number })]
    const error = await sink.writeOrders(rows, { batchRows: 2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SinkError)
    expect(error).toMatchObject({ kind: 'insert', table: 'stg_qtickets_api_orders_raw', column: 'price', batchIndex: 1, code: '27', ambiguous: false })
    expect((error as SinkError).message).toMatch(/^insert into stg_qtickets_api_orders_raw failed at batch 1 \(1 rows, column price\): ClickHouse 27/)
    expect((error as SinkError).message).not.toContain('abc')
    expect((error as SinkError).cause).toBeUndefined()
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id IN (2200, 2201, 2202)')).toBe(2)
  })

  it('refuses fields that have no column (no place for names or raw payloads)', async () => {
    const row = { ...order(2300), client_email: 'anna.primerova@example.org' }
    const error = await sink.writeOrders([row]).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'insert', column: 'client_email', code: '117' })
    expect((error as SinkError).message).not.toContain('example.org')
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id = 2300')).toBe(0)
  })

  it('rejects a zone-less timestamp before sending anything, naming column and row', async () => {
    const error = await sink.writeOrders([order(2400), order(2401, { payed_at: '2025-11-10 12:15:31' })]).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'validation', table: 'stg_qtickets_api_orders_raw', column: 'payed_at', rowIndex: 1 })
    expect((error as SinkError).message).not.toContain('2025-11-10 12:15:31')
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id IN (2400, 2401)')).toBe(0)
  })

  it('accepts only the known tables', async () => {
    const hostile = "stg_qtickets_api_orders_raw; DROP TABLE meta_sync_state; --"
    await expect(sink.insert(hostile as 'dim_events', [])).rejects.toMatchObject({ kind: 'validation', message: expect.stringMatching(/^unknown table/) })
    await expect(sink.insert('meta_sync_state' as 'dim_events', [])).rejects.toThrow(/unknown table/)
    expect(await countRaw('meta_sync_state')).toBe(0)
  })

  it('names the table and the ClickHouse code when the table is gone', async () => {
    await sink.client.command({ query: `DROP TABLE ${sink.database}.stg_qtickets_api_color_themes_raw` })
    const error = await sink.writeColorThemes([{ tenant: 'org_a', color_theme_id: 8, color: '#ff0000', _ver: 1 }]).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'insert', table: 'stg_qtickets_api_color_themes_raw', batchIndex: 0, code: '60', type: 'UNKNOWN_TABLE' })
  })
})

describe('an insert that times out', () => {
  it('is retried with the same dedup token, reported as ambiguous, lands once, and a later retry adds nothing', async () => {
    const logger = memoryLogger()
    const impatient = await createSink({ dataDir, database: sink.database, requestTimeoutMs: 1, insertAttempts: 3, logger })
    // ~8.5 MB: one batch under the 16 MiB default, so every attempt carries the same token.
    const rows = Array.from({ length: 20_000 }, (_, i) => order(100_000 + i))
    try {
      const error = await impatient.writeOrders(rows).catch((e: unknown) => e)
      expect(error).toMatchObject({ kind: 'insert', table: 'stg_qtickets_api_orders_raw', batchIndex: 0, ambiguous: true })
      expect((error as SinkError).message).toMatch(/may have landed/)
      expect(logger.lines.filter((l) => l.message.includes('retrying with the same dedup token'))).toHaveLength(2)
    } finally {
      await impatient.close() // waits until the engine has finished the abandoned attempts
    }
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id >= 100000')).toBe(20_000)
    expect(await sink.writeOrders(rows)).toMatchObject({ rows: 20_000, batches: 1 })
    expect(await countRaw('stg_qtickets_api_orders_raw', 'order_id >= 100000')).toBe(20_000)
  })
})
