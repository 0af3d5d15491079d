import * as v from 'valibot'
import { flag, id, nullableTimestamp, timestamp } from './primitives'

/** An event referenced by a discount (may be a deleted one). */
export const DiscountEventSchema = v.looseObject({
  id,
  is_active: flag,
  name: v.string(),
  deleted_at: nullableTimestamp,
})

/** A show referenced by a discount. */
export const DiscountShowSchema = v.looseObject({
  id,
  is_active: flag,
  event_id: id,
  sale_start_date: nullableTimestamp,
  sale_finish_date: nullableTimestamp,
  open_date: nullableTimestamp,
  start_date: timestamp,
  finish_date: nullableTimestamp,
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: nullableTimestamp,
})

/** A discount (`GET discounts`). The API returns no amount or percentage. */
export const DiscountSchema = v.looseObject({
  id,
  is_active: flag,
  name: v.string(),
  active_from: nullableTimestamp,
  active_to: nullableTimestamp,
  type: v.string(),
  events: v.array(DiscountEventSchema),
  shows: v.array(DiscountShowSchema),
  created_at: timestamp,
  updated_at: timestamp,
  deleted_at: nullableTimestamp,
})

/** A parsed discount. */
export type Discount = v.InferOutput<typeof DiscountSchema>
