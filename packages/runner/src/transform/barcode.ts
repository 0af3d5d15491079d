import type { BarcodeRow } from '@zakaz/clickhouse-sink'
import type { BarcodeEntry, Temporal } from '@zakaz/qtickets-sdk'
import { isoInstant } from './instant.js'

/** The fields of a barcode entry that are stored (the holder's names never are). */
export type StoredBarcodeFields = Pick<BarcodeEntry, 'barcode' | 'admission' | 'price' | 'seat_name' | 'zone_name' | 'row' | 'place'>

/**
 * A currently valid ticket of a show → a `stg_qtickets_api_barcodes_raw` row, without the holder's name.
 * `seen_at` and `_ver` are the time the list was read (the sync writes a ticket only when it is new or one of its
 * fields changed, so a stored row keeps the time that version was first seen); the list has no scan times, so
 * `checked_at` is null.
 */
export function barcodeToRow(entry: StoredBarcodeFields, context: { tenant: string; showId: number; readAt: Temporal.Instant }): BarcodeRow {
  return {
    tenant: context.tenant,
    show_id: context.showId,
    barcode: entry.barcode,
    admission: entry.admission,
    price: entry.price,
    seat_name: entry.seat_name,
    zone_name: entry.zone_name,
    seat_row: entry.row,
    seat_place: entry.place,
    checked_at: null,
    seen_at: isoInstant(context.readAt),
    _ver: context.readAt.epochMilliseconds,
  }
}
