import type { WireQuery } from './list-query'

/** The query as a JSON request body (the documented convention for GET). `undefined` when there is nothing to send. */
export function toJsonBody(query: WireQuery): string | undefined {
  return Object.keys(query).length === 0 ? undefined : JSON.stringify(query)
}

/**
 * The query as URL parameters (experimental `paramsIn: 'query'` mode): structures are JSON-encoded,
 * and `URLSearchParams` percent-encodes them, so a `+` in an offset travels as `%2B`.
 */
export function toSearchParams(query: WireQuery): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    params.set(key, typeof value === 'string' ? value : JSON.stringify(value))
  }
  return params
}
