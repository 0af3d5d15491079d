import { createEventHub, type BreakerState, type QticketsEventListener, type QticketsEventType } from './events'
import { requireCredential, resolveCommonOptions, type CommonClientOptions } from './options'
import { createColorThemesResource, type ColorThemesResource } from './resources/color-themes'
import { createPagedResource, withGet, type PagedResource, type PagedResourceWithGet } from './resources/paged'
import type { FieldOf } from './resources/select'
import { createShowsResource, type ShowsResource } from './resources/shows'
import { ClientSchema, type Client } from './schemas/client'
import { DiscountSchema, type Discount } from './schemas/discount'
import { EventSchema, type Event } from './schemas/event'
import { OrderSchema, type Order } from './schemas/order'
import { PromoCodeSchema, type PromoCode } from './schemas/promo-code'
import { assertTimeZone, DEFAULT_TIME_ZONE } from './time'
import { createTransport, type ParamsIn } from './transport/transport'

/** Default REST base URL. */
export const DEFAULT_BASE_URL = 'https://qtickets.ru/api/rest/v1'

/** Options of `createQticketsClient`. */
export interface QticketsClientOptions extends CommonClientOptions {
  /** Organiser REST token (sent as `Authorization: Bearer …`, never logged). */
  token: string
  /** Default `https://qtickets.ru/api/rest/v1`. */
  baseUrl?: string
  /** Zone in which filter timestamps are written (default `Europe/Moscow`). */
  timeZone?: string
  /** `body` (default, documented): JSON body on GET. `query`: JSON-encoded query parameters (experimental). */
  paramsIn?: ParamsIn
}

/** The organiser REST v1 client. Every method is a GET; nothing here writes. */
export interface QticketsClient {
  orders: PagedResourceWithGet<'orders', Order, FieldOf<typeof OrderSchema>>
  clients: PagedResourceWithGet<'clients', Client, FieldOf<typeof ClientSchema>>
  events: PagedResourceWithGet<'events', Event, FieldOf<typeof EventSchema>>
  discounts: PagedResource<'discounts', Discount, FieldOf<typeof DiscountSchema>>
  promoCodes: PagedResource<'promoCodes', PromoCode, FieldOf<typeof PromoCodeSchema>>
  colorThemes: ColorThemesResource
  shows: ShowsResource
  /** Subscribes to one event type; returns the unsubscribe function. */
  on<T extends QticketsEventType>(type: T, listener: QticketsEventListener<T>): () => void
  /** Current state of this client's circuit breaker (`closed` when disabled). */
  breakerState(): BreakerState
}

/** Creates a REST v1 client for one organiser token. */
export function createQticketsClient(options: QticketsClientOptions): QticketsClient {
  const token = requireCredential('token', options.token)
  const hub = createEventHub(options.onEvent)
  const common = resolveCommonOptions(options, hub)
  const transport = createTransport({
    ...common,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    credential: token,
    paramsIn: resolveParamsIn(options.paramsIn),
    hub,
  })
  const context = { transport, hub, timeZone: assertTimeZone(options.timeZone ?? DEFAULT_TIME_ZONE) }
  return {
    orders: withGet({ resource: 'orders', path: '/orders', schema: OrderSchema }, context),
    clients: withGet({ resource: 'clients', path: '/clients', schema: ClientSchema }, context),
    events: withGet({ resource: 'events', path: '/events', schema: EventSchema }, context),
    discounts: createPagedResource({ resource: 'discounts', path: '/discounts', schema: DiscountSchema }, context),
    promoCodes: createPagedResource({ resource: 'promoCodes', path: '/promo-codes', schema: PromoCodeSchema }, context),
    colorThemes: createColorThemesResource(context),
    shows: createShowsResource(context),
    on: hub.on,
    breakerState: transport.breakerState,
  }
}

function resolveParamsIn(value: ParamsIn | undefined): ParamsIn {
  if (value === undefined) return 'body'
  if (value !== 'body' && value !== 'query') throw new TypeError('paramsIn must be "body" or "query"')
  return value
}
