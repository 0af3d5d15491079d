import * as v from 'valibot'
import { ClientSchema } from './client'
import { code, flag, id, looseMap, nullableTimestamp, objectOrEmpty, stringMap, timestamp, unknownList } from './primitives'

/** One ticket line of an order. Counted as sold when `deleted_at` and `refunded_at` are both null. */
export const BasketSchema = v.looseObject({
  id,
  series: code,
  barcode: v.nullable(code),
  show_id: id,
  seat_id: v.string(),
  seat_name: v.string(),
  original_price: v.number(),
  ticket_original_price: v.number(),
  discount_value: v.nullable(v.number()),
  price: v.number(),
  ticket_amount: v.number(),
  service_fee_amount: v.number(),
  multiprice_code: v.nullable(v.string()),
  quantity: v.number(),
  client_email: v.nullable(v.string()),
  client_phone: v.nullable(v.string()),
  client_name: v.nullable(v.string()),
  client_surname: v.nullable(v.string()),
  client_middlename: v.nullable(v.string()),
  organization_name: v.nullable(v.string()),
  legal_name: v.nullable(v.string()),
  work_position: v.nullable(v.string()),
  inn: v.nullable(code),
  kpp: v.nullable(code),
  comment: v.nullable(v.string()),
  pdf_url: v.nullable(v.string()),
  passbook_url: v.nullable(v.string()),
  related_baskets: unknownList,
  services: unknownList,
  checked_at: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: nullableTimestamp,
  refunded_at: nullableTimestamp,
  refunded_amount: v.nullable(v.number()),
  refunded_deduction_amount: v.nullable(v.number()),
  refunds: unknownList,
})

/** A parsed ticket line. */
export type Basket = v.InferOutput<typeof BasketSchema>

/** `order.integrations`: `[]` when empty, otherwise e.g. `{roistat: {roistat_visit}}`. */
export const OrderIntegrationsSchema = objectOrEmpty(
  v.looseObject({
    roistat: v.optional(v.looseObject({ roistat_visit: v.nullable(code) })),
  }),
)

/** An order (`GET orders`, `GET orders/{id}`, and the webhook body at top level). */
export const OrderSchema = v.looseObject({
  id,
  uniqid: v.string(),
  payed: flag,
  payed_at: nullableTimestamp,
  client_id: id,
  client: ClientSchema,
  site_id: id,
  site: v.looseObject({ id, host: v.string() }),
  payment_id: v.nullable(id),
  payment_type_id: code,
  payment_card_number: v.nullable(v.string()),
  payment_url: v.nullable(v.string()),
  cancel_url: v.nullable(v.string()),
  basket_user_id: v.nullable(v.number()),
  backend_user_id: v.nullable(v.number()),
  access_code_id: v.nullable(v.number()),
  discount_id: v.nullable(v.number()),
  promo_code_id: v.nullable(v.number()),
  reserved: flag,
  reserved_to: nullableTimestamp,
  reserve_extended: flag,
  event_id: id,
  price: v.number(),
  original_price: v.number(),
  currency_id: v.string(),
  utm: stringMap,
  custom: stringMap,
  fields: looseMap,
  baskets: v.array(BasketSchema),
  refunds: unknownList,
  integrations: OrderIntegrationsSchema,
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: nullableTimestamp,
})

/** A parsed order. Field names are the API's (`payed`, `payed_at`, `currency_id`). */
export type Order = v.InferOutput<typeof OrderSchema>
