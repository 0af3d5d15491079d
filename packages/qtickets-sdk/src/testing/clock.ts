/**
 * The simulated clock. Time only moves forward. Everything the API shows is a function of
 * "now": orders created later are invisible, and payments, expiries, cancellations, refunds and
 * entrance scans appear once the `updated_at` they stamp is not after now (order-state.ts).
 */
import type { Temporal } from 'temporal-polyfill'
import type { InstantInput } from './options'
import { DAY, formatMoscow, HOUR, MINUTE, toEpochMs, toInstant } from './time'

/** A duration to advance the clock by (the parts are added up). */
export interface ClockStep {
  days?: number
  hours?: number
  minutes?: number
  seconds?: number
  milliseconds?: number
}

/** What happened during one clock move. */
export interface ClockMove {
  /** Previous and new "now", REST style (`+03:00`). */
  from: string
  to: string
  /** Orders created in (from, to], over every tenant. */
  createdOrders: number
}

/** The simulator's clock. */
export interface SimulatorClock {
  /** The simulated now as a Temporal.Instant. */
  now(): Temporal.Instant
  /** The simulated now in epoch milliseconds. */
  nowMs(): number
  /** The simulated now as a REST-style ISO string (`2025-11-16T21:30:00+03:00`). */
  nowIso(): string
  /** Moves time forward by a duration. */
  advance(step: ClockStep): ClockMove
  /** Moves time forward to an instant (never backwards). */
  set(to: InstantInput): ClockMove
}

/** Creates a clock starting at `startMs`; `countCreated(ms)` counts orders created by `ms`. */
export function createClock(startMs: number, countCreated: (ms: number) => number, onMove: () => void): SimulatorClock {
  let nowMs = startMs
  const moveTo = (target: number): ClockMove => {
    if (!Number.isFinite(target) || target < nowMs) throw new Error(`clock: cannot move back from ${formatMoscow(nowMs)} to ${Number.isFinite(target) ? formatMoscow(target) : String(target)}`)
    const before = countCreated(nowMs)
    const from = formatMoscow(nowMs)
    nowMs = target
    onMove()
    return { from, to: formatMoscow(nowMs), createdOrders: countCreated(nowMs) - before }
  }
  return {
    now: () => toInstant(nowMs),
    nowMs: () => nowMs,
    nowIso: () => formatMoscow(nowMs),
    advance: (step) => moveTo(nowMs + (step.days ?? 0) * DAY + (step.hours ?? 0) * HOUR + (step.minutes ?? 0) * MINUTE + (step.seconds ?? 0) * 1000 + (step.milliseconds ?? 0)),
    set: (to) => moveTo(toEpochMs(to, 'clock.set')),
  }
}
