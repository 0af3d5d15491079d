import type { DiscountRow } from '@zakaz/clickhouse-sink'
import type { Discount } from '@zakaz/qtickets-sdk'
import { isoInstant, isoOrNull, latestMs } from './instant.js'

/** A discount → a `stg_qtickets_api_discounts_raw` row (the API returns no amount); `_ver` from `updated_at`/`deleted_at`. */
export function discountToRow(discount: Discount, tenant: string): DiscountRow {
  return {
    tenant,
    discount_id: discount.id,
    name: discount.name,
    is_active: discount.is_active,
    type: discount.type,
    active_from: isoOrNull(discount.active_from),
    active_to: isoOrNull(discount.active_to),
    event_ids: discount.events.map((event) => event.id),
    show_ids: discount.shows.map((show) => show.id),
    created_at: isoInstant(discount.created_at),
    updated_at: isoInstant(discount.updated_at),
    deleted_at: isoOrNull(discount.deleted_at),
    _ver: latestMs(discount.updated_at, discount.deleted_at),
  }
}
