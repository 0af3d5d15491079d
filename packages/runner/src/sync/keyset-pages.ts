import { isLastPage, type Page } from '@zakaz/qtickets-sdk'

/** The server answered records at or below the last id asked for, so paging by id cannot advance. */
export class KeysetStalledError extends Error {
  /** Reported like an invalid API answer (exit 65). */
  readonly kind = 'invalid_response'
  constructor(resource: string, lastId: number) {
    super(
      `${resource}: paging by id made no progress: asked for id > ${lastId} and got only records at or below it ` +
        '(the API may ignore the id filter); stopping instead of looping',
    )
    this.name = 'KeysetStalledError'
  }
}

/** One page of a keyset scan, after the client-side re-check. */
export interface KeysetPage<T> {
  /** Records with id above the previous page's last id that pass `keep`. */
  items: T[]
  /** Records the re-check dropped: outside the requested window, or at/below the last id already read. */
  dropped: number
}

/** How to scan a resource by id. */
export interface KeysetScan<T extends { id: number }> {
  /** Name for errors, e.g. `orders`. */
  resource: string
  /** Fetches the first page of records with id > `afterId`, ordered by id ascending. */
  fetchAfter(afterId: number): Promise<Page<T>>
  /** The client-side re-check of the other filters (the server silently ignores filters it does not know). */
  keep(record: T): boolean
  /** Id to start after (default 0). */
  startAfter?: number
  signal?: AbortSignal
}

/**
 * Keyset pagination: asks for `id > lastId` (always page 1, ordered by id) until an empty, short or last page. Records
 * that change or appear while the scan runs cannot shift it (unlike page numbers). Every record is re-checked: ids at
 * or below `lastId` and records failing `keep` are dropped and counted; a page without any new id throws
 * `KeysetStalledError` instead of looping. The next page is requested as soon as a page arrives, so the API works on it
 * while the caller writes this one (at most one request ahead; its failure surfaces when the caller asks for that page).
 */
export async function* keysetPages<T extends { id: number }>(scan: KeysetScan<T>): AsyncGenerator<KeysetPage<T>, void, undefined> {
  let lastId = scan.startAfter ?? 0
  scan.signal?.throwIfAborted()
  let next = prefetch(scan, lastId)
  for (;;) {
    const page = await next
    const fresh = page.items.filter((record) => record.id > lastId)
    if (page.items.length > 0 && fresh.length === 0) throw new KeysetStalledError(scan.resource, lastId)
    const last = isLastPage(page)
    if (!last) {
      lastId = fresh.reduce((max, record) => Math.max(max, record.id), lastId)
      scan.signal?.throwIfAborted()
      next = prefetch(scan, lastId)
    }
    const items = fresh.filter((record) => scan.keep(record))
    yield { items, dropped: page.items.length - items.length }
    if (last) return
  }
}

/**
 * Starts fetching a page, marked as handled: a caller that stops early (its write failed, or it was aborted) leaves
 * the prefetched page unread, and its failure must not become an unhandled rejection. Awaiting it still throws.
 */
function prefetch<T extends { id: number }>(scan: KeysetScan<T>, afterId: number): Promise<Page<T>> {
  const pending = scan.fetchAfter(afterId)
  pending.catch(() => {})
  return pending
}
