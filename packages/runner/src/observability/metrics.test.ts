import { describe, expect, it } from 'vitest'
import { createMetricsRegistry } from './metrics'

describe('createMetricsRegistry', () => {
  it('adds counter increments per label set and collects families sorted by name and labels', () => {
    const registry = createMetricsRegistry()
    const rows = registry.counter('qtickets_load_rows_read_total', 'Rows read.', ['tenant', 'resource'])
    const state = registry.gauge('qtickets_load_breaker_state', 'Breaker.', ['tenant'])
    rows.inc({ tenant: 'zeta', resource: 'orders' }, 5)
    rows.inc({ tenant: 'acme', resource: 'orders' }, 2)
    rows.inc({ resource: 'orders', tenant: 'acme' })
    state.set({ tenant: 'acme' }, 2)

    const families = registry.collect()
    expect(families.map((family) => family.name)).toEqual([
      'qtickets_load_breaker_state',
      'qtickets_load_rows_read_total',
    ])
    expect(families[1]?.samples).toEqual([
      { labels: { tenant: 'acme', resource: 'orders' }, value: 3 },
      { labels: { tenant: 'zeta', resource: 'orders' }, value: 5 },
    ])
  })

  it('leaves families without samples out of collect but lists them in names()', () => {
    const registry = createMetricsRegistry()
    registry.counter('qtickets_load_pages_total', 'Pages.', ['tenant'])
    expect(registry.collect()).toEqual([])
    expect(registry.names()).toEqual(['qtickets_load_pages_total'])
  })

  it('runs collect hooks with the given time before taking the snapshot', () => {
    const registry = createMetricsRegistry()
    const written = registry.gauge('qtickets_load_metrics_generated_timestamp_seconds', 'Written.', [])
    registry.onCollect((now) => written.set({}, now.getTime() / 1000))
    const [family] = registry.collect(new Date('2025-11-03T10:00:00Z'))
    expect(family?.samples).toEqual([{ labels: {}, value: 1762164000 }])
  })

  it('rejects a counter going down, naming the metric and the value', () => {
    const rows = createMetricsRegistry().counter('qtickets_load_rows_read_total', 'Rows.', ['tenant'])
    expect(() => rows.inc({ tenant: 'acme' }, -1)).toThrow('metric qtickets_load_rows_read_total: a counter only goes up, got increment -1')
    expect(() => rows.inc({ tenant: 'acme' }, Number.NaN)).toThrow('got increment NaN')
  })

  it('rejects missing or extra labels, naming the expected ones', () => {
    const rows = createMetricsRegistry().counter('qtickets_load_rows_read_total', 'Rows.', ['tenant', 'resource'])
    expect(() => rows.inc({ tenant: 'acme' })).toThrow('expected labels [tenant, resource], got [tenant]')
    expect(() => rows.inc({ tenant: 'acme', resource: 'orders', extra: 'x' })).toThrow('got [tenant, resource, extra]')
  })

  it('validates names: prefix, _total on counters, label names', () => {
    const registry = createMetricsRegistry()
    expect(() => registry.gauge('rows', 'x', [])).toThrow('metric name "rows" must start with qtickets_load_')
    expect(() => registry.counter('qtickets_load_rows', 'x', [])).toThrow('counter "qtickets_load_rows" must end in _total')
    expect(() => registry.gauge('qtickets_load_x', 'x', ['bad-label'])).toThrow('invalid label name "bad-label"')
    expect(() => registry.gauge('qtickets_load_x', 'x', ['__name'])).toThrow('invalid label name "__name"')
  })

  it('returns the same family when declared twice alike and refuses a different declaration', () => {
    const registry = createMetricsRegistry()
    registry.counter('qtickets_load_pages_total', 'Pages.', ['tenant']).inc({ tenant: 'a' })
    registry.counter('qtickets_load_pages_total', 'Pages.', ['tenant']).inc({ tenant: 'a' })
    expect(registry.counter('qtickets_load_pages_total', 'Pages.', ['tenant']).get({ tenant: 'a' })).toBe(2)
    expect(() => registry.gauge('qtickets_load_pages_total', 'Pages.', ['tenant'])).toThrow('already declared as counter')
  })

  it('restores a saved sample only into a matching declared family', () => {
    const registry = createMetricsRegistry()
    const pages = registry.counter('qtickets_load_pages_total', 'Pages.', ['tenant'])
    expect(registry.restoreSample('qtickets_load_pages_total', 'counter', { tenant: 'a' }, 7)).toBe(true)
    expect(registry.restoreSample('qtickets_load_pages_total', 'gauge', { tenant: 'a' }, 9)).toBe(false)
    expect(registry.restoreSample('qtickets_load_pages_total', 'counter', { tenant: 'a', x: 'y' }, 9)).toBe(false)
    expect(registry.restoreSample('qtickets_load_unknown_total', 'counter', { tenant: 'a' }, 9)).toBe(false)
    pages.inc({ tenant: 'a' })
    expect(pages.get({ tenant: 'a' })).toBe(8)
  })
})
