import { Temporal } from '@zakaz/qtickets-sdk'
import { splitIntoWindows, type DateRange } from '../cli/date-range.js'

/** A half-open range of instants `[from, to)` over the orders' `updated_at`. */
export interface SyncWindow {
  from: Temporal.Instant
  to: Temporal.Instant
}

/** How an incremental run chooses its window. */
export interface IncrementalWindowOptions {
  /** Minutes re-read behind the cursor (late writes on the API side, clock skew). */
  lagMinutes: number
  /** Days read by the first run of a tenant (no cursor yet). */
  initialDays: number
}

/** One window of a backfill: the report-zone dates it covers and its instants. */
export interface DatedWindow {
  dates: DateRange
  window: SyncWindow
  /** False when the window's end was clamped to now (its last day is not over yet). */
  complete: boolean
}

/** An instant without its sub-second part (API filters and timestamps have whole seconds). */
export function floorToSecond(instant: Temporal.Instant): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(Math.floor(instant.epochMilliseconds / 1000) * 1000)
}

/** The window of an incremental run: `[cursor − lag, now)`, or `[now − initialDays, now)` without a cursor. */
export function incrementalWindow(input: { cursor: Temporal.Instant | null; now: Temporal.Instant } & IncrementalWindowOptions): SyncWindow {
  const to = floorToSecond(input.now)
  const from = input.cursor ? input.cursor.subtract({ minutes: input.lagMinutes }) : to.subtract({ hours: 24 * input.initialDays })
  return { from: Temporal.Instant.compare(from, to) > 0 ? to : from, to }
}

/** A stored cursor as an instant; a clear error naming the value when it is not an ISO instant. */
export function parseCursor(resource: string, value: string): Temporal.Instant {
  try {
    return Temporal.Instant.from(value)
  } catch {
    throw new Error(`the stored ${resource} cursor is not an ISO instant: ${JSON.stringify(value.slice(0, 64))}`)
  }
}

/** Midnight starting `date` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfDay(date: string, timeZone: string): Temporal.Instant {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant()
}

/**
 * An inclusive range of report-zone dates split into windows of `windowDays` days, each as `[first midnight, midnight
 * after the last day)`; the end is clamped to `now` (nothing is updated in the future) and windows wholly after `now` are dropped.
 */
export function datedWindows(range: DateRange, windowDays: number, timeZone: string, now: Temporal.Instant): DatedWindow[] {
  const end = floorToSecond(now)
  return splitIntoWindows(range, windowDays).flatMap((dates) => {
    const from = startOfDay(dates.from, timeZone)
    const next = startOfDay(Temporal.PlainDate.from(dates.to).add({ days: 1 }).toString(), timeZone)
    if (Temporal.Instant.compare(from, end) >= 0) return []
    const clamped = Temporal.Instant.compare(next, end) > 0
    return [{ dates, window: { from, to: clamped ? end : next }, complete: !clamped }]
  })
}

/** True when `instant` lies in `[window.from, window.to)`. */
export function inWindow(instant: Temporal.Instant, window: SyncWindow): boolean {
  return Temporal.Instant.compare(instant, window.from) >= 0 && Temporal.Instant.compare(instant, window.to) < 0
}
