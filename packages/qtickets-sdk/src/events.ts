import type { QticketsErrorKind } from './errors'

/** One HTTP attempt finished (`status` is null when no answer arrived). */
export interface RequestEvent {
  type: 'request'
  method: string
  path: string
  status: number | null
  ms: number
  attempt: number
  errorKind?: QticketsErrorKind
}

/** A failed attempt will be retried after `delayMs`. */
export interface RetryEvent {
  type: 'retry'
  method: string
  path: string
  attempt: number
  delayMs: number
  errorKind: QticketsErrorKind
  status?: number
}

/** Circuit breaker state of a client. */
export type BreakerState = 'closed' | 'open' | 'half_open'

/** The circuit breaker changed state. */
export interface BreakerEvent {
  type: 'breaker'
  state: BreakerState
}

/** A list page was fetched and parsed. */
export interface PageEvent {
  type: 'page'
  resource: string
  page: number
  items: number
  total: number | null
  ms: number
}

/** Everything a client reports; none of it carries the token, headers, bodies or query values. */
export type QticketsEvent = RequestEvent | RetryEvent | BreakerEvent | PageEvent

/** Names of the events. */
export type QticketsEventType = QticketsEvent['type']

/** Listener for one event type. */
export type QticketsEventListener<T extends QticketsEventType> = (event: Extract<QticketsEvent, { type: T }>) => void

/** A tiny typed emitter; listener errors are swallowed so that logging can never break a request. */
export interface EventHub {
  emit(event: QticketsEvent): void
  on<T extends QticketsEventType>(type: T, listener: QticketsEventListener<T>): () => void
}

/** Creates an emitter that also forwards every event to `onEvent`. */
export function createEventHub(onEvent?: (event: QticketsEvent) => void): EventHub {
  const listeners = new Set<{ type: QticketsEventType; fn: (event: QticketsEvent) => void }>()
  return {
    emit(event) {
      safeCall(onEvent, event)
      for (const listener of listeners) if (listener.type === event.type) safeCall(listener.fn, event)
    },
    on(type, listener) {
      const entry = { type, fn: listener as (event: QticketsEvent) => void }
      listeners.add(entry)
      return () => listeners.delete(entry)
    },
  }
}

function safeCall(fn: ((event: QticketsEvent) => void) | undefined, event: QticketsEvent): void {
  try {
    fn?.(event)
  } catch {
    // A failing listener must not change the outcome of a request.
  }
}
