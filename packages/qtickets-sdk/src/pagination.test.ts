import { describe, expect, test } from 'vitest'
import { flattenPages, isLastPage, paginate } from './pagination'
import type { Page } from './schemas/paging'

const request = { method: 'GET', path: '/orders' }

function makePage(ids: number[], currentPage: number, perPage: number, total: number): Page<{ id: number }> {
  return { items: ids.map((id) => ({ id })), paging: { perPage, currentPage, total } }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

describe('isLastPage', () => {
  test('stops on empty, short, exhausted or unpaged pages', () => {
    expect(isLastPage(makePage([], 1, 10, 100))).toBe(true)
    expect(isLastPage(makePage([1, 2], 1, 10, 100))).toBe(true)
    expect(isLastPage(makePage([1, 2], 2, 2, 4))).toBe(true)
    expect(isLastPage({ items: [{ id: 1 }], paging: null })).toBe(true)
    expect(isLastPage(makePage([1, 2], 1, 2, 5))).toBe(false)
  })
})

describe('paginate', () => {
  test('walks every page and stops at the last one', async () => {
    const asked: number[] = []
    const pages = paginate('orders', request, 1, async (n) => {
      asked.push(n)
      return makePage([n * 10 + 1, n * 10 + 2], n, 2, 5)
    })
    const items = await collect(flattenPages(pages))
    expect(asked).toEqual([1, 2, 3])
    expect(items.map((item) => item.id)).toEqual([11, 12, 21, 22, 31, 32])
  })

  test('starts at the requested page', async () => {
    const asked: number[] = []
    await collect(paginate('orders', request, 2, async (n) => (asked.push(n), makePage([n], n, 1, 3))))
    expect(asked).toEqual([2, 3])
  })

  test('throws when the server ignores page and answers page 1 again', async () => {
    const pages = paginate('orders', request, 1, async () => makePage([1, 2], 1, 2, 10))
    await expect(collect(pages)).rejects.toThrow(/orders pagination stopped at page 2: the server answered page 1/)
  })

  test('throws when the server repeats a page under a new number', async () => {
    const pages = paginate('orders', request, 1, async (n) => makePage([1, 2], n, 2, 10))
    await expect(collect(pages)).rejects.toMatchObject({ kind: 'invalid_response', message: expect.stringMatching(/repeated the previous page/) })
  })

  test('throws when a growing total would page past ceil(total / perPage) + 1 of the first answer', async () => {
    const asked: number[] = []
    const pages = paginate('orders', request, 1, async (n) => (asked.push(n), makePage([n * 2, n * 2 + 1], n, 2, n * 2 + 2)))
    await expect(collect(pages)).rejects.toThrow(/stopped at page 4: past page 3 = ceil\(total \/ perPage\) \+ 1/)
    expect(asked).toEqual([1, 2, 3, 4])
  })

  test('a start page past the end yields the empty page and stops', async () => {
    const pages = await collect(paginate('orders', request, 50, async (n) => makePage([], n, 2, 4)))
    expect(pages).toHaveLength(1)
  })
})
