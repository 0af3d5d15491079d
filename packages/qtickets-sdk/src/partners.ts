import type * as v from 'valibot'
import {
  QticketsAuthError,
  QticketsNotFoundError,
  QticketsRejectedError,
  QticketsServerError,
  type QticketsError,
  type RequestInfo,
} from './errors'
import { createEventHub, type BreakerState, type QticketsEventListener, type QticketsEventType } from './events'
import { requireCredential, resolveCommonOptions, type CommonClientOptions } from './options'
import { positiveInteger } from './query/list-query'
import { redactText } from './redact'
import { parseBareList, parseBareObject } from './schemas/envelopes'
import { parseRecord } from './schemas/parse'
import {
  PartnerEnvelopeSchema,
  PartnerEventRowSchema,
  PartnerSeatsSchema,
  PartnerTicketSchema,
  type PartnerEventRow,
  type PartnerSeats,
  type PartnerTicket,
} from './schemas/partners'
import { createTransport } from './transport/transport'

/** Default Partners API base URL. */
export const DEFAULT_PARTNERS_BASE_URL = 'https://qtickets.ru/api/partners/v1'

/** Options of `createPartnersClient`. */
export interface PartnersClientOptions extends CommonClientOptions {
  /** Partners key (issued by support; not the REST token). Never logged. */
  key: string
  /** Default `https://qtickets.ru/api/partners/v1`. */
  baseUrl?: string
}

/** Search filter of `tickets.find`; each value is a scalar or an array. */
export interface PartnerTicketFilter {
  external_order_id?: string | readonly string[]
  external_id?: string | readonly string[]
  barcode?: string | readonly string[]
  id?: number | string | ReadonlyArray<number | string>
}

/** The Partners API client (read methods only). */
export interface PartnersClient {
  events: {
    /** Upcoming events open to partners, one row per show (`events/lists`). */
    lists(): Promise<PartnerEventRow[]>
    /** Deprecated availability list (`events/seats/{eventId}/{showId?}`). */
    seats(eventId: number, showId?: number): Promise<PartnerSeats>
  }
  tickets: {
    /** Tickets matching `filter` (`tickets/find/{eventId?}/{showId?}`). */
    find(filter: PartnerTicketFilter, eventId?: number, showId?: number): Promise<PartnerTicket[]>
  }
  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends QticketsEventType>(type: T, listener: QticketsEventListener<T>): () => void
  /** Current state of this client's circuit breaker. */
  breakerState(): BreakerState
}

const NOT_FOUND_CODES = new Set(['EVENT_NOT_FOUND', 'SEAT_NOT_FOUND', 'TICKET_NOT_FOUND'])

/** Maps a Partners `status: "error"` answer (HTTP 200) to a typed error. */
export function partnerError(code: string | undefined, message: string | undefined, request: RequestInfo, secrets: readonly string[]): QticketsError {
  const text = `${request.method} ${request.path} → Partners error ${code ?? 'without code'}${message ? `: ${redactText(message, secrets)}` : ''}`
  const details = { status: 200, ...(code ? { code } : {}) }
  if (code === 'WRONG_AUTHORIZATION') return new QticketsAuthError(text, request, details)
  if (code !== undefined && NOT_FOUND_CODES.has(code)) return new QticketsNotFoundError(text, request, details)
  if (code === 'UNKNOWN_ERROR') return new QticketsServerError(text, request, details)
  return new QticketsRejectedError(text, request, details)
}

/** Creates a Partners API client. Requests are GETs (the API treats GET and POST alike). */
export function createPartnersClient(options: PartnersClientOptions): PartnersClient {
  const key = requireCredential('key', options.key)
  const hub = createEventHub(options.onEvent)
  const transport = createTransport({
    ...resolveCommonOptions(options, hub),
    baseUrl: options.baseUrl ?? DEFAULT_PARTNERS_BASE_URL,
    credential: key,
    paramsIn: 'body',
    hub,
  })
  const checkStatus = (json: unknown, request: RequestInfo) => {
    const envelope = parseRecord(PartnerEnvelopeSchema, json, { resource: 'partners', request })
    if (envelope.status !== 'success') throw partnerError(envelope.code, envelope.message, request, [key])
  }
  const read = (path: string, body?: Record<string, unknown>) => transport.get(path, body ?? {}, checkStatus)

  return {
    events: {
      lists: async () => parseResult(PartnerEventRowSchema, await read('/events/lists'), 'partners.events', '/events/lists'),
      seats: async (eventId, showId) => {
        const path = `/events/seats${idSegments(eventId, showId)}`
        return parseBareObject(PartnerSeatsSchema, await read(path), { resource: 'partners.seats', request: { method: 'GET', path } })
      },
    },
    tickets: {
      find: async (filter, eventId, showId) => {
        const path = `/tickets/find${eventId === undefined ? '' : idSegments(eventId, showId)}`
        return parseResult(PartnerTicketSchema, await read(path, { filter }), 'partners.tickets', path)
      },
    },
    on: hub.on,
    breakerState: transport.breakerState,
  }
}

function idSegments(eventId: number, showId: number | undefined): string {
  const event = `/${positiveInteger('eventId', eventId)}`
  return showId === undefined ? event : `${event}/${positiveInteger('showId', showId)}`
}

/** `{status: "success", result: T[]}` → typed records. */
function parseResult<TSchema extends v.GenericSchema>(schema: TSchema, json: unknown, resource: string, path: string) {
  const result = (json as { result?: unknown }).result
  return parseBareList(schema, result, { resource, request: { method: 'GET', path } })
}
