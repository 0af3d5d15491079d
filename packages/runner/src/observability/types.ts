/** How a run ended: `partial` means an optional resource failed and the rest was loaded. */
export type RunStatus = 'ok' | 'partial' | 'error'

/** Every run status, in the order metrics and docs list them. */
export const RUN_STATUSES: readonly RunStatus[] = ['ok', 'partial', 'error']

/** State of the SDK's circuit breaker for one tenant's token. */
export type BreakerState = 'closed' | 'half_open' | 'open'

/** The logger observability code writes its warnings to (the runner's logger, adapted in one line). */
export interface ObservabilityLogger {
  /** Something went wrong but the load carries on (a notifier is down, the alert state was unreadable). */
  warn(message: string, fields?: Record<string, unknown>): void
}
