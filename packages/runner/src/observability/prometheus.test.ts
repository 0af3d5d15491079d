import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMetricsRegistry } from './metrics'
import { escapeHelp, escapeLabelValue, formatValue, metricsToJson, readMetricsFile, renderPrometheus, writeMetricsFile } from './prometheus'
import { parseExposition } from './prometheus-parse'

function smallRegistry() {
  const registry = createMetricsRegistry()
  const rows = registry.counter('qtickets_load_rows_read_total', 'Rows read from the QTickets API.', ['tenant', 'resource'])
  const breaker = registry.gauge('qtickets_load_breaker_state', 'Breaker: 0 closed, 2 open.', ['tenant'])
  const generated = registry.gauge('qtickets_load_metrics_generated_timestamp_seconds', 'Unix time written.', [])
  rows.inc({ tenant: 'beta', resource: 'orders' }, 120)
  rows.inc({ tenant: 'acme', resource: 'orders' }, 50)
  rows.inc({ tenant: 'acme', resource: 'events' }, 10)
  breaker.set({ tenant: 'acme' }, 2)
  registry.onCollect((now) => generated.set({}, now.getTime() / 1000))
  return registry
}

describe('renderPrometheus', () => {
  it('renders HELP and TYPE lines, families sorted by name and series by labels', () => {
    const text = renderPrometheus(smallRegistry(), new Date('2025-11-03T10:00:00.500Z'))
    expect(text).toBe(
      [
        '# HELP qtickets_load_breaker_state Breaker: 0 closed, 2 open.',
        '# TYPE qtickets_load_breaker_state gauge',
        'qtickets_load_breaker_state{tenant="acme"} 2',
        '# HELP qtickets_load_metrics_generated_timestamp_seconds Unix time written.',
        '# TYPE qtickets_load_metrics_generated_timestamp_seconds gauge',
        'qtickets_load_metrics_generated_timestamp_seconds 1762164000.5',
        '# HELP qtickets_load_rows_read_total Rows read from the QTickets API.',
        '# TYPE qtickets_load_rows_read_total counter',
        'qtickets_load_rows_read_total{tenant="acme",resource="events"} 10',
        'qtickets_load_rows_read_total{tenant="acme",resource="orders"} 50',
        'qtickets_load_rows_read_total{tenant="beta",resource="orders"} 120',
        '',
      ].join('\n'),
    )
  })

  it('escapes backslash, double quote and line feed in label values, and in HELP text', () => {
    const registry = createMetricsRegistry()
    registry.gauge('qtickets_load_breaker_state', 'Line one\nback\\slash "quoted"', ['tenant']).set({ tenant: 'a"b\\c\nd' }, 1)
    expect(renderPrometheus(registry)).toBe(
      [
        '# HELP qtickets_load_breaker_state Line one\\nback\\\\slash "quoted"',
        '# TYPE qtickets_load_breaker_state gauge',
        'qtickets_load_breaker_state{tenant="a\\"b\\\\c\\nd"} 1',
        '',
      ].join('\n'),
    )
  })

  it('round-trips escaped label values through the parser', () => {
    const registry = createMetricsRegistry()
    const tenant = 'weird "tenant"\\ with\nnewline, comma={brace}'
    registry.gauge('qtickets_load_breaker_state', 'x', ['tenant']).set({ tenant }, 1)
    expect(parseExposition(renderPrometheus(registry))).toEqual([
      { name: 'qtickets_load_breaker_state', type: 'gauge', labels: { tenant }, value: 1 },
    ])
  })

  it('renders an empty registry as an empty file', () => {
    expect(renderPrometheus(createMetricsRegistry())).toBe('')
  })
})

describe('escaping helpers', () => {
  it('escape exactly the characters the format requires', () => {
    expect(escapeLabelValue('plain-value_1.2')).toBe('plain-value_1.2')
    expect(escapeLabelValue('\\"\n')).toBe('\\\\\\"\\n')
    expect(escapeHelp('say "hi"\\\n')).toBe('say "hi"\\\\\\n')
  })

  it('formats non-finite values the way Prometheus reads them', () => {
    expect([formatValue(Number.NaN), formatValue(Infinity), formatValue(-Infinity), formatValue(-0.25)]).toEqual([
      'NaN',
      '+Inf',
      '-Inf',
      '-0.25',
    ])
  })
})

describe('metricsToJson', () => {
  it('lists families with labels and values and the generation time', () => {
    const json = metricsToJson(smallRegistry(), new Date('2025-11-03T10:00:00Z'))
    expect(json.generatedAt).toBe('2025-11-03T10:00:00.000Z')
    expect(json.metrics.map((metric) => metric.name)).toEqual([
      'qtickets_load_breaker_state',
      'qtickets_load_metrics_generated_timestamp_seconds',
      'qtickets_load_rows_read_total',
    ])
    expect(json.metrics[2]?.samples[2]).toEqual({ labels: { tenant: 'beta', resource: 'orders' }, value: 120 })
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
  })
})

describe('writeMetricsFile', () => {
  it('writes the exposition text to the path with no temp file left for the collector to read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qtl-prom-'))
    try {
      const path = join(dir, 'qtickets.prom')
      const text = renderPrometheus(smallRegistry())
      await writeMetricsFile(path, text)
      await writeMetricsFile(path, text)
      expect(await readFile(path, 'utf8')).toBe(text)
      expect(await readMetricsFile(path)).toBe(text)
      expect(await readdir(dir)).toEqual(['qtickets.prom'])
      expect(await readMetricsFile(join(dir, 'absent.prom'))).toBeUndefined()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
