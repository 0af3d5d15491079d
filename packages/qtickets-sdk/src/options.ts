import { createBreaker, DEFAULT_RETRY, type BreakerOptions, type RetryOptions, type RetrySettings } from './transport/policies'
import type { EventHub, QticketsEvent } from './events'
import type { FetchLike } from './transport/node-fetch'
import { nodeHttpFetch } from './transport/node-fetch'
import type { CircuitBreakerPolicy } from 'cockatiel'

/** Settings shared by the REST and Partners clients. */
export interface CommonClientOptions {
  /** Retry settings, or `false` to send each request once. */
  retry?: RetryOptions | false
  /** Circuit breaker settings, or `false` for none. */
  breaker?: BreakerOptions | false
  /** Time limit of one attempt (default 30 s). */
  timeoutMs?: number
  /** A `fetch` implementation; default: `node:http(s)`, which can send a body with GET. Undici's fetch cannot. */
  fetch?: FetchLike
  /** Receives every event (`request`, `retry`, `breaker`, `page`). */
  onEvent?: (event: QticketsEvent) => void
}

/** Default time limit of one attempt. */
export const DEFAULT_TIMEOUT_MS = 30_000

/** Resolved transport settings of a client. */
export interface ResolvedCommonOptions {
  retry: RetrySettings | false
  breaker: CircuitBreakerPolicy | undefined
  timeoutMs: number
  fetch: FetchLike
}

/** Applies defaults and validates the shared settings. */
export function resolveCommonOptions(options: CommonClientOptions, hub: EventHub): ResolvedCommonOptions {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  if (!(timeoutMs > 0)) throw new TypeError('timeoutMs must be a positive number')
  const retry = options.retry === false ? false : { ...DEFAULT_RETRY, ...options.retry }
  if (retry && !(Number.isInteger(retry.maxAttempts) && retry.maxAttempts >= 1)) {
    throw new TypeError('retry.maxAttempts must be an integer >= 1')
  }
  return {
    retry,
    breaker: options.breaker === false ? undefined : createBreaker(options.breaker ?? {}, hub),
    timeoutMs,
    fetch: options.fetch ?? nodeHttpFetch,
  }
}

/** Rejects empty credentials early, without echoing them. */
export function requireCredential(name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`${name} must be a non-empty string`)
  return value.trim()
}
