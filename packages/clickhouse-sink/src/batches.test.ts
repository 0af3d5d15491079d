import { describe, expect, it } from 'vitest'
import { toBatches, type RowBatch } from './batches'

async function collect<T>(source: AsyncGenerator<RowBatch<T>>): Promise<RowBatch<T>[]> {
  const batches: RowBatch<T>[] = []
  for await (const batch of source) batches.push(batch)
  return batches
}

const rows = (n: number, pad = '') => Array.from({ length: n }, (_, i) => ({ id: i, pad }))

describe('toBatches', () => {
  it('bounds batches by rows', async () => {
    const batches = await collect(toBatches('t', rows(7), { maxRows: 3, maxBytes: 1e9 }))
    expect(batches.map((b) => b.rows.map((r) => r.id))).toEqual([[0, 1, 2], [3, 4, 5], [6]])
    expect(batches.map((b) => b.index)).toEqual([0, 1, 2])
  })

  it('bounds batches by serialized bytes, and gives a single larger row its own batch', async () => {
    const line = Buffer.byteLength(`${JSON.stringify({ id: 0, pad: 'x'.repeat(100) })}\n`)
    const small = await collect(toBatches('t', rows(5, 'x'.repeat(100)), { maxRows: 100, maxBytes: line * 2 }))
    expect(small.map((b) => b.rows.length)).toEqual([2, 2, 1])
    expect(small.every((b) => b.bytes <= line * 2)).toBe(true)
    const huge = await collect(toBatches('t', [{ id: 1, pad: 'y'.repeat(500) }, { id: 2, pad: '' }], { maxRows: 100, maxBytes: 50 }))
    expect(huge.map((b) => b.rows.map((r) => r.id))).toEqual([[1], [2]])
  })

  it('reads async iterables without buffering more than a batch', async () => {
    let produced = 0
    async function* source() {
      for (let i = 0; i < 10; i++) {
        produced++
        yield { id: i }
      }
    }
    const readAhead: number[] = []
    let handedOut = 0
    for await (const batch of toBatches('t', source(), { maxRows: 4, maxBytes: 1e9 })) {
      handedOut += batch.rows.length
      readAhead.push(produced - handedOut)
    }
    // When a full batch is handed out, only the row that overflowed it has been read ahead.
    expect(readAhead).toEqual([1, 1, 0])
  })

  it('gives the same rows the same token, and different rows or tables different tokens', async () => {
    const limits = { maxRows: 2, maxBytes: 1e9 }
    const a = await collect(toBatches('orders', rows(4), limits))
    const b = await collect(toBatches('orders', rows(4), limits))
    const otherTable = await collect(toBatches('baskets', rows(4), limits))
    const otherRows = await collect(toBatches('orders', [...rows(3), { id: 99, pad: '' }], limits))
    expect(a.map((x) => x.token)).toEqual(b.map((x) => x.token))
    expect(a[0]?.token).toMatch(/^[0-9a-f]{64}$/)
    expect(a[0]?.token).not.toBe(a[1]?.token)
    expect(otherTable[0]?.token).not.toBe(a[0]?.token)
    expect(otherRows[0]?.token).toBe(a[0]?.token)
    expect(otherRows[1]?.token).not.toBe(a[1]?.token)
  })

  it('checks every row with its index before it is batched', async () => {
    const seen: number[] = []
    const check = (_row: unknown, index: number) => {
      seen.push(index)
      if (index === 3) throw new Error('row 3 is bad')
    }
    await expect(collect(toBatches('t', rows(5), { maxRows: 10, maxBytes: 1e9 }, check))).rejects.toThrow('row 3 is bad')
    expect(seen).toEqual([0, 1, 2, 3])
  })
})
