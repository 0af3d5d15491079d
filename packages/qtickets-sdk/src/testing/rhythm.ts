/**
 * The sales rhythm: how orders spread over the hours of a Moscow day and the days of a week.
 * Evenings are busiest; there is still some traffic just after midnight.
 */
import { HOUR } from './time'

/** Relative order volume per Moscow hour 0…23. */
const HOURLY = [
  0.9, 0.45, 0.2, 0.1, 0.08, 0.08, 0.15, 0.35, 0.7, 1.0, 1.2, 1.3,
  1.4, 1.4, 1.35, 1.35, 1.45, 1.6, 1.85, 2.1, 2.3, 2.2, 1.9, 1.4,
]

const TOTAL = HOURLY.reduce((a, b) => a + b, 0)

/** Cumulative share of a day's orders before each hour (25 entries, from 0 to 1). */
const CUMULATIVE = HOURLY.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + w / TOTAL], [0])

/** Relative volume per weekday, Monday first. */
export const WEEKDAY_WEIGHT = [0.9, 0.9, 0.95, 1.0, 1.2, 1.15, 1.0]

/** Share of a Moscow day's orders placed before `msOfDay` milliseconds after midnight. */
export function dayQuantileAt(msOfDay: number): number {
  const hours = Math.min(Math.max(msOfDay / HOUR, 0), 24)
  const h = Math.min(Math.floor(hours), 23)
  return (CUMULATIVE[h] ?? 0) + ((HOURLY[h] ?? 0) / TOTAL) * (hours - h)
}

/** Milliseconds after Moscow midnight at which a day's share `q` (0…1) of orders has been placed. */
export function msOfDayAtQuantile(q: number): number {
  let h = 0
  while (h < 23 && (CUMULATIVE[h + 1] ?? 1) <= q) h++
  const within = (q - (CUMULATIVE[h] ?? 0)) / ((HOURLY[h] ?? 1) / TOTAL)
  return Math.min((h + Math.min(Math.max(within, 0), 1)) * HOUR, 24 * HOUR - 1)
}
