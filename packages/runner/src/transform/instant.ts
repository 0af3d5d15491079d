import type { Temporal } from '@zakaz/qtickets-sdk'

/**
 * An instant as the ISO-8601 UTC string the sink stores (`2025-11-10T09:15:31Z`, `…31.5Z`), at the millisecond
 * precision of its `DateTime64(3)` columns. Formatted through `Date`, which is several times cheaper than the Temporal
 * polyfill's `toString` (a loader formats ~14 instants per order); the text is the same for whole and partial seconds.
 */
export function isoInstant(instant: Temporal.Instant): string {
  const text = new Date(instant.epochMilliseconds).toISOString()
  return text.endsWith('.000Z') ? `${text.slice(0, -5)}Z` : text.replace(/0{1,2}Z$/, 'Z')
}

/** `isoInstant`, or null for a null instant. */
export function isoOrNull(instant: Temporal.Instant | null | undefined): string | null {
  return instant ? isoInstant(instant) : null
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
