import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createSimulatorServer } from './server'
import { createSimulator } from './simulator'
import { send } from './test-support'

const sim = createSimulator({ seed: 8, tenants: [{ name: 'main', token: 'tok', orders: 60 }, { name: 'second', token: 'tok-2', orders: 10 }] })
const server = createSimulatorServer(sim)
let base = ''

beforeAll(async () => {
  base = (await server.listen()).restUrl
})
afterAll(() => server.close())
afterEach(() => sim.faults.clear())

const get = (path: string, token = 'tok', body: unknown = { page: 1 }) => send(`${base}/${path}`, { token, body })

describe('faults through the loopback server', () => {
  it('status503 fails once, then the route recovers', async () => {
    sim.faults.add({ route: 'orders', kind: 'status503' })
    const failed = await get('orders')
    expect([failed.status, failed.body]).toEqual([503, '{"error":"Unknown error","status":503,"code":"UNKNOWN_ERROR","info":[]}'])
    expect((await get('orders')).status).toBe(200)
    expect(sim.requests.at(-2)).toMatchObject({ status: 503, fault: 'status503' })
  })

  it('status429 carries Retry-After', async () => {
    sim.faults.add({ route: 'orders', kind: 'status429', retryAfterSeconds: 7 })
    const answer = await get('orders')
    expect(answer.status).toBe(429)
    expect(answer.headers['retry-after']).toBe('7')
  })

  it('status answers any status code', async () => {
    sim.faults.add({ route: 'events', kind: 'status', status: 502 })
    expect((await get('events')).status).toBe(502)
  })

  it('latency delays the answer past a client timeout', async () => {
    sim.faults.add({ route: 'orders', kind: 'latency', ms: 3000 })
    const controller = new AbortController()
    const pending = fetch(`${base}/orders`, { headers: { authorization: 'Bearer tok' }, signal: AbortSignal.any([controller.signal, AbortSignal.timeout(150)]) })
    await expect(pending).rejects.toThrow()
    const quick = await fetch(`${base}/orders`, { headers: { authorization: 'Bearer tok' }, signal: AbortSignal.timeout(2000) })
    expect(quick.status).toBe(200)
  })

  it('reset drops the connection without an answer', async () => {
    sim.faults.add({ route: 'orders', kind: 'reset' })
    await expect(get('orders')).rejects.toThrow()
    expect(sim.requests.at(-1)).toMatchObject({ status: 0, fault: 'reset' })
    expect((await get('orders')).status).toBe(200)
  })

  it('truncate cuts the body at N bytes (clean end) or drops the connection mid-body (abort)', async () => {
    sim.faults.add({ route: 'orders', kind: 'truncate', bytes: 100 })
    const cut = await get('orders')
    expect(cut.status).toBe(200)
    expect(Buffer.byteLength(cut.body)).toBe(100)
    expect(() => JSON.parse(cut.body)).toThrow()
    sim.faults.add({ route: 'orders', kind: 'truncate' })
    const half = await get('orders')
    const full = await get('orders')
    expect(Buffer.byteLength(half.body)).toBe(Math.floor(Buffer.byteLength(full.body) / 2))
    sim.faults.add({ route: 'orders', kind: 'truncate', bytes: 100, abort: true })
    await expect(get('orders')).rejects.toThrow()
  })

  it('html answers an HTML error page with a 5xx or 200 status', async () => {
    sim.faults.add({ route: 'orders', kind: 'html' })
    const bad = await get('orders')
    expect([bad.status, bad.contentType]).toEqual([502, 'text/html; charset=UTF-8'])
    expect(bad.body).toContain('<html>')
    sim.faults.add({ route: 'orders', kind: 'html', status: 200 })
    const ok = await get('orders')
    expect([ok.status, ok.contentType]).toEqual([200, 'text/html; charset=UTF-8'])
  })

  it('wrongType replaces one field of one record with a wrong type', async () => {
    sim.faults.add({ route: 'orders', kind: 'wrongType' })
    const first = JSON.parse((await get('orders')).body)
    expect(first.data[0].payed_at).toBe(12345)
    expect(typeof first.data[1].payed_at === 'string' || first.data[1].payed_at === null).toBe(true)
    sim.faults.add({ route: 'orders', kind: 'wrongType', field: 'price', index: 2 })
    expect(JSON.parse((await get('orders')).body).data[2].price).toBe('abc')
    sim.faults.add({ route: /^orders\/\d+$/, kind: 'wrongType', field: 'baskets.0.quantity', value: null })
    const id = first.data[0].id
    expect(JSON.parse((await get(`orders/${id}`)).body).data.baskets[0].quantity).toBeNull()
  })

  it('after and times choose which matching requests fail', async () => {
    sim.faults.add({ route: 'orders', kind: 'status503', after: 2, times: 2 })
    const statuses = []
    for (let n = 0; n < 6; n++) statuses.push((await get('orders')).status)
    expect(statuses).toEqual([200, 200, 503, 503, 200, 200])
  })

  it('an outage fails every matching request until it ends, leaving other routes alone', async () => {
    const outage = sim.faults.outage({ route: 'orders' })
    for (let n = 0; n < 3; n++) expect((await get('orders')).status).toBe(503)
    expect((await get('events')).status).toBe(200)
    expect(outage.fired).toBe(3)
    outage.remove()
    expect((await get('orders')).status).toBe(200)
    sim.faults.outage({ requests: 2 })
    expect([(await get('events')).status, (await get('clients')).status, (await get('clients')).status]).toEqual([503, 503, 200])
  })

  it('matches by predicate and tenant', async () => {
    sim.faults.add({ route: (r) => r.method === 'GET' && r.route.startsWith('clients'), tenant: 'second', kind: 'status503', times: 'always' })
    expect((await get('clients')).status).toBe(200)
    expect((await get('clients', 'tok-2')).status).toBe(503)
    expect((await get('clients', 'tok-2')).status).toBe(503)
    expect(sim.faults.list()).toHaveLength(1)
  })

  it('fires probabilistic faults deterministically', async () => {
    const pattern = async () => {
      const local = createSimulator({ seed: 99, tenants: [{ name: 'p', token: 'p', orders: 5 }] })
      local.faults.add({ route: 'orders', kind: 'status503', times: 'always', probability: 0.5 })
      return Array.from({ length: 20 }, () => local.handle({ url: '/api/rest/v1/orders', headers: { authorization: 'Bearer p' } }).status)
    }
    const one = await pattern()
    expect(one).toContain(503)
    expect(one).toContain(200)
    expect(await pattern()).toEqual(one)
  })
})
