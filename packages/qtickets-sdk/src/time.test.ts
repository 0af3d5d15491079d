import { Temporal } from 'temporal-polyfill'
import { describe, expect, test } from 'vitest'
import { calendarDate, formatApiTimestamp, isApiTimestamp } from './time'

describe('formatApiTimestamp', () => {
  test('an Instant in UTC becomes Moscow wall time with a colon offset', () => {
    const instant = Temporal.Instant.from('2025-11-10T09:00:00Z')
    expect(formatApiTimestamp(instant)).toBe('2025-11-10T12:00:00+03:00')
  })

  test('a Date drops its milliseconds and never renders Z', () => {
    const date = new Date(Date.UTC(2025, 10, 10, 9, 0, 0, 789))
    expect(formatApiTimestamp(date)).toBe('2025-11-10T12:00:00+03:00')
  })

  test('a ZonedDateTime is rendered in the requested zone', () => {
    const zoned = Temporal.ZonedDateTime.from('2025-11-16T01:10:00+05:00[Asia/Yekaterinburg]')
    expect(formatApiTimestamp(zoned)).toBe('2025-11-15T23:10:00+03:00')
    expect(formatApiTimestamp(zoned, 'Asia/Krasnoyarsk')).toBe('2025-11-16T03:10:00+07:00')
  })

  test('output always has the API form', () => {
    const out = formatApiTimestamp(new Date(Date.UTC(2025, 0, 1)), 'UTC')
    expect(out).toBe('2025-01-01T00:00:00+00:00')
    expect(isApiTimestamp(out)).toBe(true)
  })

  test('rejects an invalid Date', () => {
    expect(() => formatApiTimestamp(new Date('nope'))).toThrow(RangeError)
  })
})

describe('calendarDate', () => {
  test('uses the zone, not the UTC date or the literal string', () => {
    expect(calendarDate(Temporal.Instant.from('2025-11-16T01:10:00+05:00'))).toBe('2025-11-15')
    expect(calendarDate(Temporal.Instant.from('2025-11-15T00:20:05+03:00'))).toBe('2025-11-15')
  })
})

describe('isApiTimestamp', () => {
  test.each(['2025-11-10T12:00:00+0300', '2025-11-10T12:00:00Z', '2025-11-10T12:00:00.123+03:00', '2025-11-10 12:00:00+03:00'])(
    'rejects %s',
    (text) => expect(isApiTimestamp(text)).toBe(false),
  )
})
