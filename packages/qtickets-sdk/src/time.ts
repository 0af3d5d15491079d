import { Temporal } from 'temporal-polyfill'

/** A point in time accepted in filters: a `Date`, a `Temporal.Instant` or a `Temporal.ZonedDateTime`. */
export type TimeValue = Date | Temporal.Instant | Temporal.ZonedDateTime

/** Default zone for filter values and the report date: Moscow, as REST renders it. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow'

const RFC3339_COLON_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/

/** True when the value is a `Date`, an Instant or a ZonedDateTime (from any Temporal implementation). */
export function isTimeValue(value: unknown): value is TimeValue {
  if (value instanceof Date) return true
  if (typeof value !== 'object' || value === null) return false
  return typeof (value as { epochNanoseconds?: unknown }).epochNanoseconds === 'bigint'
}

/** Converts a time value to a `Temporal.Instant` of this package's Temporal. */
export function toInstant(value: TimeValue): Temporal.Instant {
  if (value instanceof Date) {
    const ms = value.getTime()
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date in a filter value')
    return Temporal.Instant.fromEpochMilliseconds(ms)
  }
  return Temporal.Instant.fromEpochNanoseconds(value.epochNanoseconds)
}

/**
 * Formats a time value for the API: `YYYY-MM-DDTHH:mm:ss±HH:MM` in `timeZone`
 * (no `Z`, no `+0300`, no fractional seconds; sub-second parts are truncated).
 */
export function formatApiTimestamp(value: TimeValue, timeZone: string = DEFAULT_TIME_ZONE): string {
  return toInstant(value)
    .toZonedDateTimeISO(timeZone)
    .toString({ smallestUnit: 'second', roundingMode: 'trunc', timeZoneName: 'never', offset: 'auto' })
}

/** True when a string already has the exact API form `YYYY-MM-DDTHH:mm:ss±HH:MM`. */
export function isApiTimestamp(text: string): boolean {
  return RFC3339_COLON_OFFSET.test(text)
}

/** The calendar date (`YYYY-MM-DD`) of an instant in a zone, e.g. the Moscow sales date. */
export function calendarDate(instant: Temporal.Instant, timeZone: string = DEFAULT_TIME_ZONE): string {
  return instant.toZonedDateTimeISO(timeZone).toPlainDate().toString()
}

/** Checks an IANA zone name; throws `RangeError` naming it when unknown. */
export function assertTimeZone(timeZone: string): string {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone)
    return timeZone
  } catch {
    throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`)
  }
}
