import type * as v from 'valibot'
import { positiveInteger } from '../query/list-query'
import { buildWhere, type Condition } from '../query/where'
import { BARCODE_FIELDS, BarcodeEntrySchema, BarcodeStatusSchema, type BarcodeEntry, type BarcodeStatus } from '../schemas/barcode'
import { parseBareList, parseBareObject, parseDataMap } from '../schemas/envelopes'
import { SEAT_FIELDS, SeatSchema, type Seat } from '../schemas/seat'
import type { ResourceContext } from './context'
import { schemaForSelect, type FieldOf } from './select'

/** Field names of a seat. */
export type SeatField = FieldOf<typeof SeatSchema>
/** Field names of a barcode entry. */
export type BarcodeField = FieldOf<typeof BarcodeEntrySchema>

/** Personal-quota context for seat availability. */
export interface SeatContext {
  client_email?: string
  user_id?: number
  partner_id?: number
}

/** Options of `shows.seats`. The SDK always asks for the flat map (the tree form has no known shape). */
export interface SeatsOptions<K extends SeatField = SeatField> {
  /** Fields to return; default: every documented field. */
  select?: readonly K[]
  /** Filters, e.g. `[['available', '=', true]]`. */
  where?: readonly Condition<'seats'>[]
  /** Always `true`. */
  flat?: true
  /** Evaluate personal quotas for a buyer, user or partner. */
  context?: SeatContext
}

/** Options of `shows.barcodes`. */
export interface BarcodesOptions<K extends BarcodeField = BarcodeField> {
  /** Fields to return; default: every documented field. */
  select?: readonly K[]
}

/** Per-show reads: seats, valid barcodes and the scan status of one ticket. */
export interface ShowsResource {
  /** Seat inventory of one show (`GET shows/{id}/seats`, flat). Without `select`: full seats. */
  seats(showId: number, options?: Omit<SeatsOptions, 'select'>): Promise<Seat[]>
  seats<K extends SeatField>(showId: number, options: SeatsOptions<K> & { select: readonly K[] }): Promise<Array<Pick<Seat, K>>>
  /** Currently valid tickets of a show (`GET shows/{id}/barcodes`). */
  barcodes(showId: number, options?: Omit<BarcodesOptions, 'select'>): Promise<BarcodeEntry[]>
  barcodes<K extends BarcodeField>(showId: number, options: BarcodesOptions<K> & { select: readonly K[] }): Promise<Array<Pick<BarcodeEntry, K>>>
  /** Scan status of one ticket (`GET shows/{id}/barcode/{code}`). */
  barcodeStatus(showId: number, barcode: string): Promise<BarcodeStatus>
}

/** Builds the `shows` resource. */
export function createShowsResource(context: ResourceContext): ShowsResource {
  async function seats(showId: number, options: SeatsOptions = {}): Promise<unknown[]> {
    const path = `/shows/${positiveInteger('showId', showId)}/seats`
    const select = options.select ?? SEAT_FIELDS
    const json = await context.transport.get(path, {
      select,
      ...(options.where?.length ? { where: buildWhere('seats', options.where, context.timeZone) } : {}),
      flat: true,
      ...(options.context ? { context: { ...options.context } } : {}),
    })
    const schema = schemaForSelect(SeatSchema, select) as v.GenericSchema
    return parseDataMap(schema, json, { resource: 'seats', request: { method: 'GET', path } })
  }

  async function barcodes(showId: number, options: BarcodesOptions = {}): Promise<unknown[]> {
    const path = `/shows/${positiveInteger('showId', showId)}/barcodes`
    const select = options.select ?? BARCODE_FIELDS
    const json = await context.transport.get(path, { select })
    const schema = schemaForSelect(BarcodeEntrySchema, select) as v.GenericSchema
    return parseBareList(schema, json, { resource: 'barcodes', request: { method: 'GET', path } })
  }

  async function barcodeStatus(showId: number, barcode: string): Promise<BarcodeStatus> {
    if (typeof barcode !== 'string' || barcode.length === 0) throw new TypeError('barcode must be a non-empty string')
    const path = `/shows/${positiveInteger('showId', showId)}/barcode/${encodeURIComponent(barcode)}`
    const json = await context.transport.get(path)
    return parseBareObject(BarcodeStatusSchema, json, { resource: 'barcodeStatus', request: { method: 'GET', path } })
  }

  return { seats, barcodes, barcodeStatus } as ShowsResource
}
