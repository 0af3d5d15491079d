/**
 * Instants a column cannot keep are clamped by ClickHouse without an error, so the sink refuses them before sending.
 * Checked against the real embedded engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SinkError } from './errors'
import { insertSettings } from './insert'
import type { OrderRow, ShowRow } from './rows'
import type { Sink } from './sink'
import { openSink, removeDir, rowsOf, tmpDir } from '../test/engine'

const dataDir = tmpDir()
let sink: Sink

beforeAll(async () => {
  sink = await openSink(dataDir)
})

afterAll(async () => {
  await sink?.close()
  removeDir(dataDir)
})

function order(order_id: number, changes: Partial<OrderRow> = {}): OrderRow {
  return {
    tenant: 'org_a', order_id, uniqid: `u${order_id}`, payed: true,
    payed_at: '2025-11-10T12:15:31+03:00', created_at: '2025-11-10T12:14:05+03:00', updated_at: '2025-11-10T12:15:33+03:00', deleted_at: null,
    price: 2500, original_price: 2500, currency_id: 'RUB', event_id: 510001, client_id: 640011, client_email_hash: null, client_phone_hash: null,
    discount_id: null, promo_code_id: null, payment_type_id: 'card', _ver: 1, ...changes,
  }
}

function show(show_id: number, changes: Partial<ShowRow> = {}): ShowRow {
  return {
    tenant: 'org_a', show_id, event_id: 510001, is_active: true, city_timezone: 'Europe/Moscow',
    open_at: '2025-12-05T18:00:00+03:00', start_at: '2025-12-05T19:00:00+03:00', finish_at: '2025-12-05T21:30:00+03:00',
    created_at: null, updated_at: null, deleted_at: null, _ver: 1, ...changes,
  }
}

/** Writes a row straight through the client, as the sink would without its check. */
async function rawInsert(table: string, row: object, token: string): Promise<void> {
  await sink.client.insert({ table: `${sink.database}.${table}`, values: [row], format: 'JSONEachRow', clickhouse_settings: insertSettings(token) })
}

async function storedOrder(orderId: number): Promise<{ payed_at: string; updated_at: string } | undefined> {
  const rows = await rowsOf<{ payed_at: string; updated_at: string }>(
    sink,
    'SELECT toString(payed_at) AS payed_at, toString(updated_at) AS updated_at FROM stg_qtickets_api_orders_raw WHERE order_id = {id:UInt64}',
    { id: orderId },
  )
  return rows[0]
}

async function storedShow(showId: number): Promise<{ open_at: string; start_at: string; start_local: string } | undefined> {
  const rows = await rowsOf<{ open_at: string; start_at: string; start_local: string }>(
    sink,
    'SELECT toString(open_at) AS open_at, toString(start_at) AS start_at, toString(start_local) AS start_local FROM dim_shows WHERE show_id = {id:UInt64}',
    { id: showId },
  )
  return rows[0]
}

async function orderCount(ids: number[]): Promise<number> {
  const rows = await rowsOf<{ n: string }>(sink, 'SELECT count() AS n FROM stg_qtickets_api_orders_raw WHERE order_id IN {ids:Array(UInt64)}', { ids })
  return Number(rows[0]?.n)
}

