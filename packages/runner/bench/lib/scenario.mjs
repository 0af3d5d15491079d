// The simulated world's dates: when the simulator's "now" is and which dates a backfill must cover. Pure.

const DAY_MS = 86_400_000
const MOSCOW_OFFSET_MS = 3 * 3_600_000

/** The simulator's default "now" (its `start` option), as the bench uses it for the end-to-end runs. */
export const SIM_START = '2025-11-16T21:30:00+03:00'

/**
 * Moscow calendar dates covering every order of a simulator started at `startMs` with `historyDays` of history
 * (orders are created in the `historyDays` before the start and updated up to it), with a day of margin.
 */
export function backfillRange(startMs, historyDays = 90) {
  const moscowDate = (ms) => new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10)
  return { from: moscowDate(startMs - (historyDays + 1) * DAY_MS), to: moscowDate(startMs) }
}

/** The range of the end-to-end runs: 2025-08-17 … 2025-11-16. */
export const BACKFILL_RANGE = backfillRange(Date.parse(SIM_START))
