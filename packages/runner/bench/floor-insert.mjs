#!/usr/bin/env node
// Floor (b) of the bench: the same order and basket rows inserted into a fresh embedded database (created by the
// sink's migrations) with one plain `client.insert({ table, values, format: 'JSONEachRow' })` per batch — no dedup
// token, no validation, no retries. Batches follow the sink's bounds (50 000 rows or 16 MiB): one INSERT of a whole
// 1M-order table would not fit in memory, because chDB materialises an insert body as one string.
// Only the insert calls are timed; each batch is prepared (read and parsed) before its clock starts.
//
// Rows come from the loader's own tables (--source-database, the same data directory, after the loader exited),
// or, without a loader, from simulator pages mapped by a minimal mapping (--generate-orders <n>).
// Prints one JSON line: { source, tables: { orders: {...}, baskets: {...} }, insertSeconds, insertCpuSeconds, … }.
import { parseArgs } from 'node:util'
import { createSink, DEFAULT_BATCH_LIMITS } from '@zakaz/clickhouse-sink'
import { cpuSeconds, peakRssMB } from './lib/usage.mjs'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    database: { type: 'string' },
    'source-database': { type: 'string' },
    'generate-orders': { type: 'string' },
  },
})
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
for (const name of ['database', 'source-database']) {
  if (values[name] !== undefined && !IDENTIFIER.test(values[name])) throw new Error(`floor-insert: --${name} must be an identifier, got "${values[name]}"`)
}
if (!values['data-dir'] || !values.database) throw new Error('floor-insert: --data-dir and --database are required')

const TABLES = [
  { name: 'stg_qtickets_api_orders_raw', key: 'orders' },
  { name: 'stg_qtickets_api_baskets_raw', key: 'baskets' },
]
const EXPORT_ROWS = DEFAULT_BATCH_LIMITS.maxRows

const sink = await createSink({ dataDir: values['data-dir'], database: values.database, logger: { warn() {} } })
await sink.migrate()
const client = sink.client

/** Splits parsed rows (with their JSON line lengths) into batches within the sink's row and byte bounds. */
function* boundedBatches(rows, lineBytes) {
  let start = 0
  let bytes = 0
  for (let i = 0; i < rows.length; i++) {
    if (i > start && (i - start >= DEFAULT_BATCH_LIMITS.maxRows || bytes + lineBytes[i] > DEFAULT_BATCH_LIMITS.maxBytes)) {
      yield rows.slice(start, i)
      start = i
      bytes = 0
    }
    bytes += lineBytes[i]
  }
  if (start < rows.length) yield rows.slice(start)
}

/** Reads the loader's rows of one table in order_id keyset chunks (all versions of an order stay together). */
async function* exportedChunks(sourceDb, table) {
  let after = -1
  for (;;) {
    const result = await client.query({
      query: `SELECT * EXCEPT (_loaded_at${table === 'stg_qtickets_api_baskets_raw' ? ', zone' : ''}) FROM ${sourceDb}.${table}
              WHERE order_id > {after:Int64} ORDER BY order_id LIMIT {rows:UInt32} WITH TIES`,
      query_params: { after, rows: EXPORT_ROWS },
      format: 'JSONEachRow',
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
    })
    const lines = (await result.text()).split('\n').filter((line) => line !== '')
    if (lines.length === 0) return
    const rows = lines.map((line) => JSON.parse(line))
    yield { rows, lineBytes: lines.map((line) => Buffer.byteLength(line) + 1) }
    after = Number(rows[rows.length - 1].order_id)
  }
}

