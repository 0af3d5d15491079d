import { Temporal } from 'temporal-polyfill'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { code, flag, looseMap, nullableTimestamp, stringMap, timestamp } from './primitives'

describe('timestamp', () => {
  test('honours the offset', () => {
    const instant = v.parse(timestamp, '2025-11-16T01:10:00+05:00')
    expect(instant).toBeInstanceOf(Temporal.Instant)
    expect(instant.equals(Temporal.Instant.from('2025-11-15T20:10:00Z'))).toBe(true)
  })

  test('rejects a string without an offset, and an impossible date', () => {
    expect(v.safeParse(timestamp, '2025-11-16T01:10:00').success).toBe(false)
    expect(v.safeParse(timestamp, '2025-11-16').success).toBe(false)
    expect(v.safeParse(timestamp, '2025-13-45T01:10:00+03:00').success).toBe(false)
  })

  test('nullable accepts null', () => {
    expect(v.parse(nullableTimestamp, null)).toBeNull()
  })
})

describe('flag', () => {
  test.each([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
  ])('%j → %j', (input, output) => {
    expect(v.parse(flag, input)).toBe(output)
  })

  test.each([2, 'yes', '', null])('rejects %j', (input) => {
    expect(v.safeParse(flag, input).success).toBe(false)
  })
})

describe('code', () => {
  test('keeps numeric strings as strings and turns numbers into strings', () => {
    expect(v.parse(code, '20251205')).toBe('20251205')
    expect(v.parse(code, 7000123)).toBe('7000123')
  })
})

describe('empty placeholders', () => {
  test('[] and "" become {}', () => {
    expect(v.parse(stringMap, [])).toEqual({})
    expect(v.parse(stringMap, '')).toEqual({})
    expect(v.parse(looseMap, [])).toEqual({})
  })

  test('objects are kept, numeric values become strings', () => {
    expect(v.parse(stringMap, { utm_content: 48213, utm_source: 'vk' })).toEqual({ utm_content: '48213', utm_source: 'vk' })
  })

  test('a non-empty array is not an object', () => {
    expect(v.safeParse(stringMap, ['a']).success).toBe(false)
  })
})
