import type { Order } from '@zakaz/qtickets-sdk'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SyncContext } from './sync-context.js'

/** Every batch write, as the ids it got; a write finishes when the test releases it. */
const writes: { ids: number[]; release: () => void; fail: (error: Error) => void }[] = []
let running = 0
let mostRunning = 0

vi.mock('./order-batch.js', () => ({
  writeOrderBatch: (_ctx: SyncContext, orders: readonly Order[]) => {
    running += 1
    mostRunning = Math.max(mostRunning, running)
    return new Promise((resolve, reject) => {
      const done = () => (running -= 1)
      writes.push({
        ids: orders.map((order) => order.id),
        release: () => (done(), resolve({ orders: orders.length, baskets: 0, days: [] })),
        fail: (error) => (done(), reject(error)),
      })
    })
  },
}))

const { createOrderWriter } = await import('./order-writer.js')

const orders = (...ids: number[]) => ids.map((id) => ({ id }) as Order)
const ctx = {} as SyncContext
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  writes.length = 0
  running = 0
  mostRunning = 0
})

describe('createOrderWriter', () => {
  it('starts writing a full batch and returns, so the next pages are read while it is written; one write at a time, in order', async () => {
    const writer = createOrderWriter(ctx, 2)
    await writer.add(orders(1, 2)) // batch 1 starts
    expect(writes.map((w) => w.ids)).toEqual([[1, 2]])
    await writer.add(orders(3))
    const third = writer.add(orders(4)) // batch 2 is full: it waits for batch 1
    await tick()
    expect(writes).toHaveLength(1)
    writes[0]!.release()
    await third
    expect(writes.map((w) => w.ids)).toEqual([[1, 2], [3, 4]])
    const drained = writer.drain()
    writes[1]!.release()
    await drained
    expect(mostRunning).toBe(1)
    expect(writer.written).toBe(4)
  })

  it('two adders (backfill lanes) that fill batches at once still get one write at a time, in the order they were added', async () => {
    const writer = createOrderWriter(ctx, 1)
    await writer.add(orders(1)) // batch 1 in flight
    const laneA = writer.add(orders(2)) // queued behind batch 1
    const laneB = writer.add(orders(3)) // queued behind batch 2
    await tick()
    expect(writes.map((w) => w.ids)).toEqual([[1]])
    writes[0]!.release()
    await laneA
    await tick()
    expect(writes.map((w) => w.ids)).toEqual([[1], [2]])
    writes[1]!.release()
    await laneB
    const drained = writer.drain()
    await tick()
    writes[2]!.release()
    await drained
    expect(writes.map((w) => w.ids)).toEqual([[1], [2], [3]])
    expect(mostRunning).toBe(1)
  })

  it('runs a checkpoint only once every order added before it is stored, and only the last of those waiting for the same write', async () => {
    const writer = createOrderWriter(ctx, 3)
    const done: string[] = []
    await writer.add(orders(1, 2))
    writer.checkpoint(async () => void done.push('window 0 stored (superseded)'))
    writer.checkpoint(async () => void done.push('window 1 stored'))
    await writer.add(orders(3)) // batch [1,2,3] starts, carrying the checkpoint
    await tick()
    expect(done).toEqual([])
    writes[0]!.release()
    await tick()
    expect(done).toEqual(['window 1 stored'])
    writer.checkpoint(async () => void done.push('window 2 stored (nothing new)'))
    await writer.drain()
    expect(done).toEqual(['window 1 stored', 'window 2 stored (nothing new)'])
  })

  it('a failed write surfaces at the next add or drain, its checkpoints never run, and settle waits without throwing', async () => {
    const writer = createOrderWriter(ctx, 1)
    const done: string[] = []
    writer.checkpoint(async () => void done.push('must not run'))
    await writer.add(orders(1))
    writes[0]!.fail(new Error('ClickHouse refused the insert'))
    await expect(writer.add(orders(2))).rejects.toThrow('ClickHouse refused the insert')
    await expect(writer.settle()).resolves.toBeUndefined()
    expect(done).toEqual([])
    expect(writes).toHaveLength(1)
  })
})
