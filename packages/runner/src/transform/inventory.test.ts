import { Temporal } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import { fixtureSeats } from '../../test/support/fixtures.js'
import { seatsToInventory } from './inventory.js'

const snapshot = { tenant: 'acme', eventId: 510001, showId: 730001, snapshotAt: Temporal.Instant.from('2025-11-16T18:30:00Z') }

describe('seatsToInventory', () => {
  it('counts a seat sold under two tariffs once and sums general-admission quantities', () => {
    const rows = seatsToInventory(fixtureSeats(), snapshot)
    expect(rows.map(({ zone_id, capacity, free, sold, reserved, disabled }) => ({ zone_id, capacity, free, sold, reserved, disabled }))).toEqual([
      // 8 physical seats (full_ and lgotnyj_PARTER-2;4 are one): 3 paid, 2 free, 1 ordered + 1 in basket, 1 disabled
      { zone_id: 'PARTER', capacity: 8, free: 2, sold: 3, reserved: 2, disabled: 1 },
      // one general-admission place of 300: 254 free + 41 paid + 2 ordered + 3 in basket
      { zone_id: 'tancevalnyj-parter', capacity: 300, free: 254, sold: 41, reserved: 5, disabled: 0 },
    ])
  })

  it('stamps every row with the snapshot time as key and version', () => {
    for (const row of seatsToInventory(fixtureSeats(), snapshot)) {
      expect(row).toMatchObject({ tenant: 'acme', event_id: 510001, show_id: 730001, snapshot_at: '2025-11-16T18:30:00Z', _ver: snapshot.snapshotAt.epochMilliseconds })
    }
  })

  it('gives no rows for a show without seats', () => {
    expect(seatsToInventory([], snapshot)).toEqual([])
  })
})
