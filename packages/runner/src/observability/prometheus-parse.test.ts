import { describe, expect, it } from 'vitest'
import { createMetricsRegistry } from './metrics'
import { parseExposition, restoreMetrics } from './prometheus-parse'

describe('parseExposition', () => {
  it('reads typed series with labels and special values', () => {
    const text = [
      '# HELP qtickets_load_pages_total Pages.',
      '# TYPE qtickets_load_pages_total counter',
      'qtickets_load_pages_total{tenant="acme",resource="orders"} 12',
      '# TYPE qtickets_load_breaker_state gauge',
      'qtickets_load_breaker_state{tenant="a\\\\b\\"c"} NaN',
      'qtickets_load_metrics_generated_timestamp_seconds 1.5e9',
      '',
    ].join('\n')
    expect(parseExposition(text)).toEqual([
      { name: 'qtickets_load_pages_total', type: 'counter', labels: { tenant: 'acme', resource: 'orders' }, value: 12 },
      { name: 'qtickets_load_breaker_state', type: 'gauge', labels: { tenant: 'a\\b"c' }, value: Number.NaN },
      { name: 'qtickets_load_metrics_generated_timestamp_seconds', type: undefined, labels: {}, value: 1.5e9 },
    ])
  })

  it('skips lines it cannot read', () => {
    const text = ['qtickets_load_pages_total{tenant="acme" 12', 'qtickets_load_pages_total{tenant="acme"} twelve', '{x="y"} 1'].join('\n')
    expect(parseExposition(text)).toEqual([])
  })
})

describe('restoreMetrics', () => {
  it('restores only declared families with the same type and labels', () => {
    const registry = createMetricsRegistry()
    const pages = registry.counter('qtickets_load_pages_total', 'Pages.', ['tenant', 'resource'])
    const text = [
      '# TYPE qtickets_load_pages_total counter',
      'qtickets_load_pages_total{tenant="acme",resource="orders"} 12',
      'qtickets_load_pages_total{tenant="acme"} 99',
      '# TYPE qtickets_load_removed_total counter',
      'qtickets_load_removed_total{tenant="acme"} 3',
      'qtickets_load_untyped_total{tenant="acme"} 3',
    ].join('\n')
    expect(restoreMetrics(registry, text)).toBe(1)
    expect(pages.get({ tenant: 'acme', resource: 'orders' })).toBe(12)
    expect(registry.names()).toEqual(['qtickets_load_pages_total'])
  })
})
