/**
 * Deterministic fault injection. A fault matches requests by route (the path relative to
 * `/api/rest/v1/`, e.g. `orders` matches `orders` and `orders/2750101`; partners paths are
 * `partners/<path>`), by RegExp on that relative path, or by predicate; it lets `after`
 * matching requests through, then fires `times` times (or always). Optional `probability`
 * uses the seeded PRNG, so a run is reproducible. At most one fault fires per request: the
 * first one added that fires.
 */
import { phpJson } from './php-json'
import { rand } from './prng'
import { htmlErrorPage, jsonResponse, tooManyRequests, unknownError, unknownRoute, type SimResponse } from './responses'

/** What a fault does. */
export type FaultKind = 'status503' | 'status429' | 'status' | 'latency' | 'reset' | 'truncate' | 'html' | 'wrongType'

/** The request a fault is matched against. */
export interface FaultRequest {
  method: string
  /** Full path, e.g. `/api/rest/v1/orders/2750101`. */
  path: string
  /** Path relative to the API root, e.g. `orders/2750101` or `partners/events/lists`. */
  route: string
  query: URLSearchParams
  /** Tenant name, or null when the token is unknown. */
  tenant: string | null
}

/** A fault to inject. */
export interface FaultSpec {
  /** Which requests: a relative route prefix, a RegExp on the relative route, or a predicate. Default: every request. */
  route?: string | RegExp | ((request: FaultRequest) => boolean)
  kind: FaultKind
  /** How many times it fires (default 1). */
  times?: number | 'always'
  /** Matching requests to let through before it starts firing (default 0). */
  after?: number
  /** Only requests of this tenant. */
  tenant?: string
  /** Fire with this probability (seeded and deterministic); default 1. */
  probability?: number
  /** `status`: the HTTP status (default 500); `html`: 200, 404 (the vendor's page) or a 5xx (default 502, an nginx page). */
  status?: number
  /** `status429` / `status503`: adds `Retry-After: <seconds>`. */
  retryAfterSeconds?: number
  /** `latency`: delay before the answer, in milliseconds (default 1000). */
  ms?: number
  /** `truncate`: bytes of the body to send (default half of it). */
  bytes?: number
  /** `truncate`: drop the connection after the partial body instead of ending the response cleanly (server adapter). */
  abort?: boolean
  /** `wrongType`: dotted field path inside the record (default `payed_at` when present, else `id`). */
  field?: string
  /** `wrongType`: the wrong value (default: 12345 for a string or null, "abc" for a number, "yes" for a boolean). */
  value?: unknown
  /** `wrongType`: which record of a list (default 0). */
  index?: number
}

/** A live fault: its counters and a way to remove it. */
export interface FaultHandle {
  readonly id: number
  /** Requests it has fired on. */
  readonly fired: number
  /** Matching requests seen (fired or let through). */
  readonly seen: number
  /** Removes the fault. */
  remove(): void
}

/** Options of `faults.outage`. */
export interface OutageOptions {
  route?: FaultSpec['route']
  tenant?: string
  /** Number of requests that fail; default: every request until the handle is removed or faults are cleared. */
  requests?: number
  retryAfterSeconds?: number
}

interface LiveFault {
  id: number
  spec: FaultSpec
  seen: number
  fired: number
}

/** What the handler must do for a request after consulting the faults. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'replace'; response: SimResponse; fault: FaultKind }
  | { kind: 'modify'; fault: FaultKind; spec: FaultSpec }

function matchesRoute(spec: FaultSpec, request: FaultRequest): boolean {
  const route = spec.route
  if (route === undefined) return true
  if (typeof route === 'string') {
    const prefix = route.replace(/^\/+|\/+$/g, '')
    return request.route === prefix || request.route.startsWith(`${prefix}/`)
  }
  if (route instanceof RegExp) return route.test(request.route)
  return route(request)
}

/** The fault registry of one simulator. */
export class Faults {
  private readonly live: LiveFault[] = []
  private nextId = 1

  constructor(private readonly seed: number) {}

  /** Adds a fault and returns its handle. */
  add(spec: FaultSpec): FaultHandle {
    const fault: LiveFault = { id: this.nextId++, spec, seen: 0, fired: 0 }
    this.live.push(fault)
    const remove = () => {
      const at = this.live.indexOf(fault)
      if (at >= 0) this.live.splice(at, 1)
    }
    return {
      id: fault.id,
      get fired() { return fault.fired },
      get seen() { return fault.seen },
      remove,
    }
  }

