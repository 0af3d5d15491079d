import * as v from 'valibot'
import { code, flag, id, nullableTimestamp, timestamp } from './primitives'

/** A row of Partners `events/lists`: one show of an event open to partners, dates in the event's local offset. */
export const PartnerEventRowSchema = v.looseObject({
  event_id: id,
  show_id: id,
  event_name: v.string(),
  start_date: timestamp,
  finish_date: nullableTimestamp,
  scheme: v.looseObject({
    id,
    venue_id: v.nullish(v.number()),
    place_name: v.nullish(v.string()),
    place_address: v.nullish(v.string()),
    place_description: v.nullish(v.string()),
  }),
  city: v.looseObject({
    id,
    name: v.string(),
    timezone: v.string(),
    coords: v.nullish(v.array(v.number())),
  }),
  event_type: v.nullish(v.looseObject({ id, name: v.string() })),
  age: v.nullish(v.string()),
  fanid_required: flag,
  has_document_verification: flag,
  integrations: v.array(v.looseObject({ source_name: v.string(), source_id: v.union([v.number(), v.string()]) })),
  last_update_hash: v.string(),
})

/** A parsed Partners event row. */
export type PartnerEventRow = v.InferOutput<typeof PartnerEventRowSchema>

/** A Partners ticket (`tickets/find`): `paid`/`deleted` are 0/1 on the wire, booleans here; `id` may be a string. */
export const PartnerTicketSchema = v.looseObject({
  id: v.union([v.number(), v.string()]),
  paid: flag,
  paid_at: nullableTimestamp,
  seat_id: v.string(),
  offer_id: v.nullable(v.string()),
  admission: flag,
  payment_type_id: v.optional(v.nullable(v.string())),
  reserved_to: nullableTimestamp,
  external_id: v.nullable(code),
  external_order_id: v.nullable(code),
  barcode: v.nullable(code),
  price: v.nullable(v.number()),
  client_email: v.nullable(v.string()),
  client_phone: v.nullable(v.string()),
  client_name: v.nullable(v.string()),
  client_surname: v.nullable(v.string()),
  client_middlename: v.nullable(v.string()),
  fanid_card: v.optional(v.nullable(v.looseObject({ id: v.union([v.number(), v.string()]), value: v.string() }))),
  visitor_user_id: v.optional(v.nullable(code)),
  deleted: v.optional(flag),
})

/** A parsed Partners ticket. */
export type PartnerTicket = v.InferOutput<typeof PartnerTicketSchema>

/** A seat of the deprecated Partners `events/seats` list; general admission has `admission` + `free_quantity` instead of row/place. */
export const PartnerSeatSchema = v.looseObject({
  seat_id: v.optional(v.string()),
  admission: v.optional(flag),
  row: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  place: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  free_quantity: v.optional(v.nullable(v.number())),
  available: v.optional(flag),
})

/** A zone of the deprecated Partners `events/seats` list. */
export const PartnerZoneSchema = v.looseObject({
  seats: v.optional(v.array(PartnerSeatSchema), []),
})

/** Partners `events/seats/{event_id}/{show_id?}`: `zones[]` with event context fields kept as received. */
export const PartnerSeatsSchema = v.looseObject({
  zones: v.array(PartnerZoneSchema),
})

/** A parsed Partners seats answer. */
export type PartnerSeats = v.InferOutput<typeof PartnerSeatsSchema>

/** The Partners envelope. Errors arrive with HTTP 200 and `status: "error"`. */
export const PartnerEnvelopeSchema = v.looseObject({
  status: v.string(),
  code: v.optional(v.string()),
  message: v.optional(v.string()),
})
