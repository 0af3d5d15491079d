import type { QticketsEvent } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import { renderPrometheus } from './prometheus'
import { createRunMetrics } from './run-metrics'
import { toSdkEvent } from './sdk-event'

describe('toSdkEvent', () => {
  it('counts SDK events under the labels the alert rules use', () => {
    const metrics = createRunMetrics()
    const events: QticketsEvent[] = [
      { type: 'request', method: 'GET', path: '/orders', status: null, ms: 120, attempt: 1, errorKind: 'network' },
      { type: 'retry', method: 'GET', path: '/orders', attempt: 2, delayMs: 250, errorKind: 'network' },
      { type: 'request', method: 'GET', path: '/orders', status: 200, ms: 80, attempt: 2 },
      { type: 'page', resource: 'promoCodes', page: 1, items: 3, total: 3, ms: 5 },
      { type: 'breaker', state: 'open' },
    ]
    for (const event of events) metrics.sdkEvent('acme', toSdkEvent(event))
    const text = renderPrometheus(metrics.registry, new Date('2025-11-03T09:00:00Z'))
    expect(text).toContain('qtickets_load_http_responses_total{tenant="acme",resource="orders",method="GET",status="0"} 1')
    expect(text).toContain('qtickets_load_http_responses_total{tenant="acme",resource="orders",method="GET",status="200"} 1')
    expect(text).toContain('qtickets_load_retries_total{tenant="acme",resource="orders",kind="network"} 1')
    expect(text).toContain('qtickets_load_pages_total{tenant="acme",resource="promo_codes"} 1')
    expect(text).toContain('qtickets_load_breaker_state{tenant="acme"} 2')
  })

  it('uses the resource being synced for pages when the runner names it', () => {
    expect(toSdkEvent({ type: 'page', resource: 'events', page: 2, items: 1, total: null, ms: 1 }, 'inventory')).toMatchObject({ resource: 'inventory' })
  })
})
