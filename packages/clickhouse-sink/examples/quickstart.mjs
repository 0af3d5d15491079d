// Run from packages/clickhouse-sink after `pnpm build`: node examples/quickstart.mjs
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSink, sinkConfigFromEnv } from '@zakaz/clickhouse-sink'

const dataDir = mkdtempSync(join(tmpdir(), 'zakaz-quickstart-'))
// CLICKHOUSE_URL unset → embedded chDB in dataDir.
const sink = await createSink({ ...sinkConfigFromEnv(), dataDir, piiHashKey: 'demo-pepper' })
try {
  console.log('applied', (await sink.migrate()).map((m) => m.name))

  const tenant = 'demo-org'
  const runId = `run-${Date.now()}`
  await sink.startRun({ job: 'quickstart', tenant, runId })

  await sink.writeEvents([{
    tenant, event_id: 510002, name: 'Стендап «Черновик»', is_active: true, city_id: 57, city_name: 'Красноярск',
    city_timezone: 'Asia/Krasnoyarsk', currency_id: 'RUB', created_at: null, updated_at: null, deleted_at: null, _ver: 1,
  }])
  const order = (order_id, payed_at) => ({
    tenant, order_id, uniqid: null, payed: true, payed_at, created_at: payed_at, updated_at: payed_at, deleted_at: null,
    price: 1800, original_price: 1800, currency_id: 'RUB', event_id: 510002, client_id: 1,
    client_email_hash: sink.pii.email('Lev@Example.org'), client_phone_hash: sink.pii.phone('8 000 000-01-13'),
    discount_id: null, promo_code_id: null, payment_type_id: 'card', _ver: Date.parse(payed_at),
  })
  const basket = (basket_id, order_id) => ({
    tenant, basket_id, order_id, event_id: 510002, show_id: 730010, seat_id: 'PARTER-1;1', price: 1800, original_price: 1800,
    discount_value: 0, service_fee_amount: 0, quantity: 1, deleted_at: null, refunded_at: null, refunded_amount: null,
    checked_at: null, created_at: null, updated_at: null, _ver: 1,
  })
  // Both payments fall on Moscow date 2025-11-15 (one is 2025-11-14 in UTC, the other 2025-11-16 in its own offset).
  const orders = [order(2750145, '2025-11-15T00:20:05+03:00'), order(2750154, '2025-11-16T01:10:00+05:00')]
  const orderIds = orders.map((o) => o.order_id)

  const daysBefore = await sink.salesDaysOfOrders({ tenant, orderIds }) // days these orders were on before this load
  await sink.writeOrders(orders)
  await sink.writeOrders(orders) // a retried batch: dropped by its dedup token
  await sink.writeBaskets([basket(1, 2750145), basket(2, 2750154)])
  const daysAfter = await sink.salesDaysOfOrders({ tenant, orderIds })
  await sink.recomputeDailySales({ tenant, days: [...daysBefore, ...daysAfter] })
  await sink.setCursor(tenant, 'orders', '2025-11-16T01:10:00+05:00', runId) // only after the rows are committed

  console.table(await sink.readDailySales({ tenant }))
  await sink.finishRun({ job: 'quickstart', tenant, runId, status: 'ok', rowsByResource: { orders: 2, baskets: 2 } })
  console.log(await sink.lastRuns({ tenant, limit: 1 }))

  const result = await sink.client.query({
    query: 'SELECT sales_date, city, tickets, revenue FROM v_qtickets_sales_dashboard WHERE tenant = {tenant:String}',
    query_params: { tenant },
    format: 'JSONEachRow',
  })
  console.log(await result.json())
} finally {
  await sink.close()
  rmSync(dataDir, { recursive: true, force: true })
}
