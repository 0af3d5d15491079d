import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSink, removeDir, tmpDir } from '../test/engine'
import type { Sink } from './sink'
import type { BasketRow } from './rows'
import { SinkError } from './errors'

const dataDir = tmpDir()
let sink: Sink

beforeAll(async () => {
  sink = await openSink(dataDir)
})

afterAll(async () => {
  await sink?.close()
  removeDir(dataDir)
})

function basket(basket_id: number, price: number): BasketRow {
  return {
    tenant: 'org_a', basket_id, order_id: 2750101, event_id: 510001, show_id: 730001, seat_id: 'PARTER-5;12', price, original_price: price,
    discount_value: 0, service_fee_amount: 0, quantity: 1, deleted_at: null, refunded_at: null, refunded_amount: null, checked_at: null,
    created_at: '2025-11-10T12:13:25+03:00', updated_at: '2025-11-10T12:15:31+03:00', _ver: 1,
  }
}

describe('run records', () => {
  it('records running, then the outcome with rows per resource, keeping the start time', async () => {
    await sink.startRun({ job: 'run', tenant: 'org_a', runId: 'r-1' })
    const [running] = await sink.lastRuns({ tenant: 'org_a' })
    expect(running).toMatchObject({ job: 'run', tenant: 'org_a', runId: 'r-1', status: 'running', finishedAt: null, rowsByResource: {}, error: '' })
    expect(running?.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)

    await sink.finishRun({ job: 'run', tenant: 'org_a', runId: 'r-1', status: 'partial', rowsByResource: { orders: 17, baskets: 24 }, error: 'clients: 403' })
    const runs = await sink.lastRuns({ tenant: 'org_a' })
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({ runId: 'r-1', status: 'partial', rowsByResource: { orders: 17, baskets: 24 }, error: 'clients: 403', startedAt: running?.startedAt })
    expect(Date.parse(runs[0]!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(running!.startedAt))
  })

  it('lists newest first, filters by tenant and job, and honours the limit', async () => {
    await sink.startRun({ job: 'backfill', tenant: 'org_b', runId: 'r-2' })
    await sink.startRun({ job: 'run', tenant: 'org_b', runId: 'r-3' })
    expect((await sink.lastRuns({ tenant: 'org_b' })).map((r) => r.runId).sort()).toEqual(['r-2', 'r-3'])
    expect((await sink.lastRuns({ tenant: 'org_b', job: 'backfill' })).map((r) => r.runId)).toEqual(['r-2'])
    expect(await sink.lastRuns({ limit: 2 })).toHaveLength(2)
    expect((await sink.lastRuns()).map((r) => r.runId).sort()).toEqual(['r-1', 'r-2', 'r-3'])
  })

  it('rejects a status that is not ok, partial or error', async () => {
    await expect(sink.finishRun({ job: 'run', tenant: 'org_a', runId: 'r-1', status: 'success' as 'ok', rowsByResource: {} })).rejects.toThrow(/not one of ok, partial, error/)
    await expect(sink.finishRun({ job: 'run', tenant: 'org_a', runId: 'r-1', status: 'ok', rowsByResource: { orders: -1 } })).rejects.toThrow(/rowsByResource\.orders/)
  })
})

describe('sync cursors', () => {
  it('returns null before anything is stored and the latest cursor after', async () => {
    expect(await sink.getCursor('org_a', 'orders')).toBeNull()
    await sink.setCursor('org_a', 'orders', '2025-11-16T21:00:00+03:00', 'r-10')
    await sink.setCursor('org_a', 'orders', '2025-11-16T21:30:00+03:00', 'r-11')
    expect(await sink.getCursor('org_a', 'orders')).toBe('2025-11-16T21:30:00+03:00')
    expect(await sink.getCursor('org_b', 'orders')).toBeNull()
  })

  it('stays where it was when the insert it covers fails, and the run records the SinkError message', async () => {
    await sink.setCursor('org_a', 'baskets', 'cursor-1', 'r-20')
    await sink.startRun({ job: 'run', tenant: 'org_a', runId: 'r-21' })
    let failure: unknown
    try {
      // Insert first, move the cursor only after the rows are committed.
      await sink.writeBaskets([basket(1, 2500), basket(2, 'abc' as unknown as number)])
      await sink.setCursor('org_a', 'baskets', 'cursor-2', 'r-21')
      await sink.finishRun({ job: 'run', tenant: 'org_a', runId: 'r-21', status: 'ok', rowsByResource: { baskets: 2 } })
    } catch (error) {
      failure = error
      await sink.finishRun({ job: 'run', tenant: 'org_a', runId: 'r-21', status: 'error', rowsByResource: {}, error: (error as Error).message })
    }
    expect(failure).toBeInstanceOf(SinkError)
    expect(failure).toMatchObject({ kind: 'insert', table: 'stg_qtickets_api_baskets_raw', column: 'price' })
    expect(await sink.getCursor('org_a', 'baskets')).toBe('cursor-1')
    const [run] = await sink.lastRuns({ tenant: 'org_a', job: 'run', limit: 1 })
    expect(run).toMatchObject({ runId: 'r-21', status: 'error', error: (failure as Error).message })
    expect(run?.error).toContain('stg_qtickets_api_baskets_raw')
  })
})
