import { Temporal } from 'temporal-polyfill'

/** The shape almost every API timestamp has: whole seconds and an offset (`2025-11-10T12:15:31+03:00`, `…+0300`, `…Z`). */
const WHOLE_SECONDS = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:Z|([+-])(\d{2}):?(\d{2}))$/i

const MINUTE_MS = 60_000

/**
 * Parses a timestamp with a UTC offset to a `Temporal.Instant`, exactly as `Temporal.Instant.from` does. The common
 * whole-second shape is computed directly (about 2× faster: the loader parses ~14 timestamps per order); anything
 * else — fractions, leap seconds, out-of-range fields, years before 100 — goes to `Temporal.Instant.from`, which also
 * throws the RangeError for invalid dates.
 */
export function parseOffsetInstant(text: string): Temporal.Instant {
  const match = WHOLE_SECONDS.exec(text)
  const ms = match ? wholeSecondsEpochMs(match) : null
  return ms === null ? Temporal.Instant.from(text) : Temporal.Instant.fromEpochMilliseconds(ms)
}

/** Epoch ms of a matched whole-second timestamp, or null when a field is out of its plain range (Temporal decides those). */
function wholeSecondsEpochMs(match: RegExpExecArray): number | null {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group]))
  const sign = match[7]
  const offsetHours = Number(match[8] ?? 0)
  const offsetMinutes = Number(match[9] ?? 0)
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined) return null
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes)
  return Date.UTC(year, month - 1, day, hour, minute, second) - offset * MINUTE_MS
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
