/**
 * The request shape the pure handler accepts, and its normalisation: adapters (MSW, node:http)
 * and tests can pass a full URL or a path, query as a string, object or URLSearchParams,
 * headers as an object or Headers, and the body as text, bytes or a value to encode as JSON.
 */

/** A request to the simulator. */
export interface SimRequest {
  method?: string
  /** Full URL or path with query string, e.g. `https://qtickets.test/api/rest/v1/orders?page=2`. */
  url?: string
  /** Path alternative to `url`, e.g. `/api/rest/v1/orders`. */
  path?: string
  /** Extra query parameters (merged after those of `url`/`path`). */
  query?: string | URLSearchParams | Record<string, string | number | boolean | readonly string[] | undefined>
  headers?: Headers | Record<string, string | readonly string[] | undefined>
  /** Body text or bytes; any other value is sent as JSON. */
  body?: unknown
}

/** A request after normalisation. */
export interface NormalisedRequest {
  method: string
  path: string
  query: URLSearchParams
  authorization: string | undefined
  /** Body text ('' when there is none). */
  body: string
}

function headerValue(headers: SimRequest['headers'], name: string): string | undefined {
  if (!headers) return undefined
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() !== name) continue
    return Array.isArray(value) ? value[0] : (value as string | undefined)
  }
  return undefined
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return ''
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8')
  return JSON.stringify(body)
}

function appendQuery(target: URLSearchParams, query: SimRequest['query']): void {
  if (query === undefined) return
  const extra = typeof query === 'string' || query instanceof URLSearchParams ? new URLSearchParams(query) : null
  if (extra) {
    for (const [k, v] of extra) target.append(k, v)
    return
  }
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue
    if (Array.isArray(v)) for (const item of v) target.append(k, String(item))
    else target.append(k, String(v))
  }
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** Normalises a request. */
export function normaliseRequest(request: SimRequest): NormalisedRequest {
  const url = new URL(request.url ?? request.path ?? '/', 'http://simulator.invalid')
  const query = new URLSearchParams(url.search)
  appendQuery(query, request.query)
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    path: safeDecode(url.pathname),
    query,
    authorization: headerValue(request.headers, 'authorization'),
    body: bodyText(request.body),
  }
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')
  return match?.[1] ?? null
}