/** Without a loader: order and basket rows from simulator pages, mapped minimally to the sink's row shapes. */
async function* generatedChunks(orders, table) {
  const { createSimulator } = await import('@zakaz/qtickets-sdk/testing')
  const sim = createSimulator({ seed: 'bench', tenants: [{ name: 'bench', token: 'bench-sim-token-1', orders }], maxRecordedRequests: 10 })
  const headers = { authorization: 'Bearer bench-sim-token-1' }
  const readAt = Date.now()
  const hash = (value) => (value ? 'f'.repeat(64) : null)
  let rows = []
  for (let page = 1; ; page++) {
    const { data } = JSON.parse(sim.handle({ method: 'GET', url: '/api/rest/v1/orders', headers, body: { page, perPage: 1000 } }).body)
    for (const o of data) {
      if (table === 'stg_qtickets_api_orders_raw') {
        rows.push({
          tenant: 'default', order_id: o.id, uniqid: o.uniqid, payed: Boolean(o.payed), payed_at: o.payed_at, created_at: o.created_at,
          updated_at: o.updated_at, deleted_at: o.deleted_at, price: o.price, original_price: o.original_price, currency_id: o.currency_id,
          event_id: o.event_id, client_id: o.client_id, client_email_hash: hash(o.client?.email), client_phone_hash: hash(o.client?.details?.phone),
          discount_id: o.discount_id, promo_code_id: o.promo_code_id, payment_type_id: o.payment_type_id, reserved: Boolean(o.reserved), _ver: readAt,
        })
      } else {
        for (const b of o.baskets) {
          rows.push({
            tenant: 'default', basket_id: b.id, order_id: o.id, event_id: o.event_id, show_id: b.show_id, seat_id: b.seat_id,
            multiprice_code: b.multiprice_code, price: b.price, original_price: b.original_price, discount_value: b.discount_value,
            service_fee_amount: b.service_fee_amount, quantity: b.quantity, deleted_at: b.deleted_at, refunded_at: b.refunded_at,
            refunded_amount: b.refunded_amount, checked_at: b.checked_at, created_at: b.created_at, updated_at: b.updated_at, _ver: readAt,
          })
        }
      }
    }
    if (rows.length >= EXPORT_ROWS || data.length < 1000) {
      if (rows.length > 0) yield { rows, lineBytes: rows.map((row) => Buffer.byteLength(JSON.stringify(row)) + 1) }
      rows = []
    }
    if (data.length < 1000) return
  }
}

async function insertTable(table, chunks) {
  const figures = { rows: 0, batches: 0, seconds: 0, cpuSeconds: 0 }
  for await (const chunk of chunks) {
    for (const batch of boundedBatches(chunk.rows, chunk.lineBytes)) {
      const cpuBefore = cpuSeconds()
      const started = process.hrtime.bigint()
      await client.insert({ table: `${values.database}.${table}`, values: batch, format: 'JSONEachRow' })
      figures.seconds += Number(process.hrtime.bigint() - started) / 1e9
      figures.cpuSeconds += cpuSeconds() - cpuBefore
      figures.rows += batch.length
      figures.batches += 1
    }
  }
  return figures
}

/** What the loader left in its database: rows, distinct orders, tickets. */
async function sourceCounts(sourceDb) {
  const result = await client.query({
    query: `SELECT
              (SELECT count() FROM ${sourceDb}.stg_qtickets_api_orders_raw) AS order_rows,
              (SELECT uniqExact(order_id) FROM ${sourceDb}.stg_qtickets_api_orders_raw) AS orders,
              (SELECT count() FROM ${sourceDb}.stg_qtickets_api_baskets_raw) AS basket_rows,
              (SELECT uniqExact(order_id, basket_id) FROM ${sourceDb}.stg_qtickets_api_baskets_raw) AS baskets,
              (SELECT sum(quantity) FROM ${sourceDb}.stg_qtickets_api_baskets_raw) AS quantity`,
    format: 'JSONEachRow',
    clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
  })
  const [row] = await result.json()
  return row
}

const sourceDb = values['source-database']
const generate = values['generate-orders'] === undefined ? null : Number(values['generate-orders'])
if (!sourceDb && !generate) throw new Error('floor-insert: give --source-database <db> or --generate-orders <n>')
const tables = {}
for (const { name, key } of TABLES) {
  tables[key] = await insertTable(name, sourceDb ? exportedChunks(sourceDb, name) : generatedChunks(generate, name))
}
const source = sourceDb ? await sourceCounts(sourceDb) : null
await sink.close()
process.stdout.write(
  `${JSON.stringify({
    source,
    tables,
    insertSeconds: tables.orders.seconds + tables.baskets.seconds,
    insertCpuSeconds: tables.orders.cpuSeconds + tables.baskets.cpuSeconds,
    peakRssMB: peakRssMB(),
  })}\n`,
)
