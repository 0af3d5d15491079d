import { InvalidResponseError, type RequestInfo } from './errors'
import { recordId } from './schemas/parse'
import type { Page } from './schemas/paging'

/** Fetches one page by its 1-based number. */
export type PageFetcher<T> = (page: number) => Promise<Page<T>>

/** True when no page follows: empty page, short page, `currentPage * perPage >= total`, or no paging at all. */
export function isLastPage(page: Page<unknown>): boolean {
  const { items, paging } = page
  if (items.length === 0 || paging === null) return true
  return items.length < paging.perPage || paging.currentPage * paging.perPage >= paging.total
}

/**
 * Walks pages from `startPage` until the last one. Guards against a misbehaving server:
 * a page number other than the one asked for, the same page served twice, or a page number beyond
 * `ceil(total / perPage) + 1` of the first answer (one page of slack for records added meanwhile)
 * all throw an `InvalidResponseError` instead of looping.
 */
export async function* paginate<T>(
  resource: string,
  request: RequestInfo,
  startPage: number,
  fetchPage: PageFetcher<T>,
): AsyncGenerator<Page<T>, void, undefined> {
  let previousKey = ''
  let maxPage = Number.POSITIVE_INFINITY
  for (let pageNumber = startPage; ; pageNumber++) {
    const page = await fetchPage(pageNumber)
    const fail = (what: string) =>
      new InvalidResponseError(`${resource} pagination stopped at page ${pageNumber}: ${what}`, request, { resource })
    const { paging } = page
    if (paging && paging.currentPage !== pageNumber) {
      throw fail(`the server answered page ${paging.currentPage} (it may ignore "page")`)
    }
    if (pageNumber > maxPage) throw fail(`past page ${maxPage} = ceil(total / perPage) + 1 of the first answer`)
    if (paging && maxPage === Number.POSITIVE_INFINITY) maxPage = Math.ceil(paging.total / paging.perPage) + 1
    const key = pageKey(page.items)
    if (key !== '' && key === previousKey) throw fail('the server repeated the previous page')
    yield page
    if (isLastPage(page)) return
    previousKey = key
  }
}

/** Items of all pages, one by one. */
export async function* flattenPages<T>(pages: AsyncIterable<Page<T>>): AsyncGenerator<T, void, undefined> {
  for await (const page of pages) yield* page.items
}

function pageKey(items: readonly unknown[]): string {
  const ids = items.map(recordId)
  return ids.every((id) => id !== undefined) ? ids.join(',') : ''
}
