import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OBSERVABILITY_ENV, parseObservabilityConfig } from './config'
import { createRunMetrics } from './run-metrics'

/** A file of docs/monitoring, read from the repository root. */
const doc = (name: string) => readFileSync(new URL(`../../../../docs/monitoring/${name}`, import.meta.url), 'utf8')
const metricNames = (text: string) => [...new Set(text.match(/\bqtickets_load_[a-z0-9_]+/g) ?? [])].sort()
const exported = createRunMetrics().registry.names()

describe('docs/monitoring stays consistent with the exported metrics', () => {
  it('the alert rules use only metrics the runner exports, and cover the key ones', () => {
    const rules = doc('qtickets-alerts.yml')
    const used = metricNames(rules.split('\n').filter((line) => line.trim().startsWith('expr:')).join('\n'))
    expect(used.filter((name) => !exported.includes(name))).toEqual([])
    expect(used).toEqual(
      expect.arrayContaining([
        'qtickets_load_last_run_status',
        'qtickets_load_breaker_state',
        'qtickets_load_last_success_timestamp_seconds',
        'qtickets_load_newest_paid_order_timestamp_seconds',
        'qtickets_load_retries_total',
        'qtickets_load_metrics_generated_timestamp_seconds',
      ]),
    )
    expect(rules).toContain('absent(qtickets_load_metrics_generated_timestamp_seconds)')
  })

  it('the README documents every exported metric and names no other', () => {
    const readme = doc('README.md')
    expect(exported.filter((name) => !readme.includes(`\`${name}\``))).toEqual([])
    expect(metricNames(readme).filter((name) => !exported.includes(name))).toEqual([])
  })

  it('the rule tests feed only exported metric names', () => {
    expect(metricNames(doc('qtickets-alerts.test.yml')).filter((name) => !exported.includes(name))).toEqual([])
  })

  it('the systemd service and the CronJob pass metrics files the config accepts', () => {
    const service = doc('qtickets-load.service')
    const cronjob = doc('qtickets-load-cronjob.yaml')
    const serviceFile = /ExecStart=\S+ run --metrics-file (\S+)/.exec(service)?.[1]
    const cronjobFile = /args: \["run", "--metrics-file", "([^"]+)"\]/.exec(cronjob)?.[1]
    expect(serviceFile).toBe('/var/lib/node_exporter/textfile_collector/qtickets.prom')
    expect(parseObservabilityConfig({ flags: { metricsFile: serviceFile } }).metricsFile).toBe(serviceFile)
    expect(parseObservabilityConfig({ flags: { metricsFile: cronjobFile } }).metricsFile).toBe(cronjobFile)
    expect(service).toMatch(/^EnvironmentFile=\/etc\/qtickets-load\/env$/m)
    expect(doc('qtickets-load.timer')).toMatch(/^OnCalendar=\*:0\/5$/m)
    expect(cronjob).toMatch(/^ {2}concurrencyPolicy: Forbid$/m)
  })

  it('the examples name only observability variables the config reads', () => {
    const known = Object.values(OBSERVABILITY_ENV) as string[]
    const texts = [doc('qtickets-load.env.example'), doc('qtickets-load-cronjob.yaml'), doc('qtickets-load.service'), doc('README.md')]
    const named = new Set(texts.flatMap((text) => text.match(/QTICKETS_(?:ALERT|TELEGRAM|MAX|METRICS)_[A-Z_]+/g) ?? []))
    expect([...named].filter((name) => !known.includes(name))).toEqual([])
  })
})
