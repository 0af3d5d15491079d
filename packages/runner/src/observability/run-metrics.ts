import { createMetricsRegistry, type Gauge, type Labels, type MetricsRegistry } from './metrics'
import { resourceFromPath } from './resources'
import { type BreakerState, RUN_STATUSES, type RunStatus } from './types'

/** SDK event: one HTTP exchange finished (status 0 when no response arrived). */
export interface RequestEvent {
  method: string
  path: string
  status: number
  ms: number
}

/** SDK event: a request is about to be retried. */
export interface RetryEvent {
  attempt: number
  delayMs: number
  kind: string
  status?: number
  path?: string
}

/** SDK event: the token's circuit breaker changed state. */
export interface BreakerEvent {
  state: BreakerState
}

/** SDK event: one page of a list was read. */
export interface PageEvent {
  resource: string
  page: number
  items: number
  ms: number
}

/** Any SDK event, tagged with its type. */
export type SdkEvent =
  | ({ type: 'request' } & RequestEvent)
  | ({ type: 'retry' } & RetryEvent)
  | ({ type: 'breaker' } & BreakerEvent)
  | ({ type: 'page' } & PageEvent)

/** What `runFinished` records. `finishedAt` is the end of the run. */
export interface RunFinished {
  tenant: string
  status: RunStatus
  durationMs: number
  finishedAt: Date
}

/** Freshness read from ClickHouse after the run; null when unknown (never ran, no paid order yet). */
export interface Freshness {
  tenant: string
  newestPaidAt: Date | null
  lastSuccessAt: Date | null
}

/** The metrics of `qtickets-load run`, fed by one-line calls from the SDK events and the runner. */
export interface RunMetrics {
  /** The registry to render (`renderPrometheus`) or to restore a previous file into (`restoreMetrics`). */
  registry: MetricsRegistry
  /** Dispatches any tagged SDK event; `resource` overrides the one derived from the path. */
  sdkEvent(tenant: string, event: SdkEvent, resource?: string): void
  /** Counts one HTTP response by status, and its duration. */
  request(tenant: string, event: RequestEvent, resource?: string): void
  /** Counts one retry by error kind. */
  retry(tenant: string, event: RetryEvent, resource?: string): void
  /** Records a breaker transition and the current breaker state. */
  breaker(tenant: string, event: BreakerEvent): void
  /** Counts one page read. */
  page(tenant: string, event: PageEvent): void
  /** Adds rows read from the API. */
  rowsRead(tenant: string, resource: string, n: number): void
  /** Adds rows written to ClickHouse. */
  rowsWritten(tenant: string, resource: string, n: number): void
  /** Records the end of a run: status, duration, finish time; ok and partial count as success. */
  runFinished(run: RunFinished): void
  /** Records the newest paid order and the last successful run as read from ClickHouse. */
  freshness(freshness: Freshness): void
  /** The tenant's breaker state: last seen in this process, else from the gauge (a restored metrics file). */
  breakerState(tenant: string): BreakerState | undefined
}

const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, half_open: 1, open: 2 }

/** Creates the run metrics (every family declared up front) in a new or given registry. */
export function createRunMetrics(registry: MetricsRegistry = createMetricsRegistry()): RunMetrics {
  const m = declareRunMetrics(registry)
  const breakerStates = new Map<string, BreakerState>()
  registry.onCollect((now) => refreshAges(m, now))

  const request: RunMetrics['request'] = (tenant, event, resource) => {
    const labels = { tenant, resource: resource ?? resourceFromPath(event.path) }
    m.responses.inc({ ...labels, method: event.method.toUpperCase(), status: String(event.status) })
    m.requestSeconds.inc(labels, nonNegative(event.ms) / 1000)
  }
  const retry: RunMetrics['retry'] = (tenant, event, resource) => {
    const derived = event.path === undefined ? 'unknown' : resourceFromPath(event.path)
    m.retries.inc({ tenant, resource: resource ?? derived, kind: event.kind })
  }
  const breaker: RunMetrics['breaker'] = (tenant, event) => {
    breakerStates.set(tenant, event.state)
    m.breakerTransitions.inc({ tenant, state: event.state })
    m.breakerState.set({ tenant }, BREAKER_VALUE[event.state])
  }
  const page: RunMetrics['page'] = (tenant, event) => {
    m.pages.inc({ tenant, resource: event.resource })
  }

  return {
    registry,
    sdkEvent(tenant, event, resource) {
      if (event.type === 'request') request(tenant, event, resource)
      else if (event.type === 'retry') retry(tenant, event, resource)
      else if (event.type === 'breaker') breaker(tenant, event)
      else page(tenant, event)
    },
    request,
    retry,
    breaker,
    page,
    rowsRead: (tenant, resource, n) => m.rowsRead.inc({ tenant, resource }, n),
    rowsWritten: (tenant, resource, n) => m.rowsWritten.inc({ tenant, resource }, n),
    runFinished(run) {
      const finished = seconds(run.finishedAt)
      m.runs.inc({ tenant: run.tenant, status: run.status })
      for (const status of RUN_STATUSES) {
        m.lastRunStatus.set({ tenant: run.tenant, status }, status === run.status ? 1 : 0)
      }
      m.lastRunDuration.set({ tenant: run.tenant }, nonNegative(run.durationMs) / 1000)
      m.lastRunTimestamp.set({ tenant: run.tenant }, finished)
      if (run.status !== 'error') setLatest(m.lastSuccessTimestamp, { tenant: run.tenant }, finished)
      if (!breakerStates.has(run.tenant)) m.breakerState.set({ tenant: run.tenant }, BREAKER_VALUE.closed)
    },
    freshness({ tenant, newestPaidAt, lastSuccessAt }) {
      if (newestPaidAt) m.newestPaidTimestamp.set({ tenant }, seconds(newestPaidAt))
      if (lastSuccessAt) setLatest(m.lastSuccessTimestamp, { tenant }, seconds(lastSuccessAt))
    },
    breakerState: (tenant) => breakerStates.get(tenant) ?? breakerFromValue(m.breakerState.get({ tenant })),
  }
}

