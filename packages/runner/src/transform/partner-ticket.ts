import type { PartnerTicketRow, PiiHasher } from '@zakaz/clickhouse-sink'
import type { PartnerTicket, Temporal } from '@zakaz/qtickets-sdk'
import { isoOrNull } from './instant.js'

/** Where a Partners ticket belongs and when it was read. */
export interface PartnerTicketContext {
  tenant: string
  pii: PiiHasher
  eventId: number
  showId: number | null
  /** Partners tickets carry no `updated_at`: `_ver` is the time they were read. */
  readAt: Temporal.Instant
}

/** A Partners API ticket → a `stg_qtickets_api_partner_tickets_raw` row (id as a string, holder e-mail/phone as hashes, no names). */
export function partnerTicketToRow(ticket: PartnerTicket, context: PartnerTicketContext): PartnerTicketRow {
  return {
    tenant: context.tenant,
    ticket_id: String(ticket.id),
    event_id: context.eventId,
    show_id: context.showId,
    paid: ticket.paid,
    paid_at: isoOrNull(ticket.paid_at),
    deleted: ticket.deleted ?? false,
    seat_id: ticket.seat_id,
    offer_id: ticket.offer_id ?? '',
    admission: ticket.admission,
    reserved_to: isoOrNull(ticket.reserved_to),
    external_id: ticket.external_id,
    external_order_id: ticket.external_order_id,
    barcode: ticket.barcode,
    price: ticket.price,
    client_email_hash: context.pii.email(ticket.client_email),
    client_phone_hash: context.pii.phone(ticket.client_phone),
    _ver: context.readAt.epochMilliseconds,
  }
}
