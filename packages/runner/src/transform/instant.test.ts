import { Temporal } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import { isoInstant, isoOrNull } from './instant.js'

describe('isoInstant', () => {
  it('writes the same text as Temporal for whole seconds and milliseconds, across the years the sink stores', () => {
    const samples = ['2025-11-10T09:15:31Z', '2025-11-10T09:15:31.5Z', '2025-11-10T09:15:31.05Z', '2025-11-10T09:15:31.123Z', '1900-01-01T00:00:00Z', '2299-12-31T23:59:59.999Z']
    for (const text of samples) expect(isoInstant(Temporal.Instant.from(text))).toBe(Temporal.Instant.from(text).toString())
    for (let ms = -2_208_988_800_000; ms < 10_413_792_000_000; ms += 7_777_777_777_777 / 1000) {
      const instant = Temporal.Instant.fromEpochMilliseconds(Math.round(ms))
      expect(isoInstant(instant)).toBe(instant.toString())
    }
  })

  it('keeps millisecond precision: the sink columns are DateTime64(3)', () => {
    expect(isoInstant(Temporal.Instant.from('2025-11-10T09:15:31.123456Z'))).toBe('2025-11-10T09:15:31.123Z')
    expect(isoOrNull(null)).toBeNull()
  })
})