function declareRunMetrics(r: MetricsRegistry) {
  const tr = ['tenant', 'resource']
  const t = ['tenant']
  return {
    rowsRead: r.counter('qtickets_load_rows_read_total', 'Rows read from the QTickets API.', tr),
    rowsWritten: r.counter('qtickets_load_rows_written_total', 'Rows written to ClickHouse.', tr),
    pages: r.counter('qtickets_load_pages_total', 'List pages read from the QTickets API.', tr),
    retries: r.counter('qtickets_load_retries_total', 'Requests retried, by error kind.', [...tr, 'kind']),
    responses: r.counter(
      'qtickets_load_http_responses_total',
      'HTTP responses by status (0: no response).',
      [...tr, 'method', 'status'],
    ),
    requestSeconds: r.counter('qtickets_load_http_request_duration_seconds_total', 'Time spent in HTTP requests.', tr),
    breakerTransitions: r.counter(
      'qtickets_load_breaker_transitions_total',
      'Circuit breaker transitions, by the state entered.',
      ['tenant', 'state'],
    ),
    breakerState: r.gauge(
      'qtickets_load_breaker_state',
      'Circuit breaker state at the end of the last run: 0 closed, 1 half-open, 2 open.',
      t,
    ),
    runs: r.counter('qtickets_load_runs_total', 'Runs finished, by status.', ['tenant', 'status']),
    lastRunStatus: r.gauge(
      'qtickets_load_last_run_status',
      'Status of the last run: 1 for the status it ended with, 0 for the others.',
      ['tenant', 'status'],
    ),
    lastRunDuration: r.gauge('qtickets_load_last_run_duration_seconds', 'Duration of the last run.', t),
    lastRunTimestamp: r.gauge('qtickets_load_last_run_timestamp_seconds', 'Unix time the last run finished.', t),
    lastSuccessTimestamp: r.gauge(
      'qtickets_load_last_success_timestamp_seconds',
      'Unix time the last ok or partial run finished.',
      t,
    ),
    lastSuccessAge: r.gauge(
      'qtickets_load_last_success_age_seconds',
      'Age of the last successful run when the metrics were written.',
      t,
    ),
    newestPaidTimestamp: r.gauge(
      'qtickets_load_newest_paid_order_timestamp_seconds',
      'Unix time of the newest paid order in ClickHouse.',
      t,
    ),
    newestPaidAge: r.gauge(
      'qtickets_load_newest_paid_order_age_seconds',
      'Age of the newest paid order when the metrics were written.',
      t,
    ),
    generated: r.gauge('qtickets_load_metrics_generated_timestamp_seconds', 'Unix time these metrics were written.', []),
  }
}

type RunMetricFamilies = ReturnType<typeof declareRunMetrics>

function refreshAges(m: RunMetricFamilies, now: Date): void {
  const nowSeconds = seconds(now)
  for (const sample of m.lastSuccessTimestamp.samples()) {
    m.lastSuccessAge.set(sample.labels, Math.max(0, nowSeconds - sample.value))
  }
  for (const sample of m.newestPaidTimestamp.samples()) {
    m.newestPaidAge.set(sample.labels, Math.max(0, nowSeconds - sample.value))
  }
  m.generated.set({}, nowSeconds)
}

function breakerFromValue(value: number | undefined): BreakerState | undefined {
  return (Object.keys(BREAKER_VALUE) as BreakerState[]).find((state) => BREAKER_VALUE[state] === value)
}

function setLatest(gauge: Gauge, labels: Labels, value: number): void {
  const current = gauge.get(labels)
  if (current === undefined || value > current) gauge.set(labels, value)
}

function seconds(date: Date): number {
  return date.getTime() / 1000
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0
}
