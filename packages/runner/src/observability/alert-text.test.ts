import { describe, expect, it } from 'vitest'
import type { ProblemRecord } from './alert-store'
import { describeFailures, problemText, recoveryText, safeWord } from './alert-text'

const partial: ProblemRecord = {
  tenant: 'acme',
  problem: 'partial',
  resource: 'barcodes',
  since: '2025-11-03T09:00:00.000Z',
  announced: true,
  sources: { run_partial: 'barcodes auth HTTP 403' },
}

describe('alert texts', () => {
  it('describe at most three failures, then a count', () => {
    const failures = ['orders', 'events', 'clients', 'discounts', 'inventory'].map((resource) => ({ resource, kind: 'server', status: 503 }))
    expect(describeFailures(failures)).toBe('orders server HTTP 503, events server HTTP 503, clients server HTTP 503 and 2 more')
    expect(describeFailures([{ kind: 'timeout' }])).toBe('run timeout')
  })

  it('keep free text out of kinds and resources', () => {
    expect(safeWord('rate_limited')).toBe('rate_limited')
    expect(safeWord('server error: Bearer abc/def ivan@mail.ru')).toBe('other')
    expect(safeWord('x'.repeat(41))).toBe('other')
    expect(safeWord('')).toBe('other')
    expect(describeFailures([{ resource: 'orders', kind: 'token abc123 rejected', status: 403.7 }])).toBe('orders other HTTP 403')
  })

  it('announce a problem and its recovery with times and duration', () => {
    expect(problemText(partial)).toBe(
      '[qtickets-load] PROBLEM tenant acme: resource barcodes is failing (the other resources load) since 2025-11-03T09:00:00Z (barcodes auth HTTP 403)',
    )
    expect(recoveryText(partial, '2025-11-04T11:30:00.000Z')).toBe(
      '[qtickets-load] RECOVERED tenant acme: resource barcodes loads again at 2025-11-04T11:30:00Z after 1d2h (problem since 2025-11-03T09:00:00Z)',
    )
  })
})
