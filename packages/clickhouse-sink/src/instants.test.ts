import { describe, expect, it } from 'vitest'
import { checkInstantColumns, clickhouseUtcToIso, DATETIME64_RANGE, isIsoInstant, isoInstantMs, LOCAL_WALL_TIME_RANGE } from './instants'
import { SinkError } from './errors'

describe('instants', () => {
  it('accepts ISO-8601 date-times with Z or an offset only', () => {
    for (const ok of ['2025-11-10T09:15:31Z', '2025-11-10T12:15:31+03:00', '2025-11-16T01:10:00+05:00', '2025-11-10T12:15:31.123-0230', '2025-11-10 12:15:31+03:00']) {
      expect(isIsoInstant(ok), ok).toBe(true)
    }
    for (const bad of ['2025-11-10T12:15:31', '2025-11-10', '10.11.2025 12:15', '2025-11-10T12:15:31 MSK', '2025-13-45T00:00:00Z', '', 1731230131]) {
      expect(isIsoInstant(bad), String(bad)).toBe(false)
    }
  })

  it('names table, column and row of a bad instant, not its value', () => {
    const check = () => checkInstantColumns('dim_shows', ['start_at', 'finish_at'], { start_at: null, finish_at: '2025-12-05 21:30' }, 4)
    expect(check).toThrow('dim_shows: column finish_at of row 4 must be an ISO-8601 instant with Z or an offset, or null')
  })

  it('reads an instant as epoch ms whatever its offset', () => {
    expect(isoInstantMs('9999-12-31T23:59:59-12:00')).toBe(Date.UTC(10000, 0, 1, 11, 59, 59))
    expect(isoInstantMs('1900-01-01T02:59:59+03:00')).toBe(Date.UTC(1899, 11, 31, 23, 59, 59))
    expect(isoInstantMs('2025-11-10 12:15:31+03:00')).toBe(Date.UTC(2025, 10, 10, 9, 15, 31))
    expect(isoInstantMs('2025-11-10T12:15:31')).toBeNull()
  })

  it('accepts the DateTime64(3) range boundaries, also written with an offset', () => {
    const row = {
      a: '1900-01-01T00:00:00Z',
      b: '1900-01-01T03:00:00+03:00',
      c: '2299-12-31T23:59:59.999Z',
      d: '2299-12-31T20:59:59.999-03:00',
      e: null,
    }
    expect(() => checkInstantColumns('t', ['a', 'b', 'c', 'd', 'e', 'missing'], row, 0)).not.toThrow()
  })

  it('rejects instants past 9999-12-31, past 2299 or before 1900, naming table, column, row and the timestamp', () => {
    const outside = [
      '9999-12-31T23:59:59-12:00',
      '2300-01-01T00:00:00Z',
      '2299-12-31T23:59:59-00:01',
      '1899-12-31T23:59:59.999Z',
      '1900-01-01T02:59:59+03:00',
      '0001-01-01T00:00:00Z',
    ]
    for (const value of outside) {
      const error = (() => {
        try {
          checkInstantColumns('stg_qtickets_api_orders_raw', ['payed_at', 'updated_at'], { payed_at: null, updated_at: value }, 7)
        } catch (e) {
          return e
        }
        return null
      })()
      expect(error, value).toBeInstanceOf(SinkError)
      expect(error, value).toMatchObject({ kind: 'validation', table: 'stg_qtickets_api_orders_raw', column: 'updated_at', rowIndex: 7 })
      expect((error as SinkError).message).toBe(
        `stg_qtickets_api_orders_raw: column updated_at of row 7 is ${value}, outside 1900-01-01T00:00:00.000Z … 2299-12-31T23:59:59.999Z (${DATETIME64_RANGE.reason})`,
      )
    }
  })

  it('applies a narrower range to the columns given one', () => {
    const ranges = { start_at: LOCAL_WALL_TIME_RANGE }
    const check = (start_at: string, open_at = '2025-12-05T18:00:00+03:00') => () => checkInstantColumns('dim_shows', ['open_at', 'start_at'], { open_at, start_at }, 2, ranges)
    expect(check('1970-01-02T00:00:00Z')).not.toThrow()
    expect(check('2106-02-06T00:00:00Z')).not.toThrow()
    expect(check('2106-02-06T00:00:00Z', '2200-01-01T00:00:00Z')).not.toThrow()
    expect(check('2106-02-06T00:00:00.001Z')).toThrow(/^dim_shows: column start_at of row 2 is 2106-02-06T00:00:00.001Z, outside 1970-01-02T00:00:00.000Z … 2106-02-06T00:00:00.000Z \(its wall time in city_timezone/)
    expect(check('1969-12-31T23:00:00-05:00')).toThrow(/column start_at of row 2 is 1969-12-31T23:00:00-05:00, outside/)
  })

  it('turns ClickHouse UTC text into ISO', () => {
    expect(clickhouseUtcToIso('2025-11-15 20:10:00.000')).toBe('2025-11-15T20:10:00.000Z')
    expect(clickhouseUtcToIso(null)).toBeNull()
  })
})
