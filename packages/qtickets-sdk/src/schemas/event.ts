import * as v from 'valibot'
import { code, flag, id, looseMap, nullableTimestamp, timestamp, unknownList } from './primitives'

/** A price of a show; `color_theme` is a ColorTheme id as a numeric string. */
export const PriceSchema = v.looseObject({
  id,
  default_price: v.number(),
  color_theme: v.nullable(code),
  modifiers: unknownList,
})

/** A parsed show price. */
export type Price = v.InferOutput<typeof PriceSchema>

/** A show: one date of an event. `scheme_properties` is kept as received (all leaves are strings). */
export const ShowSchema = v.looseObject({
  id,
  name: v.nullable(v.string()),
  is_active: flag,
  sale_start_date: nullableTimestamp,
  sale_finish_date: nullableTimestamp,
  open_date: nullableTimestamp,
  start_date: timestamp,
  finish_date: nullableTimestamp,
  scheme_properties: v.optional(looseMap),
  prices: v.array(PriceSchema),
  min_price: v.nullable(PriceSchema),
  max_price: v.nullable(PriceSchema),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: nullableTimestamp,
})

/** A parsed show. */
export type Show = v.InferOutput<typeof ShowSchema>

/** `event.city`: an object with an IANA `timezone`, not a string. */
export const CitySchema = v.looseObject({ id, name: v.string(), timezone: v.string() })

/** A parsed city. */
export type City = v.InferOutput<typeof CitySchema>

const TemplateSchema = v.looseObject({ id, is_active: flag, name: v.string() })

/** A payment method of an event (`is_active` is a real boolean here). */
export const PaymentSchema = v.looseObject({
  id,
  is_active: flag,
  name: v.string(),
  handler: v.nullish(v.string()),
  agree_url: v.nullish(v.string()),
})

/** An event with its shows (`GET events`, `GET events/{id}`). Dates live in `shows`, not on the event. */
export const EventSchema = v.looseObject({
  id,
  is_active: flag,
  name: v.union([v.string(), v.record(v.string(), v.string())]),
  scheme_id: v.nullable(v.number()),
  currency_id: v.string(),
  place_name: v.nullable(v.string()),
  place_address: v.nullable(v.string()),
  place_description: v.nullable(v.string()),
  city_id: id,
  city: CitySchema,
  description: v.nullable(v.string()),
  site_url: v.nullable(v.string()),
  external_id: v.nullable(code),
  ticket_id: v.nullable(v.number()),
  mail_template_id: v.nullable(v.number()),
  age: v.nullable(v.string()),
  shows: v.array(ShowSchema),
  payments: v.array(PaymentSchema),
  poster: v.nullish(v.looseObject({ id, content_type: v.string(), file_size: v.number(), url: v.string() })),
  event_type_id: v.nullable(v.number()),
  ticket: v.nullish(TemplateSchema),
  mail_template: v.nullish(TemplateSchema),
  slug: v.nullable(v.string()),
  place_coordinates: v.nullish(v.array(v.number())),
  url: v.nullable(v.string()),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: nullableTimestamp,
})

/** A parsed event. */
export type Event = v.InferOutput<typeof EventSchema>
