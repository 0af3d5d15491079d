/**
 * The one pure request handler shared by every adapter: routing, bearer auth per tenant,
 * parameter parsing, fault injection and request recording. "Pure" means it does no I/O and
 * never waits: transport faults (latency, reset, truncation) come back as a `transport`
 * instruction that the adapters act out.
 */
import { applyModification, type FaultKind, type Faults } from './faults'
import { partnerEventsList, partnersError, partnerTicketsFind } from './partners'
import { collectParams, MalformedRequest, parseListParams } from './query'
import { bearerToken, normaliseRequest, type NormalisedRequest, type SimRequest } from './request'
import { matchRestRoute } from './rest-routes'
import { unknownError, unknownRoute, wrongAuthorization, type SimResponse } from './responses'
import type { TenantRuntime } from './tenant-runtime'

/** One request as recorded in `sim.requests` (no headers: the token is never recorded). */
export interface RecordedRequest {
  /** 1-based sequence number. */
  seq: number
  method: string
  path: string
  /** Query-string parameters (last value wins). */
  query: Record<string, string>
  /** The body: parsed JSON, raw text when it is not JSON, undefined when empty. */
  body: unknown
  /** Tenant name, or null for an unknown or missing token. */
  tenant: string | null
  /** HTTP status answered (0 for a connection reset). */
  status: number
  /** The fault injected into this request, if any. */
  fault: FaultKind | null
}

/** What the handler needs from the simulator. */
export interface HandlerDeps {
  runtimes: readonly TenantRuntime[]
  faults: Faults
  nowMs: () => number
  maxPerPage: number
  maxRecorded: number
  requests: RecordedRequest[]
  /** Returns the next request sequence number. */
  nextSeq: () => number
}

const REST_PREFIX = '/api/rest/v1'
const PARTNERS_PREFIX = '/api/partners/v1'

function relativeTo(prefix: string, path: string): string | null {
  if (path !== prefix && !path.startsWith(`${prefix}/`)) return null
  return path.slice(prefix.length).replace(/^\/+|\/+$/g, '')
}

function parsedBody(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function answerRest(deps: HandlerDeps, req: NormalisedRequest, route: string, rt: TenantRuntime | undefined): SimResponse {
  const match = matchRestRoute(route)
  if (!match) return unknownRoute()
  if (!rt) return wrongAuthorization()
  if ((req.method !== 'GET' && req.method !== 'HEAD') || match.route.read === null) return unknownError()
  try {
    const params = parseListParams(collectParams(req.query, req.body))
    return match.route.read({ rt, params, nowMs: deps.nowMs(), maxPerPage: deps.maxPerPage, args: match.args })
  } catch (error) {
    if (error instanceof MalformedRequest) return unknownError()
    throw error
  }
}

function answerPartners(deps: HandlerDeps, req: NormalisedRequest, route: string, rt: TenantRuntime | undefined): SimResponse {
  const isList = route === 'events/lists'
  const isFind = /^tickets\/find(\/\d+){0,2}$/.test(route)
  if (!isList && !isFind) return unknownRoute()
  if (!rt) return partnersError('WRONG_AUTHORIZATION', 'Wrong authorization')
  let params: Record<string, unknown>
  try {
    params = collectParams(req.query, req.body)
  } catch {
    return partnersError('UNKNOWN_ERROR', 'Unknown error')
  }
  return isList ? partnerEventsList(rt, deps.nowMs()) : partnerTicketsFind(rt, params, deps.nowMs())
}

function record(deps: HandlerDeps, entry: RecordedRequest): void {
  deps.requests.push(entry)
  if (deps.requests.length > deps.maxRecorded) deps.requests.splice(0, deps.requests.length - deps.maxRecorded)
}

/** Handles one request. */
export function handleRequest(deps: HandlerDeps, request: SimRequest): SimResponse {
  const req = normaliseRequest(request)
  const token = bearerToken(req.authorization)
  const restRoute = relativeTo(REST_PREFIX, req.path)
  const partnersRoute = restRoute === null ? relativeTo(PARTNERS_PREFIX, req.path) : null
  const rt = token === null ? undefined
    : partnersRoute !== null ? deps.runtimes.find((r) => r.tenant.partnersToken === token)
    : deps.runtimes.find((r) => r.tenant.token === token)
  const entry: RecordedRequest = {
    seq: deps.nextSeq(),
    method: req.method,
    path: req.path,
    query: Object.fromEntries(req.query),
    body: parsedBody(req.body),
    tenant: rt?.tenant.name ?? null,
    status: 0,
    fault: null,
  }
  record(deps, entry)
  const route = restRoute ?? (partnersRoute === null ? req.path.replace(/^\/+/, '') : `partners/${partnersRoute}`)
  const decision = deps.faults.decide({ method: req.method, path: req.path, route, query: req.query, tenant: entry.tenant })
  let response: SimResponse
  if (decision.kind === 'replace') {
    response = decision.response
    entry.fault = decision.fault
  } else {
    response = restRoute !== null ? answerRest(deps, req, restRoute, rt)
      : partnersRoute !== null ? answerPartners(deps, req, partnersRoute, rt)
      : unknownRoute()
    if (decision.kind === 'modify') {
      response = applyModification(response, decision.spec)
      entry.fault = decision.fault
    }
  }
  entry.status = response.status
  return response
}
