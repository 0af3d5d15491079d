import { BrokenCircuitError, IsolatedCircuitError, type CircuitBreakerPolicy } from 'cockatiel'
import { createFetch } from 'ofetch'
import {
  QticketsCircuitOpenError,
  QticketsNetworkError,
  QticketsTimeoutError,
  isQticketsError,
  type QticketsError,
  type RequestInfo,
} from '../errors'
import type { BreakerState, EventHub } from '../events'
import { toJsonBody, toSearchParams } from '../query/encode'
import type { WireQuery } from '../query/list-query'
import { interpretAnswer } from './interpret'
import type { FetchLike } from './node-fetch'
import { breakerState, createCallRetry, type RetrySettings } from './policies'

/** Where list parameters travel: a JSON body on GET (documented) or JSON-encoded query parameters (experimental). */
export type ParamsIn = 'body' | 'query'

/** Everything a transport needs. The credential stays inside the transport. */
export interface TransportConfig {
  baseUrl: string
  credential: string
  paramsIn: ParamsIn
  timeoutMs: number
  retry: RetrySettings | false
  breaker: CircuitBreakerPolicy | undefined
  fetch: FetchLike
  hub: EventHub
}

/** Inspects a parsed 2xx body inside the attempt (e.g. the Partners `status: "error"`); throw to fail it. */
export type AnswerCheck = (json: unknown, request: RequestInfo) => void

/** Sends GET requests with retries, breaker, timeouts and events. There is no other method: reads never use POST. */
export interface Transport {
  get(path: string, query?: WireQuery, check?: AnswerCheck): Promise<unknown>
  breakerState(): BreakerState
}

class AttemptTimeout extends Error {}

/** Creates the GET transport of a client. */
export function createTransport(config: TransportConfig): Transport {
  const $fetch = createFetch({ fetch: config.fetch as typeof globalThis.fetch })
  const baseUrl = config.baseUrl.replace(/\/+$/, '')
  const headers = {
    Accept: 'application/json',
    'Cache-Control': 'no-cache',
    'Content-Type': 'application/json',
    Authorization: `Bearer ${config.credential}`,
  }
  const secrets = [config.credential]

  async function sendOnce(request: RequestInfo, query: WireQuery, timeoutMs: number, attempt: number, check?: AnswerCheck) {
    const url = buildUrl(baseUrl, request.path, config.paramsIn === 'query' ? query : {})
    const body = config.paramsIn === 'body' ? toJsonBody(query) : undefined
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new AttemptTimeout()), timeoutMs)
    const started = performance.now()
    let status: number | null = null
    try {
      const response = await $fetch.raw<string, 'text'>(url, {
        method: 'GET',
        headers,
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
        retry: false,
        ignoreResponseError: true,
        responseType: 'text',
      })
      status = response.status
      const answer = {
        status,
        contentType: response.headers.get('content-type') ?? '',
        text: typeof response._data === 'string' ? response._data : '',
        retryAfter: response.headers.get('retry-after'),
      }
      const json = interpretAnswer(answer, request, secrets)
      check?.(json, request)
      config.hub.emit({ type: 'request', ...request, status, ms: elapsed(started), attempt })
      return json
    } catch (thrown) {
      const error = toQticketsError(thrown, request, controller.signal, timeoutMs)
      config.hub.emit({ type: 'request', ...request, status, ms: elapsed(started), attempt, errorKind: error.kind })
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  async function throughBreaker<T>(request: RequestInfo, fn: () => Promise<T>): Promise<T> {
    if (!config.breaker) return fn()
    try {
      return await config.breaker.execute(fn)
    } catch (error) {
      if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) {
        throw new QticketsCircuitOpenError(`${request.method} ${request.path}: circuit breaker is open, request not sent`, request)
      }
      throw error
    }
  }

  async function get(path: string, query: WireQuery = {}, check?: AnswerCheck): Promise<unknown> {
    const request: RequestInfo = { method: 'GET', path }
    const deadlineAt = Date.now() + (config.retry ? config.retry.deadlineMs : config.timeoutMs)
    const attemptOnce = (attempt: number) => {
      const remaining = deadlineAt - Date.now()
      if (remaining <= 0) {
        return Promise.reject(new QticketsTimeoutError(`${request.method} ${request.path}: retry deadline exceeded`, request))
      }
      return throughBreaker(request, () => sendOnce(request, query, Math.min(config.timeoutMs, remaining), attempt, check))
    }
    if (!config.retry) return attemptOnce(1)
    const policy = createCallRetry(config.retry, deadlineAt)
    policy.onRetry((event) => {
      const error = 'error' in event ? event.error : undefined
      if (!isQticketsError(error)) return
      config.hub.emit({
        type: 'retry',
        ...request,
        attempt: event.attempt + 1,
        delayMs: event.delay,
        errorKind: error.kind,
        ...(error.status === undefined ? {} : { status: error.status }),
      })
    })
    return policy.execute(({ attempt }) => attemptOnce(attempt + 1))
  }

  return {
    get,
    breakerState: () => (config.breaker ? breakerState(config.breaker.state) : 'closed'),
  }
}

/** Base URL + API path (+ query parameters in query mode), percent-encoded by `URLSearchParams`. */
export function buildUrl(baseUrl: string, path: string, query: WireQuery): string {
  const search = toSearchParams(query).toString()
  return `${baseUrl}${path}${search ? `?${search}` : ''}`
}

function toQticketsError(thrown: unknown, request: RequestInfo, signal: AbortSignal, timeoutMs: number): QticketsError {
  if (isQticketsError(thrown)) return thrown
  if (signal.aborted && signal.reason instanceof AttemptTimeout) {
    return new QticketsTimeoutError(`${request.method} ${request.path}: no answer within ${timeoutMs} ms`, request)
  }
  const cause = (thrown as { cause?: unknown } | undefined)?.cause ?? thrown
  const code = (cause as { code?: unknown } | undefined)?.code
  const causeCode = typeof code === 'string' ? code : undefined
  const label = causeCode ?? (cause instanceof Error ? cause.name : 'unknown')
  return new QticketsNetworkError(`${request.method} ${request.path}: network error (${label})`, request, causeCode)
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10
}
