import { randomUUID } from 'node:crypto'
import type { Sink } from '@zakaz/clickhouse-sink'
import { nodeHttpFetch, type FetchLike } from '@zakaz/qtickets-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syncTenant } from '../../src/sync/sync-tenant.js'
import { countRows, openTestSink, removeDir, tmpDir } from '../support/engine.js'
import { expectFactsEqualTruth, expectStatus, memoryLogger, simClient, simNow, startSim, type SimHarness } from '../support/harness.js'

// Orders change while a run pages through them. Paging by page number would skip a record when an already-read order
// leaves the filtered list between two page requests; keyset pagination (id > last id) cannot.
const TENANT = 'keyset'
const TOKEN = 'sim-keyset-token'
const dataDir = tmpDir()
let harness: SimHarness
let sink: Sink

beforeAll(async () => {
  harness = await startSim({ seed: 5, historyDays: 10, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 60, events: 4 }] })
  sink = await openTestSink(dataDir)
})

afterAll(async () => {
  await harness?.close()
  await sink?.close()
  removeDir(dataDir)
})

interface WireOrder {
  id: number
  payed: boolean
  deleted_at: string | null
}

/** A fetch that, right after the first orders page arrives, cancels a paid order of that page and refunds one further on. */
function mutatingFetch(mutated: number[]): FetchLike {
  let ordersPages = 0
  return async (input, init) => {
    const response = await nodeHttpFetch(input, init)
    if (!String(input instanceof Request ? input.url : input).includes('/orders')) return response
    ordersPages++
    if (ordersPages !== 1) return response
    const page = (await response.clone().json()) as { data: WireOrder[] }
    const paid = page.data.filter((order) => order.payed && order.deleted_at === null)
    const read = paid[3]!
    harness.sim.mutate.cancel(read.id) // already read: it now leaves the window (updated_at = now)
    mutated.push(read.id)
    const last = page.data.at(-1)!.id
    const ahead = harness.sim.describe()[0]!.firstOrderId + harness.sim.stats({ tenant: TENANT }).orders - 5
    if (ahead > last) {
      harness.sim.mutate.cancel(ahead) // not read yet: leaves the window too
      mutated.push(ahead)
    }
    return response
  }
}

describe('keyset pagination', () => {
  it('loads every order although orders change between two page requests', async () => {
    const mutated: number[] = []
    const { logger } = memoryLogger()
    const client = simClient(harness, TOKEN, { fetch: mutatingFetch(mutated) })
    const result = await syncTenant({ tenant: { name: TENANT }, sink, client, logger, runId: randomUUID(), now: simNow(harness.sim), pageSize: 50, resources: ['events', 'orders'] })
    expectStatus(result, 'ok')
    expect(mutated.length).toBeGreaterThanOrEqual(1)
    const pages = harness.sim.requests.filter((request) => request.path.endsWith('/orders'))
    expect(pages.length).toBeGreaterThan(5)
    // every request asks for page 1 of id > the last id read, never page 2, 3…
    expect(pages.every((request) => (request.body as { page: number }).page === 1)).toBe(true)
    const orders = harness.sim.stats({ tenant: TENANT }).orders
    const loaded = await countRows(sink, 'stg_qtickets_api_orders_raw', { final: true })
    // the order cancelled "ahead" left the window before it was read; it arrives with the next run
    expect(loaded).toBe(orders - (mutated.length - 1))
  })

  it('the next run picks up the changes and the facts equal the truth', async () => {
    harness.sim.clock.advance({ minutes: 1 })
    const { logger } = memoryLogger()
    const result = await syncTenant({ tenant: { name: TENANT }, sink, client: simClient(harness, TOKEN), logger, runId: randomUUID(), now: simNow(harness.sim), pageSize: 50, resources: ['events', 'orders'] })
    expectStatus(result, 'ok')
    expect(await countRows(sink, 'stg_qtickets_api_orders_raw', { final: true })).toBe(harness.sim.stats({ tenant: TENANT }).orders)
    await expectFactsEqualTruth(sink, harness.sim, TENANT)
  })
})
