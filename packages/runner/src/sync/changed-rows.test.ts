import type { BarcodeRow, ClientRow, DiscountRow } from '@zakaz/clickhouse-sink'
import { describe, expect, it } from 'vitest'
import { canonical, changedRows, lookupIds } from './changed-rows.js'

const discount = (overrides: Partial<DiscountRow> = {}): DiscountRow => ({
  tenant: 't',
  discount_id: 7,
  name: 'Осень',
  is_active: true,
  type: 'percent',
  active_from: '2025-11-01T00:00:00Z',
  active_to: null,
  event_ids: [3, 4],
  show_ids: [],
  created_at: '2025-10-01T09:00:00Z',
  updated_at: '2025-11-10T09:15:31Z',
  deleted_at: null,
  _ver: Date.parse('2025-11-10T09:15:31Z'),
  ...overrides,
})

/** The discount as ClickHouse returns it in JSON: UInt64 as strings, instants as epoch ms (toUnixTimestamp64Milli). */
const storedDiscount = (overrides: Record<string, unknown> = {}) => ({
  discount_id: '7',
  name: 'Осень',
  is_active: true,
  type: 'percent',
  active_from: String(Date.parse('2025-11-01T00:00:00Z')),
  active_to: null,
  event_ids: ['3', '4'],
  show_ids: [],
  created_at: String(Date.parse('2025-10-01T09:00:00Z')),
  updated_at: String(Date.parse('2025-11-10T09:15:31Z')),
  deleted_at: null,
  _ver: String(Date.parse('2025-11-10T09:15:31Z')),
  ...overrides,
})

describe('changedRows', () => {
  it('drops a row equal to the stored one, as ClickHouse returns it', () => {
    expect(changedRows('stg_qtickets_api_discounts_raw', [discount()], [storedDiscount()])).toEqual([])
  })

  it('keeps a new row and a row whose compared field differs', () => {
    const renamed = discount({ discount_id: 7, name: 'Зима' })
    const fresh = discount({ discount_id: 8 })
    expect(changedRows('stg_qtickets_api_discounts_raw', [renamed, fresh], [storedDiscount()])).toEqual([renamed, fresh])
    const moreEvents = discount({ event_ids: [3, 4, 5] })
    expect(changedRows('stg_qtickets_api_discounts_raw', [moreEvents], [storedDiscount()])).toEqual([moreEvents])
    const ended = discount({ active_to: '2025-12-01T00:00:00Z' })
    expect(changedRows('stg_qtickets_api_discounts_raw', [ended], [storedDiscount()])).toEqual([ended])
  })

  it('keeps a changed row even when the source did not bump its version (same _ver)', () => {
    const renamed = discount({ name: 'Зима' })
    expect(changedRows('stg_qtickets_api_discounts_raw', [renamed], [storedDiscount()])).toEqual([renamed])
  })

  it('never writes a row older than the stored version, even when it differs', () => {
    const stale = discount({ name: 'old name', _ver: Date.parse('2025-11-01T00:00:00Z') })
    expect(changedRows('stg_qtickets_api_discounts_raw', [stale], [storedDiscount()])).toEqual([])
  })

  it('ignores the read-time version of resources without timestamps: unchanged clients read later are dropped', () => {
    const client = (ver: number, email: string | null): ClientRow => ({ tenant: 't', client_id: 42, email_hash: email, phone_hash: null, _ver: ver })
    const stored = [{ client_id: '42', email_hash: 'aa', phone_hash: null, _ver: '1000' }]
    expect(changedRows('stg_qtickets_api_clients_raw', [client(2000, 'aa')], stored)).toEqual([])
    expect(changedRows('stg_qtickets_api_clients_raw', [client(2000, 'bb')], stored)).toEqual([client(2000, 'bb')])
    expect(changedRows('stg_qtickets_api_clients_raw', [client(2000, null)], stored)).toEqual([client(2000, null)])
  })

  it('matches barcodes by show and code, and compares money in kopecks', () => {
    const barcode = (show: number, code: string, price: number): BarcodeRow => ({
      tenant: 't',
      show_id: show,
      barcode: code,
      admission: false,
      price,
      seat_name: 'Ряд 1, Место 2',
      zone_name: 'Партер',
      seat_row: '1',
      seat_place: '2',
      checked_at: null,
      seen_at: '2025-11-16T18:30:00Z',
      _ver: 2000,
    })
    const stored = (show: string, code: string, price: string) => ({ show_id: show, barcode: code, admission: false, price, seat_name: 'Ряд 1, Место 2', zone_name: 'Партер', seat_row: '1', seat_place: '2', checked_at: null, _ver: '1000' })
    const rows = [barcode(1, '0001', 1800.5), barcode(1, '0002', 1800), barcode(2, '0001', 900)]
    expect(changedRows('stg_qtickets_api_barcodes_raw', rows, [stored('1', '0001', '1800.50'), stored('1', '0002', '1800.00'), stored('2', '0001', '950.00')])).toEqual([
      barcode(2, '0001', 900),
    ])
    expect(lookupIds('stg_qtickets_api_barcodes_raw', rows)).toEqual([1, 2])
  })
})

describe('canonical', () => {
  it('reads an ISO instant and epoch milliseconds as the same instant, and keeps nulls', () => {
    expect(canonical('instant', '2025-11-10T09:15:31Z')).toBe(canonical('instant', String(Date.parse('2025-11-10T09:15:31Z'))))
    expect(canonical('instant', '2025-11-10T12:15:31+03:00')).toBe(Date.parse('2025-11-10T09:15:31Z'))
    expect(canonical('instant', null)).toBeNull()
    expect(canonical('text', '')).toBe('')
    expect(canonical('text', null)).toBeNull()
  })
})
