import * as v from 'valibot'
import { code, flag, id, nullableTimestamp, timestamp } from './primitives'

/** A promo code (`GET promo-codes`). `code` stays a string even when all digits. */
export const PromoCodeSchema = v.looseObject({
  id,
  is_active: flag,
  type: v.number(),
  discount_id: id,
  code,
  max_uses_count: v.number(),
  active_from: nullableTimestamp,
  active_to: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: nullableTimestamp,
})

/** A parsed promo code. */
export type PromoCode = v.InferOutput<typeof PromoCodeSchema>
