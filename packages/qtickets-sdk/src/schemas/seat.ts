import * as v from 'valibot'
import { code, flag, unknownList } from './primitives'

/** Personal quota of a seat. */
export const SeatSpreadSchema = v.looseObject({
  partner_id: v.nullable(v.number()),
  users: v.array(v.number()),
  client_groups: unknownList,
  client_emails: v.array(v.string()),
  agents: flag,
})

/** A seat of a show (`GET shows/{id}/seats` with `flat: true`). Ids are strings; `root_id` matches basket `seat_id`. */
export const SeatSchema = v.looseObject({
  id: v.string(),
  root_id: v.string(),
  name: v.string(),
  zone_id: v.string(),
  zone_root_id: v.string(),
  short_seat_id: v.string(),
  admission: flag,
  row: code,
  place: code,
  max_quantity: v.number(),
  free_quantity: v.number(),
  ordered_quantity: v.number(),
  available: flag,
  disabled: flag,
  ordered: flag,
  payed_quantity: v.number(),
  in_basket_quantity: v.number(),
  price: v.number(),
  currency_id: v.string(),
  related_seats: unknownList,
  multiprice_name: v.nullable(v.string()),
  multiprice_code: v.nullable(v.string()),
  spread: SeatSpreadSchema,
  color_theme_id: v.nullable(v.number()),
  coords: v.array(v.number()),
})

/** A parsed seat. */
export type Seat = v.InferOutput<typeof SeatSchema>

/** Every documented seat field, sent as the default `select`. */
export const SEAT_FIELDS = Object.keys(SeatSchema.entries) as Array<keyof typeof SeatSchema.entries>
