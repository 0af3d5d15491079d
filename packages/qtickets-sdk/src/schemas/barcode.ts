import * as v from 'valibot'
import { code, flag, nullableTimestamp } from './primitives'

/** A currently valid ticket of a show (`GET shows/{id}/barcodes`). */
export const BarcodeEntrySchema = v.looseObject({
  barcode: code,
  admission: flag,
  price: v.number(),
  seat_name: v.string(),
  zone_name: v.string(),
  row: code,
  place: code,
  client_name: v.nullable(v.string()),
  client_surname: v.nullable(v.string()),
  client_middlename: v.nullable(v.string()),
})

/** A parsed barcode entry. */
export type BarcodeEntry = v.InferOutput<typeof BarcodeEntrySchema>

/** Every documented barcode field, sent as the default `select`. */
export const BARCODE_FIELDS = Object.keys(BarcodeEntrySchema.entries) as Array<keyof typeof BarcodeEntrySchema.entries>

/** Scan status of one ticket (`GET shows/{id}/barcode/{code}`); `checked_at` is null when not scanned. */
export const BarcodeStatusSchema = v.looseObject({
  barcode: code,
  checked_at: nullableTimestamp,
})

/** A parsed scan status. */
export type BarcodeStatus = v.InferOutput<typeof BarcodeStatusSchema>
