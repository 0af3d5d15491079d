import { createPiiHasher } from '@zakaz/clickhouse-sink'
import { Temporal } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import {
  fixtureBarcodes,
  fixtureClients,
  fixtureColorThemes,
  fixtureDiscounts,
  fixturePartnerTickets,
  fixturePromoCodes,
} from '../../test/support/fixtures.js'
import { barcodeToRow } from './barcode.js'
import { clientToRow } from './client.js'
import { colorThemeToRow } from './color-theme.js'
import { discountToRow } from './discount.js'
import { partnerTicketToRow } from './partner-ticket.js'
import { promoCodeToRow } from './promo-code.js'

const pii = createPiiHasher('unit-test-pepper-0123456789')
const readAt = Temporal.Instant.from('2025-11-16T18:30:00Z')

describe('catalog transforms', () => {
  it('clients keep only hashes of e-mail and phone', () => {
    const clients = fixtureClients()
    for (const client of clients) {
      const row = clientToRow(client, { tenant: 'acme', pii, readAt })
      expect(Object.keys(row).sort()).toEqual(['_ver', 'client_id', 'email_hash', 'phone_hash', 'tenant'])
      expect(row.email_hash).toBe(pii.email(client.email))
      expect(row.phone_hash).toBe(client.details.phone === null ? null : pii.phone(client.details.phone))
      expect(row._ver).toBe(readAt.epochMilliseconds)
    }
  })

  it('discounts list the events and shows they apply to', () => {
    const discounts = fixtureDiscounts()
    const rows = discounts.map((discount) => discountToRow(discount, 'acme'))
    expect(rows.some((row) => row.deleted_at !== null)).toBe(true)
    for (const [i, row] of rows.entries()) {
      expect(row.event_ids).toEqual(discounts[i]!.events.map((event) => event.id))
      expect(row._ver).toBeGreaterThanOrEqual(discounts[i]!.updated_at.epochMilliseconds)
    }
  })

  it('promo codes keep all-digit codes as strings', () => {
    const rows = fixturePromoCodes().map((promo) => promoCodeToRow(promo, 'acme'))
    expect(rows.find((row) => row.code === '20251205')).toBeDefined()
    for (const row of rows) expect(typeof row.code).toBe('string')
  })

  it('colour themes keep id and colour', () => {
    const rows = fixtureColorThemes().map((theme) => colorThemeToRow(theme, { tenant: 'acme', readAt }))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.color).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('barcodes drop the holder names', () => {
    const entries = fixtureBarcodes()
    const rows = entries.map((entry) => barcodeToRow(entry, { tenant: 'acme', showId: 730001, readAt }))
    expect(rows).toHaveLength(10)
    const text = JSON.stringify(rows)
    for (const entry of entries) for (const name of [entry.client_name, entry.client_surname]) if (name) expect(text).not.toContain(name)
    expect(rows[0]).toMatchObject({ show_id: 730001, seen_at: '2025-11-16T18:30:00Z', checked_at: null })
  })

  it('partner tickets: string ids, 0/1 flags as booleans, hashes instead of contacts', () => {
    const tickets = fixturePartnerTickets()
    const rows = tickets.map((ticket) => partnerTicketToRow(ticket, { tenant: 'acme', pii, eventId: 510001, showId: null, readAt }))
    const text = JSON.stringify(rows)
    expect(text).not.toMatch(/@example|\+7000/)
    for (const row of rows) expect(typeof row.ticket_id).toBe('string')
    expect(rows.some((row) => row.deleted)).toBe(true)
    expect(rows.find((row) => row.ticket_id === '9100501')).toMatchObject({ paid: true, price: 1222.5, offer_id: 'full' })
  })
})
