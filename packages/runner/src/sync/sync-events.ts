import type { EventRow, ShowRow } from '@zakaz/clickhouse-sink'
import { Temporal, type Event } from '@zakaz/qtickets-sdk'
import { eventToRows } from '../transform/event.js'
import type { SyncContext } from './sync-context.js'
import { writeChangedRows } from './write-changed.js'

/** A show whose seats or barcodes may be read. */
export interface ShowTarget {
  eventId: number
  showId: number
}

/** What the events step learned: the shows worth a snapshot (active, not deleted, of live events, not finished). */
export interface EventsResult {
  events: number
  shows: number
  upcomingShows: ShowTarget[]
}

/**
 * Reads every page of events (deleted ones included: their rows carry `deleted_at`) and writes to `dim_events` and
 * `dim_shows` the rows that differ from the stored ones (`_ver` from the source), sorted by id: an unchanged catalogue
 * writes nothing.
 * Events come first in a run: the daily facts take the city from `dim_events`.
 */
export async function syncEvents(ctx: SyncContext): Promise<EventsResult> {
  const events: EventRow[] = []
  const shows: ShowRow[] = []
  const upcomingShows: ShowTarget[] = []
  for await (const page of ctx.client.events.pages({ orderBy: { id: 'asc' } })) {
    ctx.signal.throwIfAborted()
    for (const event of page.items) {
      const rows = eventToRows(event, ctx.tenant)
      events.push(rows.event)
      shows.push(...rows.shows)
      upcomingShows.push(...snapshotShows(event, ctx.now))
    }
  }
  events.sort((a, b) => a.event_id - b.event_id)
  shows.sort((a, b) => a.show_id - b.show_id)
  ctx.tally.read('events', events.length)
  await writeChangedRows(ctx, 'events', 'dim_events', events)
  await writeChangedRows(ctx, null, 'dim_shows', shows)
  await refreshCities(ctx)
  upcomingShows.sort((a, b) => a.showId - b.showId)
  return { events: events.length, shows: shows.length, upcomingShows }
}

/**
 * Facts take the city from dim_events when a day is recomputed. When an event's city changed, or the event arrived
 * after some of its orders were counted (city ''), the days showing the old city are recomputed now.
 */
async function refreshCities(ctx: SyncContext): Promise<void> {
  const days = await ctx.store.daysWithStaleCity()
  if (days.length === 0) return
  ctx.logger.info('recomputing days whose facts show an outdated event city', { resource: 'events', days: days.length })
  await ctx.store.recomputeDays(days)
  ctx.tally.recomputed(days)
}

/** The shows of an event whose inventory still matters: the event is not deleted, the show is active, not deleted, and not finished. */
export function snapshotShows(event: Event, now: Temporal.Instant): ShowTarget[] {
  if (event.deleted_at !== null) return []
  return event.shows
    .filter((show) => show.is_active && show.deleted_at === null && Temporal.Instant.compare(show.finish_date ?? show.start_date, now) > 0)
    .map((show) => ({ eventId: event.id, showId: show.id }))
}
