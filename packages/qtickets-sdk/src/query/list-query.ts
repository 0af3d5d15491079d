import type { FilterableResource } from './columns'
import { buildOrderBy, buildWhere, type Condition, type OrderBy, type WireCondition } from './where'

/** Filters, order and paging of a list call. All keys are optional. */
export interface ListQuery<R extends FilterableResource> {
  /** Filters, combined with AND: `[['payed', '=', 1], ['payed_at', '>=', instant]]`. */
  where?: readonly Condition<R>[]
  /** Sort order, e.g. `{ id: 'asc' }`. */
  orderBy?: OrderBy<R>
  /** 1-based page to fetch (for `pages`/`iterate`: the page to start from). */
  page?: number
  /** Page size wish; the server may ignore it, the SDK always reads `paging.perPage`. */
  perPage?: number
}

/** The query as the API receives it (JSON body, or JSON-encoded query parameters). */
export interface WireQuery {
  where?: WireCondition[]
  orderBy?: Record<string, 'asc' | 'desc'>
  select?: readonly string[]
  page?: number
  perPage?: number
  flat?: boolean
  context?: Record<string, unknown>
}

/** Validates a list query and converts it to the wire form. */
export function toWireQuery<R extends FilterableResource>(
  resource: R,
  query: ListQuery<R> & { select?: readonly string[] },
  timeZone: string,
): WireQuery {
  const wire: WireQuery = {}
  if (query.select && query.select.length > 0) wire.select = [...query.select]
  if (query.where && query.where.length > 0) wire.where = buildWhere(resource, query.where, timeZone)
  if (query.orderBy && Object.keys(query.orderBy).length > 0) wire.orderBy = buildOrderBy(resource, query.orderBy)
  if (query.page !== undefined) wire.page = positiveInteger('page', query.page)
  if (query.perPage !== undefined) wire.perPage = positiveInteger('perPage', query.perPage)
  return wire
}

/** Checks a paging number. */
export function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${name} must be a positive integer, received ${value}`)
  return value
}
