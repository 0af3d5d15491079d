import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPiiHasher, normalizeEmail, normalizePhone } from './pii'
import { openSink, removeDir, rowsOf, tmpDir } from '../test/engine'
import type { Sink } from './sink'
import type { BasketRow, ClientRow, OrderRow, PartnerTicketRow } from './rows'

const fixtures = new URL('../../../fixtures/qtickets/', import.meta.url)
const readJson = (name: string) => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8'))
const apiOrders: any[] = [...readJson('orders.page1.json').data, ...readJson('orders.page2.json').data]
const apiClients: any[] = readJson('clients.page1.json').data
const partnerTickets: any[] = readJson('partners.tickets.find.json').result
const KEY = 'test-pepper-not-a-secret'
const hasher = createPiiHasher(KEY)

/** Every value stored under a key mentioning e-mail or phone anywhere in the given fixture documents. */
function personalValues(documents: unknown[]): string[] {
  const found = new Set<string>()
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string' && /email|phone/i.test(key) && value !== '') found.add(value)
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key))
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k)
  }
  documents.forEach((d) => walk(d))
  return [...found]
}

const orderRow = (o: any): OrderRow => ({
  tenant: 'org_a', order_id: o.id, uniqid: o.uniqid, payed: o.payed, payed_at: o.payed_at, created_at: o.created_at, updated_at: o.updated_at,
  deleted_at: o.deleted_at, price: o.price, original_price: o.original_price, currency_id: o.currency_id, event_id: o.event_id,
  client_id: o.client_id, client_email_hash: hasher.email(o.client.email), client_phone_hash: hasher.phone(o.client.details.phone),
  discount_id: o.discount_id, promo_code_id: o.promo_code_id, payment_type_id: o.payment_type_id, _ver: 1,
})
const basketRows = (o: any): BasketRow[] =>
  o.baskets.map((b: any) => ({
    tenant: 'org_a', basket_id: b.id, order_id: o.id, event_id: o.event_id, show_id: b.show_id, seat_id: b.seat_id, price: b.price,
    original_price: b.original_price, discount_value: b.discount_value ?? 0, service_fee_amount: b.service_fee_amount, quantity: b.quantity,
    deleted_at: b.deleted_at, refunded_at: b.refunded_at, refunded_amount: b.refunded_amount, checked_at: b.checked_at,
    created_at: b.created_at, updated_at: b.updated_at, _ver: 1,
  }))
const clientRow = (c: any): ClientRow => ({
  tenant: 'org_a', client_id: c.id, email_hash: hasher.email(c.email), phone_hash: hasher.phone(c.details.phone), _ver: 1,
})
const partnerTicketRow = (t: any): PartnerTicketRow => ({
  tenant: 'org_a', ticket_id: String(t.id), event_id: 510001, show_id: null, paid: t.paid === 1, paid_at: t.paid_at, deleted: t.deleted === 1,
  seat_id: t.seat_id, offer_id: t.offer_id, admission: t.admission, reserved_to: t.reserved_to, external_id: t.external_id,
  external_order_id: t.external_order_id, barcode: t.barcode, price: t.price, client_email_hash: hasher.email(t.client_email),
  client_phone_hash: hasher.phone(t.client_phone), _ver: 1,
})

const dataDir = tmpDir()
let sink: Sink

beforeAll(async () => {
  sink = await openSink(dataDir, { piiHashKey: KEY })
  await sink.writeOrders(apiOrders.map(orderRow))
  await sink.writeBaskets(apiOrders.flatMap(basketRows))
  await sink.writeClients(apiClients.map(clientRow))
  await sink.writePartnerTickets(partnerTickets.map(partnerTicketRow))
  await sink.startRun({ job: 'run', tenant: 'org_a', runId: 'pii-run' })
  await sink.finishRun({ job: 'run', tenant: 'org_a', runId: 'pii-run', status: 'ok', rowsByResource: { orders: apiOrders.length } })
})

afterAll(async () => {
  await sink?.close()
  removeDir(dataDir)
})

describe('personal data in storage', () => {
  it('never holds a fixture e-mail or phone in clear text in any string column of any table', async () => {
    const values = personalValues([...apiOrders, ...apiClients, ...partnerTickets])
    expect(values.length).toBeGreaterThan(20)
    const needles = [...new Set(values.flatMap((v) => [v, normalizeEmail(v), normalizePhone(v)]).filter((v): v is string => !!v && v.length >= 6))]
    const columns = await rowsOf<{ table: string; name: string }>(
      sink,
      "SELECT table, name FROM system.columns WHERE database = {db:String} AND type LIKE '%String%' AND table NOT LIKE 'v\\_%' ORDER BY table, name",
      { db: sink.database },
    )
    expect(new Set(columns.map((c) => c.table)).size).toBeGreaterThanOrEqual(15)
    const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/
    let searched = 0
    for (const { table, name } of columns) {
      expect(identifier.test(table) && identifier.test(name)).toBe(true)
      const hits = await rowsOf<{ n: number }>(
        sink,
        `SELECT count() AS n FROM ${sink.database}.${table} WHERE multiSearchAnyCaseInsensitiveUTF8(toString(${name}), {needles:Array(String)})`,
        { needles },
      )
      expect(Number(hits[0]?.n), `${table}.${name}`).toBe(0)
      searched++
    }
    expect(searched).toBe(columns.length)
  })

  it('stores keyed hashes that join the same person across tables', async () => {
    const rows = await rowsOf<{ n: number }>(
      sink,
      `SELECT count() AS n FROM stg_qtickets_api_orders_raw AS o FINAL
       INNER JOIN stg_qtickets_api_clients_raw AS c FINAL ON c.tenant = o.tenant AND c.email_hash = o.client_email_hash
       WHERE o.client_id = c.client_id`,
    )
    // Every fixture order whose buyer is listed in clients.page1.json.
    const expected = apiOrders.filter((o) => apiClients.some((c) => c.id === o.client_id)).length
    expect(Number(rows[0]?.n)).toBe(expected)
    expect(expected).toBeGreaterThan(0)
    const hashes = await rowsOf<{ h: string }>(sink, 'SELECT client_email_hash AS h FROM stg_qtickets_api_orders_raw FINAL WHERE order_id = 2750101')
    expect(hashes[0]?.h).toMatch(/^[0-9a-f]{64}$/)
  })
})
