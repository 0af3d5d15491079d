import { describe, expect, it } from 'vitest'
import { fixtureEvents } from '../../test/support/fixtures.js'
import { eventName, eventToRows } from './event.js'

const events = fixtureEvents()
const event = (id: number) => events.find((candidate) => candidate.id === id)!

describe('eventToRows', () => {
  it('takes the city name and IANA zone from event.city, and show instants as UTC', () => {
    const { event: row, shows } = eventToRows(event(510002), 'acme')
    expect(row).toMatchObject({ tenant: 'acme', event_id: 510002, city_id: 57, city_name: 'Красноярск', city_timezone: 'Asia/Krasnoyarsk', is_active: true })
    expect(shows).toHaveLength(1)
    expect(shows[0]).toMatchObject({ show_id: 730010, event_id: 510002, city_timezone: 'Asia/Krasnoyarsk', start_at: '2025-12-12T12:00:00Z' })
  })

  it('keeps soft deletes: a deleted event stays a row with deleted_at', () => {
    const { event: row, shows } = eventToRows(event(509977), 'acme')
    expect(row.deleted_at).toBe('2025-10-20T08:42:10Z')
    expect(row.is_active).toBe(false)
    expect(shows[0]!.deleted_at).toBeNull()
  })

  it('versions rows from the source; a show is at least as new as its event', () => {
    const source = event(510001)
    const { event: row, shows } = eventToRows(source, 'acme')
    expect(row._ver).toBe(source.updated_at.epochMilliseconds)
    const older = shows.find((show) => show.show_id === 730002)!
    expect(older._ver).toBe(source.updated_at.epochMilliseconds) // its own updated_at is older than the event's
    expect(JSON.stringify(eventToRows(source, 'acme'))).toBe(JSON.stringify({ event: row, shows }))
  })

  it('reads a per-language name', () => {
    expect(eventName('Джаз')).toBe('Джаз')
    expect(eventName({ en: 'Jazz', ru: 'Джаз' })).toBe('Джаз')
    expect(eventName({ en: 'Jazz' })).toBe('Jazz')
  })
})
