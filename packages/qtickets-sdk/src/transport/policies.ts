import {
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type IRetryBackoffContext,
  type RetryPolicy,
} from 'cockatiel'
import { isQticketsError, type QticketsError } from '../errors'
import type { BreakerState, EventHub } from '../events'

/** Retry settings. Reads are retried on network errors, timeouts, 408, 425, 429 and 5xx only. */
export interface RetryOptions {
  /** Total attempts per call, first one included (default 4). */
  maxAttempts?: number
  /** First backoff delay before jitter (default 250 ms); doubles per retry. */
  initialDelayMs?: number
  /** Largest backoff delay (default 10 s). */
  maxDelayMs?: number
  /** Total time budget of one call, retries and waits included (default 60 s). */
  deadlineMs?: number
  /** Largest `Retry-After` wait honoured (default 30 s). */
  maxRetryAfterMs?: number
  /** Total attempts when the answer is 503 / `UNKNOWN_ERROR`, which can be deterministic on this API (default 2). */
  maxAttempts503?: number
}

/** Circuit breaker settings (one breaker per client). */
export interface BreakerOptions {
  /** Consecutive failed attempts (network, timeout, 429, 5xx) that open the breaker (default 5). */
  failures?: number
  /** Time the breaker stays open before one probe request may pass (default 30 s). */
  halfOpenAfterMs?: number
}

/** Retry settings with defaults applied. */
export type RetrySettings = Required<RetryOptions>

/** Default retry settings. */
export const DEFAULT_RETRY: Readonly<RetrySettings> = Object.freeze({
  maxAttempts: 4,
  initialDelayMs: 250,
  maxDelayMs: 10_000,
  deadlineMs: 60_000,
  maxRetryAfterMs: 30_000,
  maxAttempts503: 2,
})

/** Default breaker settings. */
export const DEFAULT_BREAKER: Readonly<Required<BreakerOptions>> = Object.freeze({ failures: 5, halfOpenAfterMs: 30_000 })

const TRANSIENT_KINDS = new Set(['network', 'timeout', 'rate_limited', 'server'])

/** True for failures that may pass on a later attempt (and that count against the breaker). */
export function isTransient(error: unknown): error is QticketsError {
  return isQticketsError(error) && TRANSIENT_KINDS.has(error.kind)
}

/** True for the API's catch-all answer (503 or `UNKNOWN_ERROR`), which is retried only a few times. */
export function isCatchAll(error: QticketsError): boolean {
  return error.status === 503 || error.code === 'UNKNOWN_ERROR'
}

/** Backoff with jitter for a retry: the server's `Retry-After` when given (capped), else exponential with jitter. */
export function retryDelay(settings: RetrySettings, attempt: number, error: unknown, random: () => number = Math.random): number {
  const retryAfterMs = isQticketsError(error) ? error.retryAfterMs : undefined
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, settings.maxRetryAfterMs)
  const base = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(base / 2 + (random() * base) / 2)
}

/** A retry policy for one call: stateful (counts catch-all failures, watches the deadline), so create one per call. */
export function createCallRetry(settings: RetrySettings, deadlineAt: number): RetryPolicy {
  let catchAllFailures = 0
  const shouldRetry = (error: Error): boolean => {
    if (!isTransient(error)) return false
    if (isCatchAll(error) && ++catchAllFailures >= settings.maxAttempts503) return false
    const remaining = deadlineAt - Date.now()
    const wait = error.retryAfterMs === undefined ? 0 : Math.min(error.retryAfterMs, settings.maxRetryAfterMs)
    return remaining > 0 && wait < remaining
  }
  const backoff = new DelegateBackoff<IRetryBackoffContext<unknown>>((context) => {
    const failure = 'error' in context.result ? context.result.error : undefined
    const delay = retryDelay(settings, context.attempt, failure)
    return Math.max(0, Math.min(delay, deadlineAt - Date.now()))
  })
  return retry(handleWhen(shouldRetry), { maxAttempts: Math.max(0, settings.maxAttempts - 1), backoff })
}

/** The client's circuit breaker; it reports its state changes as `breaker` events. */
export function createBreaker(options: BreakerOptions, hub: EventHub): CircuitBreakerPolicy {
  const settings = { ...DEFAULT_BREAKER, ...options }
  const breaker = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.failures),
  })
  breaker.onStateChange((state) => hub.emit({ type: 'breaker', state: breakerState(state) }))
  return breaker
}

/** The breaker state as reported by the SDK. */
export function breakerState(state: CircuitState): BreakerState {
  if (state === CircuitState.Closed) return 'closed'
  if (state === CircuitState.HalfOpen) return 'half_open'
  return 'open'
}
