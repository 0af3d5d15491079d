import { describe, expect, it } from 'vitest'
import { daysInRange, parseDateRange, splitIntoWindows } from './date-range.js'

describe('parseDateRange', () => {
  it('accepts an inclusive range, including a single day', () => {
    expect(parseDateRange('2025-01-01', '2025-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' })
    expect(daysInRange(parseDateRange('2024-02-28', '2024-03-01'))).toBe(3)
    expect(daysInRange(parseDateRange('2025-06-01', '2025-06-01'))).toBe(1)
  })

  it('rejects malformed or impossible dates and reversed ranges, naming the option', () => {
    expect(() => parseDateRange('2025-02-30', '2025-03-01')).toThrow('--from must be a calendar date like 2025-01-31, got "2025-02-30"')
    expect(() => parseDateRange('2025-01-01', '31.01.2025')).toThrow('--to must be a calendar date like 2025-01-31, got "31.01.2025"')
    expect(() => parseDateRange('2025-03-01', '2025-02-01')).toThrow('--from 2025-03-01 is after --to 2025-02-01')
  })
})

describe('splitIntoWindows', () => {
  it('covers the range with consecutive windows, the last one shorter', () => {
    expect(splitIntoWindows({ from: '2025-01-30', to: '2025-02-05' }, 3)).toEqual([
      { from: '2025-01-30', to: '2025-02-01' },
      { from: '2025-02-02', to: '2025-02-04' },
      { from: '2025-02-05', to: '2025-02-05' },
    ])
    expect(splitIntoWindows({ from: '2025-01-01', to: '2025-12-31' }, 1)).toHaveLength(365)
  })
})
