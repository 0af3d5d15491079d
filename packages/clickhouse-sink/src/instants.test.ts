import { describe, expect, it } from 'vitest'
import { checkInstantColumns, clickhouseUtcToIso, isIsoInstant } from './instants'

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

  it('turns ClickHouse UTC text into ISO', () => {
    expect(clickhouseUtcToIso('2025-11-15 20:10:00.000')).toBe('2025-11-15T20:10:00.000Z')
    expect(clickhouseUtcToIso(null)).toBeNull()
  })
})
