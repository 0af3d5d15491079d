import type { ClientRow, PiiHasher } from '@zakaz/clickhouse-sink'
import type { Client, Temporal } from '@zakaz/qtickets-sdk'

/**
 * A buyer → a `stg_qtickets_api_clients_raw` row holding only keyed hashes of the e-mail and phone (no names).
 * Clients carry no timestamps, so `_ver` is the time they were read (`readAt`); the sync writes a client only when
 * it is new or its hashes changed.
 */
export function clientToRow(client: Client, context: { tenant: string; pii: PiiHasher; readAt: Temporal.Instant }): ClientRow {
  return {
    tenant: context.tenant,
    client_id: client.id,
    email_hash: context.pii.email(client.email),
    phone_hash: context.pii.phone(client.details.phone),
    _ver: context.readAt.epochMilliseconds,
  }
}
