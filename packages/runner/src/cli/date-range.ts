import { UsageError } from '../errors.js'

/** An inclusive range of calendar dates (`YYYY-MM-DD`). */
export interface DateRange {
  from: string
  to: string
}

const DAY_MS = 86_400_000

/** Checks `--from`/`--to`: real calendar dates, from ≤ to; UsageError naming the option and the value. */
export function parseDateRange(from: string, to: string): DateRange {
  const start = parseDate('--from', from)
  const end = parseDate('--to', to)
  if (start > end) throw new UsageError(`--from ${from} is after --to ${to}`)
  return { from, to }
}

/** The number of days in an inclusive range. */
export function daysInRange(range: DateRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / DAY_MS) + 1
}

/** Consecutive inclusive windows of at most `windowDays` days covering the range (the last may be shorter). */
export function splitIntoWindows(range: DateRange, windowDays: number): DateRange[] {
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`windowDays must be a positive integer, got ${windowDays}`)
  const windows: DateRange[] = []
  const end = Date.parse(range.to)
  for (let start = Date.parse(range.from); start <= end; start += windowDays * DAY_MS) {
    const last = Math.min(end, start + (windowDays - 1) * DAY_MS)
    windows.push({ from: isoDate(start), to: isoDate(last) })
  }
  return windows
}

function parseDate(option: string, value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN
  if (!match || Number.isNaN(ms) || isoDate(ms) !== value) {
    throw new UsageError(`${option} must be a calendar date like 2025-01-31, got "${value}"`)
  }
  return ms
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
