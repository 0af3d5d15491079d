import { describe, expect, it } from 'vitest'
import { evaluateHealth, formatAge, type TenantHealthInput } from './health'

const now = new Date('2025-11-03T12:00:00Z')
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const thresholds = { maxRunAgeMinutes: 60, maxDataAgeMinutes: 180 }

function healthy(tenant: string): TenantHealthInput {
  return { tenant, lastSuccessAt: minutesAgo(5), lastRunStatus: 'ok', newestDataAt: minutesAgo(30), breakerState: 'closed' }
}

describe('evaluateHealth', () => {
  it('is healthy when the last success and the newest data are within the thresholds', () => {
    expect(evaluateHealth({ now, tenants: [healthy('acme'), healthy('beta')], ...thresholds })).toEqual({
      healthy: true,
      problems: [],
    })
  })

  it('reports a stale last successful run with its age and threshold', () => {
    const acme = { ...healthy('acme'), lastSuccessAt: minutesAgo(192) }
    const report = evaluateHealth({ now, tenants: [acme, healthy('beta')], ...thresholds })
    expect(report.healthy).toBe(false)
    expect(report.problems).toEqual([
      {
        tenant: 'acme',
        kind: 'stale_run',
        detail: 'last successful run 3h12m ago (threshold 60m)',
        message: 'tenant acme: last successful run 3h12m ago (threshold 60m)',
      },
    ])
  })

  it('reports stale data from the newest paid order', () => {
    const acme = { ...healthy('acme'), newestDataAt: minutesAgo(181) }
    const report = evaluateHealth({ now, tenants: [acme], ...thresholds })
    expect(report.problems.map((problem) => problem.message)).toEqual([
      'tenant acme: newest paid order is 3h1m old (threshold 180m)',
    ])
  })

  it('treats an age equal to the threshold as fresh', () => {
    const acme = { ...healthy('acme'), lastSuccessAt: minutesAgo(60), newestDataAt: minutesAgo(180) }
    expect(evaluateHealth({ now, tenants: [acme], ...thresholds }).healthy).toBe(true)
  })

  it('reports a tenant that never ran, without a separate stale data problem', () => {
    const fresh: TenantHealthInput = { tenant: 'new', lastSuccessAt: null, lastRunStatus: null, newestDataAt: null }
    expect(evaluateHealth({ now, tenants: [fresh], ...thresholds }).problems).toEqual([
      { tenant: 'new', kind: 'never_ran', detail: 'no run recorded yet', message: 'tenant new: no run recorded yet' },
    ])
  })

  it('reports a tenant whose runs all failed, the failed last run and the open breaker', () => {
    const failing: TenantHealthInput = {
      tenant: 'acme',
      lastSuccessAt: null,
      lastRunStatus: 'error',
      newestDataAt: null,
      breakerState: 'open',
    }
    expect(evaluateHealth({ now, tenants: [failing], ...thresholds }).problems.map((p) => [p.kind, p.message])).toEqual([
      ['never_ran', 'tenant acme: no successful run recorded yet'],
      ['last_run_error', 'tenant acme: last run ended with status error'],
      ['breaker_open', 'tenant acme: circuit breaker is open'],
    ])
  })

  it('reports a successful loader that never loaded a paid order', () => {
    const empty = { ...healthy('acme'), newestDataAt: null }
    expect(evaluateHealth({ now, tenants: [empty], ...thresholds }).problems.map((p) => p.kind)).toEqual(['stale_data'])
  })

  it('does not count a partial run or a half-open breaker as a problem', () => {
    const partial: TenantHealthInput = { ...healthy('acme'), lastRunStatus: 'partial', breakerState: 'half_open' }
    expect(evaluateHealth({ now, tenants: [partial], ...thresholds }).healthy).toBe(true)
  })

  it('is healthy again once a new successful run and fresh data are recorded', () => {
    const stale = { ...healthy('acme'), lastSuccessAt: minutesAgo(300), lastRunStatus: 'error' as const, newestDataAt: minutesAgo(400) }
    expect(evaluateHealth({ now, tenants: [stale], ...thresholds }).problems.map((p) => p.kind)).toEqual([
      'stale_run',
      'last_run_error',
      'stale_data',
    ])
    const recovered = { ...stale, lastSuccessAt: minutesAgo(1), lastRunStatus: 'ok' as const, newestDataAt: minutesAgo(2) }
    expect(evaluateHealth({ now, tenants: [recovered], ...thresholds })).toEqual({ healthy: true, problems: [] })
  })

  it('rejects a threshold that is not a positive number, naming it', () => {
    expect(() => evaluateHealth({ now, tenants: [], maxRunAgeMinutes: 0, maxDataAgeMinutes: 180 })).toThrow(
      'maxRunAgeMinutes must be a positive number of minutes, got 0',
    )
  })
})

describe('formatAge', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [12 * 60_000 + 59_000, '12m'],
    [192 * 60_000, '3h12m'],
    [(2 * 24 + 5) * 3_600_000 + 60_000, '2d5h'],
    [-5000, '0s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text)
  })
})
