import { describe, expect, it } from 'vitest'
import { calendarDateIn, formatMoscow, parseStrictInstant } from './time'

describe('time', () => {
  it('parses only RFC 3339 timestamps with a colon offset', () => {
    expect(parseStrictInstant('2025-11-16T01:10:00+05:00')).toBe(Date.parse('2025-11-15T20:10:00Z'))
    expect(parseStrictInstant('2025-11-16T01:10+05:00')).toBe(Date.parse('2025-11-15T20:10:00Z'))
    for (const bad of ['2025-11-16T01:10:00+0500', '2025-11-16T01:10:00Z', '2025-11-16T01:10:00', '2025-11-16T01:10:00 05:00', '2025-02-30T00:00:00+03:00', '2025-11-16']) {
      expect(parseStrictInstant(bad), bad).toBeNull()
    }
  })

  it('formats instants in Moscow time', () => {
    expect(formatMoscow(Date.parse('2025-11-14T21:20:05Z'))).toBe('2025-11-15T00:20:05+03:00')
    expect(formatMoscow(Date.parse('2025-12-31T20:59:59Z'))).toBe('2025-12-31T23:59:59+03:00')
  })

  it('gives the calendar date in a zone, not the UTC or literal date', () => {
    expect(calendarDateIn('Europe/Moscow')(Date.parse('2025-11-16T01:10:00+05:00'))).toBe('2025-11-15')
    expect(calendarDateIn('Europe/Moscow')(Date.parse('2025-11-15T00:20:05+03:00'))).toBe('2025-11-15')
    expect(calendarDateIn('Asia/Krasnoyarsk')(Date.parse('2025-11-15T20:20:05+03:00'))).toBe('2025-11-16')
  })
})
