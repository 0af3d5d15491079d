import type { PromoCodeRow } from '@zakaz/clickhouse-sink'
import type { PromoCode } from '@zakaz/qtickets-sdk'
import { isoInstant, isoOrNull, latestMs } from './instant.js'

/** A promo code → a `stg_qtickets_api_promo_codes_raw` row (`code` stays a string); `_ver` from `updated_at`/`deleted_at`. */
export function promoCodeToRow(promoCode: PromoCode, tenant: string): PromoCodeRow {
  return {
    tenant,
    promo_code_id: promoCode.id,
    discount_id: promoCode.discount_id,
    code: promoCode.code,
    type: promoCode.type,
    is_active: promoCode.is_active,
    max_uses_count: promoCode.max_uses_count,
    active_from: isoOrNull(promoCode.active_from),
    active_to: isoOrNull(promoCode.active_to),
    created_at: isoInstant(promoCode.created_at),
    updated_at: isoInstant(promoCode.updated_at),
    deleted_at: isoOrNull(promoCode.deleted_at),
    _ver: latestMs(promoCode.updated_at, promoCode.deleted_at),
  }
}
