import * as v from 'valibot'
import { code, id } from './primitives'

/** Telegram account of a buyer (seen in webhooks). */
export const TelegramUserSchema = v.looseObject({
  id: v.number(),
  first_name: v.nullish(v.string()),
  last_name: v.nullish(v.string()),
  username: v.nullish(v.string()),
})

/** `client.details`: the buyer's name and contacts (PII). */
export const ClientDetailsSchema = v.looseObject({
  id,
  name: v.nullable(v.string()),
  middlename: v.nullable(v.string()),
  surname: v.nullable(v.string()),
  phone: v.nullable(v.string()),
  vk_id: v.optional(v.nullable(code)),
  facebook_id: v.optional(v.nullable(code)),
  telegram_user: v.optional(TelegramUserSchema),
})

/** A buyer (`GET clients`, `order.client`). */
export const ClientSchema = v.looseObject({
  id,
  email: v.nullable(v.string()),
  details: ClientDetailsSchema,
})

/** A parsed buyer. */
export type Client = v.InferOutput<typeof ClientSchema>
