import { describe, expect, it } from 'vitest'
import { formatDuration } from './format-duration.js'

describe('formatDuration', () => {
  it('picks a unit that reads well', () => {
    expect(formatDuration(850)).toBe('850ms')
    expect(formatDuration(45_000)).toBe('45s')
    expect(formatDuration(192_000)).toBe('3m12s')
    expect(formatDuration(3_720_000)).toBe('1h02m')
    expect(formatDuration(Number.NaN)).toBe('?')
  })
})
