/**
 * Reads a REST request's query parameters the way the real service (PHP/Laravel) does: from the
 * JSON body of a GET and from the query string (`?where=<json>&orderBy=<json>&page=2&perPage=…`),
 * the body winning on conflicts. Unknown parameters (`payed=1`, `per_page=200`, `since=…`) are
 * silently ignored, exactly like the real API. A body or a `where`/`orderBy` that is not valid
 * JSON makes the request malformed (→ 503 UNKNOWN_ERROR, the real service's answer to requests it
 * cannot process).
 */

/** One `where` entry as sent by the client (validated later against the resource's columns). */
export interface RawCondition {
  column: string
  operator: string
  value: unknown
  hasValue: boolean
}

/** The parsed list parameters of a request. */
export interface ListParams {
  where: RawCondition[]
  orderBy: Array<[string, 'asc' | 'desc']>
  page: number
  perPage: number | null
  select: string[] | null
  flat: boolean
}

/** Signals a request the real service would answer with 503 UNKNOWN_ERROR. */
export class MalformedRequest extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'MalformedRequest'
  }
}

function parseJsonParam(name: string, value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    throw new MalformedRequest(`${name} is not valid JSON`)
  }
}

/** Merges the query string and the JSON body into one parameter bag (body wins). */
export function collectParams(query: URLSearchParams, body: string | undefined): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of query) params[key] = value
  if (body === undefined || body.trim() === '') return params
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    throw new MalformedRequest('request body is not valid JSON')
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(params, parsed)
  return params
}

function parseWhere(raw: unknown): RawCondition[] {
  const where = parseJsonParam('where', raw)
  if (where === undefined || where === null) return []
  if (!Array.isArray(where)) throw new MalformedRequest('where must be an array')
  return where.map((entry, n) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw new MalformedRequest(`where[${n}] must be an object`)
    const record = entry as Record<string, unknown>
    if (typeof record.column !== 'string' || record.column === '') throw new MalformedRequest(`where[${n}].column must be a string`)
    const operator = record.operator === undefined ? '=' : record.operator
    if (typeof operator !== 'string') throw new MalformedRequest(`where[${n}].operator must be a string`)
    return { column: record.column, operator: operator.toLowerCase().trim(), value: record.value, hasValue: 'value' in record }
  })
}

function parseOrderBy(raw: unknown): Array<[string, 'asc' | 'desc']> {
  const orderBy = parseJsonParam('orderBy', raw)
  if (orderBy === undefined || orderBy === null) return []
  if (typeof orderBy !== 'object' || Array.isArray(orderBy)) throw new MalformedRequest('orderBy must be an object')
  return Object.entries(orderBy as Record<string, unknown>).map(([column, direction]) => {
    const dir = typeof direction === 'string' ? direction.toLowerCase() : ''
    if (dir !== 'asc' && dir !== 'desc') throw new MalformedRequest(`orderBy.${column} must be "asc" or "desc"`)
    return [column, dir]
  })
}

function positiveInt(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
  return Number.isInteger(n) && n >= 1 ? n : null
}

function parseSelect(raw: unknown): string[] | null {
  const select = parseJsonParam('select', raw)
  if (select === undefined || select === null) return null
  if (!Array.isArray(select) || !select.every((s) => typeof s === 'string')) throw new MalformedRequest('select must be an array of strings')
  return select as string[]
}

/** Parses the list parameters; an unusable `page` becomes 1 and an unusable `perPage` the default (as Laravel does). */
export function parseListParams(params: Record<string, unknown>): ListParams {
  const flat = params.flat
  return {
    where: parseWhere(params.where),
    orderBy: parseOrderBy(params.orderBy),
    page: positiveInt(params.page) ?? 1,
    perPage: positiveInt(params.perPage),
    select: parseSelect(params.select),
    flat: flat === true || flat === 1 || flat === '1' || flat === 'true',
  }
}
