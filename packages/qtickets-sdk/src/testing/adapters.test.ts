import { http, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSimulatorHandlers } from './msw'
import { createSimulatorServer } from './server'
import { createSimulator } from './simulator'
import { send, type RawAnswer } from './test-support'

const MSW_ORIGIN = 'https://qtickets.test'

// Two identical simulators: one behind MSW, one behind the loopback server.
const simForMsw = createSimulator({ seed: 11, tenants: [{ name: 'org', token: 'tok-a', orders: 120 }] })
const simForServer = createSimulator({ seed: 11, tenants: [{ name: 'org', token: 'tok-a', orders: 120 }] })
let mswServer: ReturnType<typeof setupServer>
const httpServer = createSimulatorServer(simForServer)
let serverOrigin = ''

beforeAll(async () => {
  serverOrigin = (await httpServer.listen()).url
  // MSW intercepts every node:http request, so the loopback server must be let through explicitly.
  mswServer = setupServer(
    ...createSimulatorHandlers(simForMsw, { baseUrl: `${MSW_ORIGIN}/api/rest/v1` }),
    http.all(`${serverOrigin}/*`, () => passthrough()),
  )
  mswServer.listen({ onUnhandledRequest: 'error' })
})

afterAll(async () => {
  mswServer.close()
  await httpServer.close()
})

const cases: Array<{ name: string; method?: string; path: string; token?: string; body?: unknown }> = [
  { name: 'orders with a GET body filter', path: '/api/rest/v1/orders', token: 'tok-a', body: { where: [{ column: 'payed', value: 1 }], orderBy: { id: 'desc' }, page: 1, perPage: 5 } },
  { name: 'orders with a query-string filter', path: `/api/rest/v1/orders?where=${encodeURIComponent(JSON.stringify([{ column: 'payed_at', operator: 'not null' }]))}&perPage=3`, token: 'tok-a' },
  { name: 'a missing token', path: '/api/rest/v1/orders', body: { page: 1 } },
  { name: 'an unknown route', path: '/api/rest/v1/events/510001/seats', token: 'tok-a' },
  { name: 'a POST on a read endpoint', method: 'POST', path: '/api/rest/v1/orders', token: 'tok-a', body: { where: [] } },
  { name: 'an unknown order id', path: '/api/rest/v1/orders/1', token: 'tok-a' },
  { name: 'a malformed filter', path: '/api/rest/v1/orders', token: 'tok-a', body: { where: [{ column: 'payed_at', operator: '>=', value: '2025-11-01T00:00:00+0300' }] } },
  { name: 'colour themes', path: '/api/rest/v1/color-themes', token: 'tok-a' },
  { name: 'flat seats', path: '/api/rest/v1/shows/730001/seats', token: 'tok-a', body: { flat: true, select: ['id', 'root_id', 'free_quantity'] } },
]

function comparable(answer: RawAnswer) {
  return { status: answer.status, contentType: answer.contentType, body: answer.body }
}

describe('MSW handlers and the loopback server', () => {
  it.each(cases)('answer $name identically', async ({ method, path, token, body }) => {
    const viaMsw = await send(`${MSW_ORIGIN}${path}`, { method, token, body })
    const viaServer = await send(`${serverOrigin}${path}`, { method, token, body })
    expect(comparable(viaMsw)).toEqual(comparable(viaServer))
  })

  it('reads the JSON body of a GET through MSW (the filter is applied)', async () => {
    const filtered = JSON.parse((await send(`${MSW_ORIGIN}/api/rest/v1/orders`, { token: 'tok-a', body: { where: [{ column: 'payed', value: 0 }], perPage: 1000 } })).body)
    const all = JSON.parse((await send(`${MSW_ORIGIN}/api/rest/v1/orders`, { token: 'tok-a', body: { perPage: 1000 } })).body)
    expect(filtered.data.length).toBeGreaterThan(0)
    expect(filtered.data.every((o: { payed: boolean }) => o.payed === false)).toBe(true)
    expect(filtered.paging.total).toBeLessThan(all.paging.total)
    const recorded = simForMsw.requests.at(-2)
    expect(recorded?.body).toEqual({ where: [{ column: 'payed', value: 0 }], perPage: 1000 })
  })

  it('acts out reset and truncate faults with their closest MSW equivalents', async () => {
    simForMsw.faults.add({ route: 'color-themes', kind: 'reset' })
    await expect(send(`${MSW_ORIGIN}/api/rest/v1/color-themes`, { token: 'tok-a' })).rejects.toThrow()
    simForMsw.faults.add({ route: 'color-themes', kind: 'truncate', bytes: 10 })
    const cut = await send(`${MSW_ORIGIN}/api/rest/v1/color-themes`, { token: 'tok-a' })
    expect(cut.body).toBe('{"data":[{')
    simForMsw.requests.splice(-2)
  })

  it('records the same requests in both simulators', () => {
    const strip = (sim: typeof simForMsw) => sim.requests.map(({ method, path, status, tenant }) => ({ method, path, status, tenant }))
    expect(strip(simForMsw).slice(0, cases.length)).toEqual(strip(simForServer).slice(0, cases.length))
  })
})
