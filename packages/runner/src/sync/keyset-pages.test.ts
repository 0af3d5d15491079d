import type { Page } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import { KeysetStalledError, keysetPages } from './keyset-pages.js'

interface Row {
  id: number
  ok: boolean
}

const page = (ids: number[], perPage: number, total = 1_000): Page<Row> => ({
  items: ids.map((id) => ({ id, ok: id % 10 !== 0 })),
  paging: { perPage, currentPage: 1, total },
})

async function collect(scan: Parameters<typeof keysetPages<Row>>[0]) {
  const pages = []
  for await (const found of keysetPages(scan)) pages.push(found)
  return pages
}

describe('keysetPages', () => {
  it('asks for id > last id until a short page, re-checking every record', async () => {
    const asked: number[] = []
    const data = Array.from({ length: 25 }, (_, i) => i + 1)
    const pages = await collect({
      resource: 'rows',
      fetchAfter: async (after) => {
        asked.push(after)
        return page(data.filter((id) => id > after).slice(0, 10), 10)
      },
      keep: (row) => row.ok,
    })
    expect(asked).toEqual([0, 10, 20])
    expect(pages.flatMap((p) => p.items.map((row) => row.id))).toEqual(data.filter((id) => id % 10 !== 0))
    expect(pages.reduce((n, p) => n + p.dropped, 0)).toBe(2)
  })

  it('drops records at or below the last id a server sends again', async () => {
    const answers = [page([1, 2, 3], 3), page([3, 4], 3)]
    const pages = await collect({ resource: 'rows', fetchAfter: async () => answers.shift()!, keep: () => true })
    expect(pages.map((p) => p.items.map((row) => row.id))).toEqual([[1, 2, 3], [4]])
    expect(pages[1]!.dropped).toBe(1)
  })

  it('throws instead of looping when a server ignores the id filter', async () => {
    await expect(collect({ resource: 'orders', fetchAfter: async () => page([1, 2, 3], 3), keep: () => true })).rejects.toThrow(KeysetStalledError)
    await expect(collect({ resource: 'orders', fetchAfter: async () => page([1, 2, 3], 3), keep: () => true })).rejects.toThrow(
      'orders: paging by id made no progress: asked for id > 3',
    )
  })

  it('stops on an empty page and on the last page by total', async () => {
    expect(await collect({ resource: 'rows', fetchAfter: async () => page([], 10), keep: () => true })).toEqual([{ items: [], dropped: 0 }])
    const asked: number[] = []
    await collect({
      resource: 'rows',
      fetchAfter: async (after) => {
        asked.push(after)
        return page([after + 1, after + 2], 2, 2)
      },
      keep: () => true,
    })
    expect(asked).toEqual([0])
  })

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stop'))
    await expect(collect({ resource: 'rows', fetchAfter: async () => page([1], 10), keep: () => true, signal: controller.signal })).rejects.toThrow('stop')
  })

  it('asks for the next page while the caller handles this one, never more than one ahead', async () => {
    const asked: number[] = []
    const data = Array.from({ length: 30 }, (_, i) => i + 1)
    const seenWhileHandling: number[][] = []
    for await (const found of keysetPages<Row>({
      resource: 'rows',
      fetchAfter: async (after) => {
        asked.push(after)
        const remaining = data.filter((id) => id > after)
        return page(remaining.slice(0, 10), 10, remaining.length)
      },
      keep: () => true,
    })) {
      await new Promise((resolve) => setTimeout(resolve, 1))
      seenWhileHandling.push([...asked])
      expect(found.items).toHaveLength(10)
    }
    expect(seenWhileHandling).toEqual([[0, 10], [0, 10, 20], [0, 10, 20]])
  })

  it('a caller that fails while the next page is in flight sees its own error, not the prefetch failure', async () => {
    let calls = 0
    const scan = keysetPages<Row>({
      resource: 'rows',
      fetchAfter: async () => {
        calls += 1
        if (calls === 1) return page([1, 2], 2)
        throw new Error('503 while prefetching')
      },
      keep: () => true,
    })
    const consume = async () => {
      for await (const found of scan) {
        expect(found.items).toHaveLength(2)
        await new Promise((resolve) => setTimeout(resolve, 1))
        throw new Error('the write failed')
      }
    }
    await expect(consume()).rejects.toThrow('the write failed')
    expect(calls).toBe(2)
  })

  it('a prefetch failure surfaces when the caller asks for that page', async () => {
    let calls = 0
    const pages = collect({
      resource: 'rows',
      fetchAfter: async () => {
        calls += 1
        if (calls === 1) return page([1, 2], 2)
        throw new Error('503 on page 2')
      },
      keep: () => true,
    })
    await expect(pages).rejects.toThrow('503 on page 2')
  })
})
