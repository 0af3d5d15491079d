import type { EventRow, ShowRow } from '@zakaz/clickhouse-sink'
import type { Event, Show } from '@zakaz/qtickets-sdk'
import { isoInstant, isoOrNull, latestMs } from './instant.js'

/** The dimension rows of one event: `dim_events` and one `dim_shows` row per show. */
export interface EventRows {
  event: EventRow
  shows: ShowRow[]
}

/**
 * An event → its `dim_events` row (city name and IANA zone from `event.city`) and its `dim_shows` rows
 * (instants; the sink derives local wall times in the city's zone). `_ver` comes from the source: the event's
 * is the latest of `updated_at`/`deleted_at`, a show's also covers the event's (a show row carries the city zone).
 */
export function eventToRows(event: Event, tenant: string): EventRows {
  const eventVersion = latestMs(event.updated_at, event.deleted_at)
  const row: EventRow = {
    tenant,
    event_id: event.id,
    name: eventName(event.name),
    is_active: event.is_active,
    city_id: event.city_id,
    city_name: event.city.name,
    city_timezone: event.city.timezone,
    currency_id: event.currency_id,
    place_name: event.place_name ?? '',
    place_address: event.place_address ?? '',
    age: event.age ?? '',
    created_at: isoInstant(event.created_at),
    updated_at: isoInstant(event.updated_at),
    deleted_at: isoOrNull(event.deleted_at),
    _ver: eventVersion,
  }
  return { event: row, shows: event.shows.map((show) => showRow(show, event, tenant, eventVersion)) }
}

/** An event name, which some accounts send per language (`{ru: …}`): the Russian one, else the first. */
export function eventName(name: Event['name']): string {
  if (typeof name === 'string') return name
  return name.ru ?? Object.values(name)[0] ?? ''
}

function showRow(show: Show, event: Event, tenant: string, eventVersion: number): ShowRow {
  return {
    tenant,
    show_id: show.id,
    event_id: event.id,
    name: show.name ?? '',
    is_active: show.is_active,
    city_timezone: event.city.timezone,
    open_at: isoOrNull(show.open_date),
    start_at: isoInstant(show.start_date),
    finish_at: isoOrNull(show.finish_date),
    sale_start_at: isoOrNull(show.sale_start_date),
    sale_finish_at: isoOrNull(show.sale_finish_date),
    created_at: isoInstant(show.created_at),
    updated_at: isoInstant(show.updated_at),
    deleted_at: isoOrNull(show.deleted_at),
    _ver: Math.max(eventVersion, latestMs(show.updated_at, show.deleted_at)),
  }
}
