import { describe, expect, it } from 'vitest'
import { etaMs, percentDone, renderProgressBar } from './render-progress.js'

describe('renderProgressBar', () => {
  it('draws the bar, percent, counts, eta and detail', () => {
    expect(renderProgressBar({ label: 'backfill acme', done: 7, total: 20, elapsedMs: 14_000, detail: '2025-01-07' }, 20)).toBe(
      'backfill acme [#######-------------]  35% 7/20 eta 26s 2025-01-07',
    )
  })

  it('shows the elapsed time when there is no estimate', () => {
    expect(renderProgressBar({ label: 'x', done: 0, total: 4, elapsedMs: 0 }, 4)).toBe('x [----]   0% 0/4 0ms')
    expect(renderProgressBar({ label: 'x', done: 4, total: 4, elapsedMs: 65_000 }, 4)).toBe('x [####] 100% 4/4 1m05s')
  })
})

describe('percentDone and etaMs', () => {
  it('never shows 100% before the end and treats an empty total as done', () => {
    expect(percentDone(199, 200)).toBe(99)
    expect(percentDone(0, 0)).toBe(100)
    expect(etaMs({ label: '', done: 1, total: 4, elapsedMs: 1000 })).toBe(3000)
  })
})
