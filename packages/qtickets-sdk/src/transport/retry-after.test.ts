import { describe, expect, test } from 'vitest'
import { parseRetryAfter } from './retry-after'

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-11-16T18:30:00Z')

  test('reads delta seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
  })

  test('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Sun, 16 Nov 2025 18:30:05 GMT', now)).toBe(5000)
    expect(parseRetryAfter('Sun, 16 Nov 2025 18:00:00 GMT', now)).toBe(0)
  })

  test('ignores missing or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
  })
})
