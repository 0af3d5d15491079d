/**
 * The `paging` envelope and per-resource default page sizes of the real service
 * (orders 50, events 10, clients 100, discounts 100, promo codes 500; qtickets-api.md §4.3).
 */

/** Default `perPage` per list resource. */
export const DEFAULT_PER_PAGE = { orders: 50, events: 10, clients: 100, discounts: 100, 'promo-codes': 500 } as const

/** A list resource with paging. */
export type PagedResource = keyof typeof DEFAULT_PER_PAGE

/** The effective page size: the requested one clamped to [1, max], or the resource default. */
export function effectivePerPage(resource: PagedResource, requested: number | null, max: number): number {
  return requested === null ? DEFAULT_PER_PAGE[resource] : Math.min(requested, max)
}

/** The `{data, paging}` envelope. */
export function pagedBody(data: unknown[], perPage: number, page: number, total: number): { data: unknown[]; paging: { perPage: number; currentPage: number; total: number } } {
  return { data, paging: { perPage, currentPage: page, total } }
}

/** Pages an in-memory list. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage)
}
