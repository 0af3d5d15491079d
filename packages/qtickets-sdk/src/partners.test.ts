import { inspect } from 'node:util'
import { http } from 'msw'
import { Temporal } from 'temporal-polyfill'
import { describe, expect, test } from 'vitest'
import { FAST, PARTNERS_BASE, fixtureJson, jsonAnswer, readJsonBody, startMockApi } from '../test/msw'
import { QticketsError } from './errors'
import { createPartnersClient } from './partners'

const { server, seen } = startMockApi()
const KEY = 'partner-KEY-1a2b3c4d-never-log'
const methodsSeen = new Set<string>()
server.events.on('request:start', ({ request }) => void methodsSeen.add(request.method))

function makeClient() {
  return createPartnersClient({ key: KEY, baseUrl: PARTNERS_BASE, ...FAST })
}

describe('partners client', () => {
  test('events.lists parses rows with local offsets and sends the key as a Bearer token', async () => {
    server.use(http.get(`${PARTNERS_BASE}/events/lists`, () => jsonAnswer(fixtureJson('partners.events.lists.json'))))
    const rows = await makeClient().events.lists()
    expect(rows.map((row) => row.show_id)).toEqual([840101, 840102, 840150, 840170])
    expect(rows[0]?.start_date.equals(Temporal.Instant.from('2025-12-20T09:00:00Z'))).toBe(true)
    expect(rows[2]?.start_date.equals(Temporal.Instant.from('2026-01-10T10:00:00Z'))).toBe(true)
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  test('tickets.find sends the filter in a GET body to tickets/find/{event}/{show}', async () => {
    let body: Record<string, unknown> | undefined
    server.use(
      http.get(`${PARTNERS_BASE}/tickets/find/620011/840101`, async ({ request }) => {
        body = await readJsonBody(request)
        return jsonAnswer(fixtureJson('partners.tickets.find.json'))
      }),
    )
    const filter = { external_order_id: ['EXT-ORDER-0042', 'EXT-ORDER-0043'] }
    const tickets = await makeClient().tickets.find(filter, 620011, 840101)
    expect(body).toEqual({ filter })
    expect(tickets.map((ticket) => [ticket.id, ticket.paid, ticket.deleted, ticket.price])).toEqual([
      [9100501, true, false, 1222.5],
      [9100502, true, false, 600.75],
      [9100517, false, true, null],
    ])
    expect(tickets[2]?.offer_id).toBe('')
  })

  test('tickets.find without an event goes to tickets/find', async () => {
    server.use(http.get(`${PARTNERS_BASE}/tickets/find`, () => jsonAnswer({ status: 'success', result: [] })))
    expect(await makeClient().tickets.find({ barcode: '879000000501' })).toEqual([])
  })

  test('events.seats parses zones', async () => {
    const answer = {
      status: 'success',
      event_id: 620011,
      show_id: 840101,
      zones: [{ id: 'FAN', name: 'Фан-зона', seats: [{ seat_id: 'FAN-1;1', admission: true, free_quantity: 120 }] }],
    }
    server.use(http.get(`${PARTNERS_BASE}/events/seats/620011/840101`, () => jsonAnswer(answer)))
    const seats = await makeClient().events.seats(620011, 840101)
    expect(seats.zones[0]?.seats?.[0]).toMatchObject({ seat_id: 'FAN-1;1', admission: true, free_quantity: 120 })
    expect(seats.event_id).toBe(620011)
  })

  test('HTTP 200 with status "error" WRONG_AUTHORIZATION is an auth error, not retried', async () => {
    server.use(http.get(`${PARTNERS_BASE}/events/lists`, () => jsonAnswer(fixtureJson('partners.error.wrong-authorization.json'))))
    const error = await makeClient().events.lists().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(QticketsError)
    expect(error).toMatchObject({ kind: 'auth', status: 200, code: 'WRONG_AUTHORIZATION', path: '/events/lists' })
    expect(seen).toHaveLength(1)
    expect(inspect(error) + JSON.stringify(error)).not.toContain(KEY)
  })

  test.each([
    ['EVENT_NOT_FOUND', 'not_found', 1],
    ['VALIDATION_ERROR', 'rejected', 1],
    ['UNKNOWN_ERROR', 'server', 2],
  ])('status "error" %s → %s after %i request(s)', async (code, kind, requests) => {
    server.use(http.get(`${PARTNERS_BASE}/tickets/find/1`, () => jsonAnswer({ status: 'error', code, message: 'nope' })))
    await expect(makeClient().tickets.find({ id: 1 }, 1)).rejects.toMatchObject({ kind, code })
    expect(seen).toHaveLength(requests)
  })

  test('rejects an empty key', () => {
    expect(() => createPartnersClient({ key: '' })).toThrow('key must be a non-empty string')
  })

  test('no request in this file used anything but GET', () => {
    expect([...methodsSeen]).toEqual(['GET'])
  })
})