  /** A 503 storm: matching requests fail with 503 UNKNOWN_ERROR for `requests` requests, or until removed. */
  outage(options: OutageOptions = {}): FaultHandle {
    return this.add({
      kind: 'status503',
      times: options.requests ?? 'always',
      ...(options.route === undefined ? {} : { route: options.route }),
      ...(options.tenant === undefined ? {} : { tenant: options.tenant }),
      ...(options.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: options.retryAfterSeconds }),
    })
  }

  /** Removes every fault. */
  clear(): void {
    this.live.length = 0
  }

  /** The faults currently registered (specs and counters). */
  list(): ReadonlyArray<{ id: number; spec: FaultSpec; seen: number; fired: number }> {
    return this.live.map((f) => ({ id: f.id, spec: f.spec, seen: f.seen, fired: f.fired }))
  }

  /** Consults the faults for one request (updates their counters). */
  decide(request: FaultRequest): FaultDecision {
    for (const fault of [...this.live]) {
      const { spec } = fault
      if (spec.tenant !== undefined && spec.tenant !== request.tenant) continue
      if (!matchesRoute(spec, request)) continue
      fault.seen++
      if (fault.seen <= (spec.after ?? 0)) continue
      const times = spec.times ?? 1
      if (times !== 'always' && fault.fired >= times) continue
      if (spec.probability !== undefined && rand(this.seed, fault.id, fault.seen, 0xfa) >= spec.probability) continue
      fault.fired++
      if (times !== 'always' && fault.fired >= times) this.live.splice(this.live.indexOf(fault), 1)
      return decisionFor(spec)
    }
    return { kind: 'none' }
  }
}

function decisionFor(spec: FaultSpec): FaultDecision {
  switch (spec.kind) {
    case 'status503': {
      const response = unknownError()
      if (spec.retryAfterSeconds !== undefined) response.headers['retry-after'] = String(spec.retryAfterSeconds)
      return { kind: 'replace', response, fault: spec.kind }
    }
    case 'status429':
      return { kind: 'replace', response: tooManyRequests(spec.retryAfterSeconds), fault: spec.kind }
    case 'status': {
      const status = spec.status ?? 500
      return { kind: 'replace', response: jsonResponse(status, { error: 'Server error', status }), fault: spec.kind }
    }
    case 'html':
      return { kind: 'replace', response: spec.status === 404 ? unknownRoute() : htmlErrorPage(spec.status ?? 502), fault: spec.kind }
    case 'reset':
      return { kind: 'replace', response: { status: 0, headers: {}, body: '', transport: { kind: 'reset' } }, fault: spec.kind }
    default:
      return { kind: 'modify', fault: spec.kind, spec }
  }
}

function wrongValueFor(original: unknown): unknown {
  if (typeof original === 'number') return 'abc'
  if (typeof original === 'boolean') return 'yes'
  if (typeof original === 'string' || original === null || original === undefined) return 12345
  return 'oops'
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let node: Record<string, unknown> = target
  for (const part of parts.slice(0, -1)) {
    const next = node[part]
    if (next === null || typeof next !== 'object') return
    node = next as Record<string, unknown>
  }
  node[parts[parts.length - 1] as string] = value
}

function getPath(target: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), target)
}

/** The record of a JSON body that `wrongType` corrupts: a list item, a single `data`, a bare object or array item. */
function targetRecord(body: unknown, index: number): Record<string, unknown> | null {
  const pickFrom = (value: unknown): Record<string, unknown> | null => {
    if (Array.isArray(value)) return (value[index] as Record<string, unknown> | undefined) ?? null
    if (value !== null && typeof value === 'object') return value as Record<string, unknown>
    return null
  }
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && 'data' in body) {
    const data = (body as { data: unknown }).data
    if (Array.isArray(data)) return pickFrom(data)
    if (data !== null && typeof data === 'object' && !('id' in data)) {
      // A map such as seats: corrupt its first entry.
      const first = Object.values(data)[index] ?? Object.values(data)[0]
      return pickFrom(first)
    }
    return pickFrom(data)
  }
  return pickFrom(body)
}

/** Applies a `latency`, `truncate` or `wrongType` fault to a computed response. */
export function applyModification(response: SimResponse, spec: FaultSpec): SimResponse {
  if (spec.kind === 'latency') return { ...response, transport: { kind: 'latency', ms: spec.ms ?? 1000 } }
  if (spec.kind === 'truncate') {
    const size = Buffer.byteLength(response.body)
    return { ...response, transport: { kind: 'truncate', bytes: Math.min(spec.bytes ?? Math.floor(size / 2), size), abort: spec.abort ?? false } }
  }
  if (!response.headers['content-type']?.startsWith('application/json')) return response
  let body: unknown
  try {
    body = JSON.parse(response.body)
  } catch {
    return response
  }
  const record = targetRecord(body, spec.index ?? 0)
  if (!record) return response
  const field = spec.field ?? ('payed_at' in record ? 'payed_at' : 'id')
  setPath(record, field, 'value' in spec ? spec.value : wrongValueFor(getPath(record, field)))
  return { ...response, body: phpJson(body) }
}
