import { describe, expect, it } from 'vitest'
import { renderPrometheus } from './prometheus'
import { restoreMetrics } from './prometheus-parse'
import { createRunMetrics, type SdkEvent } from './run-metrics'

const finishedAt = new Date('2025-11-03T10:00:00Z')

function linesOf(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
}

describe('createRunMetrics', () => {
  it('turns SDK events into responses, retries, pages and breaker series per tenant and resource', () => {
    const metrics = createRunMetrics()
    const events: SdkEvent[] = [
      { type: 'request', method: 'get', path: '/api/rest/v1/orders?page=1', status: 503, ms: 250 },
      { type: 'retry', attempt: 1, delayMs: 400, kind: 'server', status: 503 },
      { type: 'request', method: 'GET', path: '/api/rest/v1/orders?page=1', status: 200, ms: 750 },
      { type: 'page', resource: 'orders', page: 1, items: 50, ms: 800 },
      { type: 'request', method: 'GET', path: 'shows/9/seats', status: 200, ms: 100 },
      { type: 'breaker', state: 'open' },
      { type: 'breaker', state: 'half_open' },
    ]
    for (const event of events) metrics.sdkEvent('acme', event, event.type === 'retry' ? 'orders' : undefined)
    const text = renderPrometheus(metrics.registry, finishedAt)

    expect(linesOf(text, 'qtickets_load_http_responses_total')).toEqual([
      'qtickets_load_http_responses_total{tenant="acme",resource="inventory",method="GET",status="200"} 1',
      'qtickets_load_http_responses_total{tenant="acme",resource="orders",method="GET",status="200"} 1',
      'qtickets_load_http_responses_total{tenant="acme",resource="orders",method="GET",status="503"} 1',
    ])
    expect(linesOf(text, 'qtickets_load_http_request_duration_seconds_total')).toContain(
      'qtickets_load_http_request_duration_seconds_total{tenant="acme",resource="orders"} 1',
    )
    expect(linesOf(text, 'qtickets_load_retries_total')).toEqual([
      'qtickets_load_retries_total{tenant="acme",resource="orders",kind="server"} 1',
    ])
    expect(linesOf(text, 'qtickets_load_pages_total')).toEqual(['qtickets_load_pages_total{tenant="acme",resource="orders"} 1'])
    expect(linesOf(text, 'qtickets_load_breaker_transitions_total')).toEqual([
      'qtickets_load_breaker_transitions_total{tenant="acme",state="half_open"} 1',
      'qtickets_load_breaker_transitions_total{tenant="acme",state="open"} 1',
    ])
    expect(linesOf(text, 'qtickets_load_breaker_state')).toEqual(['qtickets_load_breaker_state{tenant="acme"} 1'])
    expect(metrics.breakerState('acme')).toBe('half_open')
  })

  it('reads the breaker state of a restored metrics file (for status)', () => {
    const run = createRunMetrics()
    run.breaker('acme', { state: 'open' })
    const status = createRunMetrics()
    restoreMetrics(status.registry, renderPrometheus(run.registry))
    expect(status.breakerState('acme')).toBe('open')
    expect(status.breakerState('nobody')).toBeUndefined()
  })

  it('labels a retry without path or resource as unknown', () => {
    const metrics = createRunMetrics()
    metrics.retry('acme', { attempt: 2, delayMs: 100, kind: 'network' })
    expect(linesOf(renderPrometheus(metrics.registry), 'qtickets_load_retries_total')).toEqual([
      'qtickets_load_retries_total{tenant="acme",resource="unknown",kind="network"} 1',
    ])
  })

  it('records rows, run status, duration, success time and ages computed at write time', () => {
    const metrics = createRunMetrics()
    metrics.rowsRead('acme', 'orders', 120)
    metrics.rowsRead('acme', 'orders', 30)
    metrics.rowsWritten('acme', 'orders', 150)
    metrics.runFinished({ tenant: 'acme', status: 'partial', durationMs: 42_500, finishedAt })
    metrics.freshness({ tenant: 'acme', newestPaidAt: new Date('2025-11-03T09:30:00Z'), lastSuccessAt: null })
    const text = renderPrometheus(metrics.registry, new Date('2025-11-03T10:05:00Z'))

    expect(linesOf(text, 'qtickets_load_rows_read_total')).toEqual(['qtickets_load_rows_read_total{tenant="acme",resource="orders"} 150'])
    expect(linesOf(text, 'qtickets_load_rows_written_total')).toEqual(['qtickets_load_rows_written_total{tenant="acme",resource="orders"} 150'])
    expect(linesOf(text, 'qtickets_load_last_run_status')).toEqual([
      'qtickets_load_last_run_status{tenant="acme",status="error"} 0',
      'qtickets_load_last_run_status{tenant="acme",status="ok"} 0',
      'qtickets_load_last_run_status{tenant="acme",status="partial"} 1',
    ])
    expect(linesOf(text, 'qtickets_load_runs_total')).toEqual(['qtickets_load_runs_total{tenant="acme",status="partial"} 1'])
    expect(linesOf(text, 'qtickets_load_last_run_duration_seconds')).toEqual(['qtickets_load_last_run_duration_seconds{tenant="acme"} 42.5'])
    expect(linesOf(text, 'qtickets_load_last_run_timestamp_seconds')).toEqual(['qtickets_load_last_run_timestamp_seconds{tenant="acme"} 1762164000'])
    expect(linesOf(text, 'qtickets_load_last_success_timestamp_seconds')).toEqual(['qtickets_load_last_success_timestamp_seconds{tenant="acme"} 1762164000'])
    expect(linesOf(text, 'qtickets_load_last_success_age_seconds')).toEqual(['qtickets_load_last_success_age_seconds{tenant="acme"} 300'])
    expect(linesOf(text, 'qtickets_load_newest_paid_order_age_seconds')).toEqual(['qtickets_load_newest_paid_order_age_seconds{tenant="acme"} 2100'])
    expect(linesOf(text, 'qtickets_load_breaker_state')).toEqual(['qtickets_load_breaker_state{tenant="acme"} 0'])
    expect(linesOf(text, 'qtickets_load_metrics_generated_timestamp_seconds')).toEqual([
      'qtickets_load_metrics_generated_timestamp_seconds 1762164300',
    ])
  })

  it('does not move the last success on an error run, and keeps the newer of run and ClickHouse success times', () => {
    const metrics = createRunMetrics()
    metrics.freshness({ tenant: 'acme', newestPaidAt: null, lastSuccessAt: new Date('2025-11-03T08:00:00Z') })
    metrics.runFinished({ tenant: 'acme', status: 'error', durationMs: 1000, finishedAt })
    metrics.freshness({ tenant: 'acme', newestPaidAt: null, lastSuccessAt: new Date('2025-11-03T07:00:00Z') })
    const text = renderPrometheus(metrics.registry, finishedAt)
    expect(linesOf(text, 'qtickets_load_last_success_age_seconds')).toEqual(['qtickets_load_last_success_age_seconds{tenant="acme"} 7200'])
    expect(linesOf(text, 'qtickets_load_newest_paid_order_timestamp_seconds')).toEqual([])
  })

  it('keeps counting across processes when the previous metrics file is restored first', () => {
    const first = createRunMetrics()
    first.rowsRead('acme', 'orders', 100)
    first.retry('acme', { attempt: 1, delayMs: 10, kind: 'server' }, 'orders')
    first.runFinished({ tenant: 'acme', status: 'ok', durationMs: 1000, finishedAt })
    first.runFinished({ tenant: 'beta', status: 'error', durationMs: 1000, finishedAt })
    const previous = renderPrometheus(first.registry, finishedAt)

    const second = createRunMetrics()
    expect(restoreMetrics(second.registry, previous)).toBeGreaterThan(0)
    second.rowsRead('acme', 'orders', 5)
    second.retry('acme', { attempt: 1, delayMs: 10, kind: 'server' }, 'orders')
    second.runFinished({ tenant: 'acme', status: 'ok', durationMs: 1000, finishedAt: new Date('2025-11-03T10:05:00Z') })
    const text = renderPrometheus(second.registry, new Date('2025-11-03T10:05:00Z'))

    expect(linesOf(text, 'qtickets_load_rows_read_total')).toEqual(['qtickets_load_rows_read_total{tenant="acme",resource="orders"} 105'])
    expect(linesOf(text, 'qtickets_load_retries_total')).toEqual(['qtickets_load_retries_total{tenant="acme",resource="orders",kind="server"} 2'])
    expect(linesOf(text, 'qtickets_load_runs_total')).toEqual([
      'qtickets_load_runs_total{tenant="acme",status="ok"} 2',
      'qtickets_load_runs_total{tenant="beta",status="error"} 1',
    ])
    expect(second.breakerState('acme')).toBe('closed')
    // beta did not run in the second process: its last run and breaker state stay visible.
    expect(second.breakerState('beta')).toBe('closed')
    expect(linesOf(text, 'qtickets_load_last_run_status')).toContain('qtickets_load_last_run_status{tenant="beta",status="error"} 1')
  })
})
