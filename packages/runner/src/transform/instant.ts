import type { Temporal } from '@zakaz/qtickets-sdk'

/** An instant as the ISO-8601 UTC string the sink stores (`2025-11-10T09:15:31Z`). */
export function isoInstant(instant: Temporal.Instant): string {
  return instant.toString()
}

/** `isoInstant`, or null for a null instant. */
export function isoOrNull(instant: Temporal.Instant | null | undefined): string | null {
  return instant ? instant.toString() : null
}

/** Milliseconds since the epoch of an instant. */
export function epochMs(instant: Temporal.Instant): number {
  return instant.epochMilliseconds
}

/** The latest of some instants in epoch ms (nulls ignored; 0 when all are null): a row version derived from the source. */
export function latestMs(...instants: ReadonlyArray<Temporal.Instant | null | undefined>): number {
  let latest = 0
  for (const instant of instants) if (instant && instant.epochMilliseconds > latest) latest = instant.epochMilliseconds
  return latest
}
