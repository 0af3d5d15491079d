import { Temporal } from 'temporal-polyfill'
import { describe, expect, test } from 'vitest'
import { buildOrderBy, buildWhere, type Condition } from './where'

const MSK = 'Europe/Moscow'

describe('buildWhere', () => {
  test('formats Instants with a colon offset in the zone and omits "=" like the vendor examples', () => {
    const from = Temporal.Instant.from('2025-11-10T09:00:00Z')
    const wire = buildWhere('orders', [['payed', '=', 1], ['payed_at', '>=', from], ['deleted_at', 'null']], MSK)
    expect(wire).toEqual([
      { column: 'payed', value: 1 },
      { column: 'payed_at', operator: '>=', value: '2025-11-10T12:00:00+03:00' },
      { column: 'deleted_at', operator: 'null' },
    ])
  })

  test('formats Dates and ZonedDateTimes, drops milliseconds', () => {
    const date = new Date('2025-11-10T09:00:00.999Z')
    const zoned = Temporal.ZonedDateTime.from('2025-11-11T00:00:00+03:00[Europe/Moscow]')
    const wire = buildWhere('orders', [['updated_at', '>=', date], ['updated_at', '<', zoned]], MSK)
    expect(wire.map((c) => c.value)).toEqual(['2025-11-10T12:00:00+03:00', '2025-11-11T00:00:00+03:00'])
  })

  test('encodes every element of in / not in', () => {
    const wire = buildWhere('orders', [['event_id', 'in', [510001, 510002]], ['id', 'not in', [1]]], MSK)
    expect(wire).toEqual([
      { column: 'event_id', operator: 'in', value: [510001, 510002] },
      { column: 'id', operator: 'not in', value: [1] },
    ])
  })

  test('accepts in array and not null on seats', () => {
    const wire = buildWhere('seats', [['spread.users', 'in array', 3101], ['multiprice_code', 'not null']], MSK)
    expect(wire).toEqual([
      { column: 'spread.users', operator: 'in array', value: 3101 },
      { column: 'multiprice_code', operator: 'not null' },
    ])
  })

  test('accepts a string already in the API form, rejects other strings for timestamps', () => {
    expect(buildWhere('events', [['updated_at', '>', '2025-11-10T12:00:00+03:00']], MSK)[0]?.value).toBe('2025-11-10T12:00:00+03:00')
    const compact = [['updated_at', '>', '2025-11-10T12:00:00+0300']] as unknown as Condition<'events'>[]
    expect(() => buildWhere('events', compact, MSK)).toThrow(/events\.updated_at/)
  })

  test('rejects unknown columns, like and wrong value types at runtime', () => {
    const unknownColumn = [['status', '=', 'paid']] as unknown as Condition<'orders'>[]
    const like = [['uniqid', 'like', 'a%']] as unknown as Condition<'orders'>[]
    const wrongType = [['id', '=', '42']] as unknown as Condition<'orders'>[]
    expect(() => buildWhere('orders', unknownColumn, MSK)).toThrow(/Unknown column "status" for orders/)
    expect(() => buildWhere('orders', like, MSK)).toThrow(/Unsupported operator "like"/)
    expect(() => buildWhere('orders', wrongType, MSK)).toThrow(/orders\.id must be a number/)
  })

  test('types reject unknown columns, unknown operators and wrong values', () => {
    const conditions: Condition<'orders'>[] = [
      ['payed', '=', true],
      // @ts-expect-error unknown column
      ['status', '=', 'paid'],
      // @ts-expect-error like is not a documented operator
      ['uniqid', 'like', 'x'],
      // @ts-expect-error id is a number
      ['id', '=', '1'],
      // @ts-expect-error null takes no value
      ['deleted_at', 'null', null],
      // @ts-expect-error in needs an array
      ['id', 'in', 1],
    ]
    expect(conditions).toHaveLength(6)
  })
})

describe('buildOrderBy', () => {
  test('keeps key order and checks columns', () => {
    expect(buildOrderBy('orders', { payed_at: 'desc', id: 'asc' })).toEqual({ payed_at: 'desc', id: 'asc' })
    expect(JSON.stringify(buildOrderBy('orders', { payed_at: 'desc', id: 'asc' }))).toBe('{"payed_at":"desc","id":"asc"}')
    expect(() => buildOrderBy('orders', { nope: 'asc' } as never)).toThrow(/Unknown column "nope"/)
  })
})