describe('what the engine does with instants a column cannot keep (why the sink checks)', () => {
  it('clamps an instant past 9999-12-31T23:59:59.999Z without an error', async () => {
    await rawInsert('stg_qtickets_api_orders_raw', order(1, { updated_at: '9999-12-31T23:59:59-12:00' }), 'raw-1')
    // The instant is 10000-01-01T11:59:59Z; the engine keeps the largest value it has.
    expect(await storedOrder(1)).toMatchObject({ updated_at: '9999-12-31 23:59:59.000' })
  })

  it('keeps 1899 and 2300 on this engine (26.7+), which older servers clamp to 1900-01-01 / 2299-12-31', async () => {
    await rawInsert('stg_qtickets_api_orders_raw', order(2, { payed_at: '1899-12-31T23:59:59Z', updated_at: '2300-01-01T00:00:00Z' }), 'raw-2')
    expect(await storedOrder(2)).toEqual({ payed_at: '1899-12-31 23:59:59.000', updated_at: '2300-01-01 00:00:00.000' })
  })

  it("clamps a show's local wall time (a DateTime column) outside 1970 … 2106 without an error", async () => {
    await rawInsert('dim_shows', show(1, { start_at: '2200-01-01T00:00:00Z' }), 'raw-3')
    await rawInsert('dim_shows', show(2, { start_at: '1960-01-01T00:00:00Z' }), 'raw-4')
    expect(await storedShow(1)).toMatchObject({ start_at: '2200-01-01 00:00:00.000', start_local: '2106-02-07 06:28:15' })
    expect(await storedShow(2)).toMatchObject({ start_at: '1960-01-01 00:00:00.000', start_local: '1970-01-01 00:00:00' })
  })
})

describe('sink.insert and instants outside what the column keeps', () => {
  it('refuses each before sending anything, naming table, column, row and the timestamp', async () => {
    const outside: Array<[keyof OrderRow, string]> = [
      ['updated_at', '9999-12-31T23:59:59-12:00'],
      ['payed_at', '2300-01-01T00:00:00Z'],
      ['created_at', '1899-12-31T23:59:59.999Z'],
      ['deleted_at', '1900-01-01T02:59:59+03:00'],
    ]
    for (const [n, [column, value]] of outside.entries()) {
      const ids = [100 + 2 * n, 101 + 2 * n]
      const error = await sink.writeOrders([order(ids[0] as number), order(ids[1] as number, { [column]: value })], { batchRows: 1 }).catch((e: unknown) => e)
      expect(error, value).toBeInstanceOf(SinkError)
      expect(error, value).toMatchObject({ kind: 'validation', table: 'stg_qtickets_api_orders_raw', column, rowIndex: 1 })
      expect((error as SinkError).message).toMatch(new RegExp(`^stg_qtickets_api_orders_raw: column ${column} of row 1 is ${value.replace('+', '\\+')}, outside 1900-01-01T00:00:00.000Z … 2299-12-31T23:59:59.999Z`))
      expect(await orderCount(ids), value).toBe(0)
    }
  })

  it('stores the boundaries exactly', async () => {
    await sink.writeOrders([order(200, { payed_at: '1900-01-01T03:00:00+03:00', updated_at: '2299-12-31T23:59:59.999Z' })])
    expect(await storedOrder(200)).toEqual({ payed_at: '1900-01-01 00:00:00.000', updated_at: '2299-12-31 23:59:59.999' })
  })

  it("refuses a show start or finish whose local wall time the DateTime column would clamp, and keeps other show instants' full range", async () => {
    const late = await sink.writeShows([show(10, { start_at: '2200-01-01T00:00:00Z' })]).catch((e: unknown) => e)
    expect(late).toMatchObject({ kind: 'validation', table: 'dim_shows', column: 'start_at', rowIndex: 0 })
    expect((late as SinkError).message).toMatch(/^dim_shows: column start_at of row 0 is 2200-01-01T00:00:00Z, outside 1970-01-02T00:00:00.000Z … 2106-02-06T00:00:00.000Z/)
    const early = await sink.writeShows([show(11), show(12, { finish_at: '1969-12-31T21:00:00-05:00' })]).catch((e: unknown) => e)
    expect(early).toMatchObject({ kind: 'validation', table: 'dim_shows', column: 'finish_at', rowIndex: 1 })
    expect(await storedShow(10)).toBeUndefined()
    expect(await storedShow(11)).toBeUndefined()

    await sink.writeShows([show(13, { open_at: '2200-01-01T00:00:00Z', start_at: '2106-02-06T00:00:00Z', finish_at: '2106-02-06T00:00:00Z' })])
    expect(await storedShow(13)).toEqual({ open_at: '2200-01-01 00:00:00.000', start_at: '2106-02-06 00:00:00.000', start_local: '2106-02-06 03:00:00' })
  })
})
