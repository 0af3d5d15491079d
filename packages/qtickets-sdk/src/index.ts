/** Public API of @zakaz/qtickets-sdk. */
export { Temporal } from 'temporal-polyfill'

export { createQticketsClient, DEFAULT_BASE_URL, type QticketsClient, type QticketsClientOptions } from './client'
export {
  createPartnersClient,
  DEFAULT_PARTNERS_BASE_URL,
  type PartnersClient,
  type PartnersClientOptions,
  type PartnerTicketFilter,
} from './partners'
export { parseWebhookOrder, verifyWebhook, type RawBody } from './webhook'
export { DEFAULT_TIMEOUT_MS, type CommonClientOptions } from './options'
export { DEFAULT_BREAKER, DEFAULT_RETRY, type BreakerOptions, type RetryOptions } from './transport/policies'
export type { ParamsIn } from './transport/transport'
export { nodeHttpFetch, type FetchLike } from './transport/node-fetch'

export {
  InvalidResponseError,
  QticketsAuthError,
  QticketsCircuitOpenError,
  QticketsError,
  QticketsNetworkError,
  QticketsNotFoundError,
  QticketsRateLimitedError,
  QticketsRejectedError,
  QticketsServerError,
  QticketsTimeoutError,
  QticketsUnknownRouteError,
  isQticketsError,
  type InvalidResponseDetails,
  type QticketsErrorDetails,
  type QticketsErrorKind,
  type RequestInfo,
} from './errors'

export type {
  BreakerEvent,
  BreakerState,
  PageEvent,
  QticketsEvent,
  QticketsEventListener,
  QticketsEventType,
  RequestEvent,
  RetryEvent,
} from './events'

export { COLUMNS, type ColumnKind, type ColumnOf, type FilterableResource } from './query/columns'
export type { ListQuery } from './query/list-query'
export {
  OPERATORS,
  type ArrayOperator,
  type ComparisonOperator,
  type Condition,
  type NullOperator,
  type Operator,
  type OrderBy,
  type SetOperator,
  type TimestampValue,
  type ValueOf,
} from './query/where'
export type { PagedResource, PagedResourceWithGet, SelectQuery } from './resources/paged'
export type { FieldOf } from './resources/select'
export type { BarcodeField, BarcodesOptions, SeatContext, SeatField, SeatsOptions, ShowsResource } from './resources/shows'
export type { ColorThemesResource } from './resources/color-themes'
export { isLastPage } from './pagination'
export { calendarDate, DEFAULT_TIME_ZONE, formatApiTimestamp, type TimeValue } from './time'

export { BARCODE_FIELDS, BarcodeEntrySchema, BarcodeStatusSchema, type BarcodeEntry, type BarcodeStatus } from './schemas/barcode'
export { ClientDetailsSchema, ClientSchema, TelegramUserSchema, type Client } from './schemas/client'
export { ColorThemeSchema, type ColorTheme } from './schemas/color-theme'
export { DiscountEventSchema, DiscountSchema, DiscountShowSchema, type Discount } from './schemas/discount'
export {
  CitySchema,
  EventSchema,
  PaymentSchema,
  PriceSchema,
  ShowSchema,
  type City,
  type Event,
  type Price,
  type Show,
} from './schemas/event'
export { BasketSchema, OrderIntegrationsSchema, OrderSchema, type Basket, type Order } from './schemas/order'
export { PagingSchema, type Page, type Paging } from './schemas/paging'
export {
  PartnerEnvelopeSchema,
  PartnerEventRowSchema,
  PartnerSeatSchema,
  PartnerSeatsSchema,
  PartnerTicketSchema,
  PartnerZoneSchema,
  type PartnerEventRow,
  type PartnerSeats,
  type PartnerTicket,
} from './schemas/partners'
export { PromoCodeSchema, type PromoCode } from './schemas/promo-code'
export { SEAT_FIELDS, SeatSchema, SeatSpreadSchema, type Seat } from './schemas/seat'
