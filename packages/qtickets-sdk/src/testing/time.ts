/**
 * Time helpers working on epoch milliseconds. The simulator renders every REST timestamp
 * in Moscow time with a colon offset (`2025-11-10T12:15:31+03:00`), as the real service does
 * even for Siberian events. Moscow has been UTC+3 all year since 26 October 2014, so the
 * simulator refuses start dates before 2015.
 */
import { Temporal } from 'temporal-polyfill'

/** Milliseconds in one minute. */
export const MINUTE = 60_000
/** Milliseconds in one hour. */
export const HOUR = 3_600_000
/** Milliseconds in one day. */
export const DAY = 86_400_000

/** Moscow's fixed offset from UTC in milliseconds. */
export const MOSCOW_OFFSET = 3 * HOUR

/** Earliest instant the simulator accepts (Moscow has been UTC+3 since 2014-10-26). */
export const EARLIEST_MS = Date.UTC(2015, 0, 1)

const datePrefixes = new Map<number, string>()
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'))

/** Formats an instant as `YYYY-MM-DDTHH:mm:ss+03:00` (REST style, whole seconds). */
export function formatMoscow(ms: number): string {
  const local = ms + MOSCOW_OFFSET
  const day = Math.floor(local / DAY)
  let prefix = datePrefixes.get(day)
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11)
    if (datePrefixes.size > 100_000) datePrefixes.clear()
    datePrefixes.set(day, prefix)
  }
  const seconds = Math.floor((local - day * DAY) / 1000)
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  return `${prefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[seconds % 60]}+03:00`
}

/** Formats an instant in a fixed offset given in minutes, e.g. `+07:00`. */
export function formatWithOffset(ms: number, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, 19) + `${sign}${hh}:${mm}`
}

const STRICT_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([+-])(\d{2}):(\d{2})$/

/**
 * Parses an RFC 3339 timestamp that carries a colon offset (`+03:00`, `-05:00`).
 * Returns null for anything else: no offset, a compact `+0300`, `Z`, a space instead of `+`
 * (what an unencoded `+` in a query string becomes) or an impossible date.
 */
export function parseStrictInstant(value: string): number | null {
  const m = STRICT_INSTANT.exec(value)
  if (!m) return null
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = s === undefined ? 0 : Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  if (Number(oh) > 14 || Number(om) > 59) return null
  const local = Date.UTC(Number(y), month - 1, day, hour, minute, second)
  if (new Date(local).getUTCDate() !== day) return null
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * MINUTE
  const millis = frac === undefined ? 0 : Math.floor(Number(`0${frac}`) * 1000)
  return local - offset + millis
}

/** Accepts an ISO string with an offset, a Date, a Temporal.Instant or epoch ms and returns epoch ms. */
export function toEpochMs(value: string | number | Date | Temporal.Instant, what: string): number {
  if (typeof value === 'number') return value
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'string') {
    const parsed = parseStrictInstant(value) ?? (value.endsWith('Z') ? Date.parse(value) : Number.NaN)
    if (Number.isNaN(parsed)) throw new Error(`${what}: expected an ISO timestamp with an offset, got "${value}"`)
    return parsed
  }
  return value.epochMilliseconds
}

/** The Moscow calendar day number (days since 1970-01-01 in Moscow) of an instant. */
export function moscowDay(ms: number): number {
  return Math.floor((ms + MOSCOW_OFFSET) / DAY)
}

/** The instant of Moscow midnight that starts the given Moscow day number. */
export function moscowDayStart(day: number): number {
  return day * DAY - MOSCOW_OFFSET
}

/** Day of week of a Moscow day number: 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (day + 3) % 7
}

/** The instant of a wall-clock time on a Moscow day number, in an IANA zone. */
export function zonedWallTime(day: number, hour: number, minute: number, timeZone: string): number {
  const date = new Date(day * DAY)
  return Temporal.ZonedDateTime.from({
    timeZone,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour,
    minute,
  }).epochMilliseconds
}

/** The UTC offset of an IANA zone at an instant, in minutes. */
export function offsetMinutesAt(ms: number, timeZone: string): number {
  const ns = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).offsetNanoseconds
  return Math.round(ns / 60e9)
}

/** Returns a function giving the `YYYY-MM-DD` calendar date of an instant in a zone (cached per hour). */
export function calendarDateIn(timeZone: string): (ms: number) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const cache = new Map<number, string>()
  return (ms) => {
    // Zone offsets are whole quarter hours, so every instant of one UTC quarter hour shares a date.
    const bucket = Math.floor(ms / (15 * MINUTE))
    let date = cache.get(bucket)
    if (date === undefined) {
      date = format.format(new Date(bucket * 15 * MINUTE))
      if (cache.size > 50_000) cache.clear()
      cache.set(bucket, date)
    }
    return date
  }
}

/** Converts epoch ms to a Temporal.Instant. */
export function toInstant(ms: number): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(ms)
}
