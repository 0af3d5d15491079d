/**
 * Options of `createSimulator` and their defaults.
 */
import type { Temporal } from 'temporal-polyfill'

/** An instant given as an ISO string with an offset (or `Z`), a Date, a Temporal.Instant or epoch ms. */
export type InstantInput = string | number | Date | Temporal.Instant

/** Probabilities that shape an organisation's orders (each between 0 and 1). */
export interface SimulatorRates {
  /** Unpaid orders whose reservation expires (default 0.12). */
  expired: number
  /** Open-ended cabinet reservations (`reserved: true`, default 0.01). */
  infiniteReservation: number
  /** Paid orders cancelled as a whole later (default 0.025). */
  cancelled: number
  /** Paid orders with one basket refunded later (default 0.04). */
  refundedOne: number
  /** Paid orders with every basket refunded later (default 0.01). */
  refundedAll: number
  /** Paid multi-basket orders with one basket cancelled later (default 0.03). */
  deletedBasket: number
  /** Orders with a 20 % promo code (default 0.08). */
  promo: number
  /** 100 % invitations (price 0, default 0.015). */
  invitation: number
  /** Orders whose baskets span two shows of the event (default 0.06 of eligible orders). */
  multiShow: number
  /** Orders for the general-admission zone when the hall has one (default 0.3). */
  generalAdmission: number
  /** Paid tickets scanned at the entrance once the doors open (default 0.75). */
  checkedIn: number
}

/** One organisation (tenant) served by the simulator. */
export interface TenantOptions {
  /** Name used in `sim.requests`, ground truth rows and errors. */
  name: string
  /** REST bearer token of this organisation. */
  token: string
  /** Partners API key (different from the REST token); without it the Partners API rejects every key. */
  partnersToken?: string
  /** Exact number of orders created before `start` (overrides `ordersPerDay` for the history). */
  orders?: number
  /** Average orders per day (history when `orders` is not given, and after `start`). Default 20. */
  ordersPerDay?: number
  /** Number of events on sale over the whole period (default grows with the volume, at least 6). */
  events?: number
  /** Days of history before `start` (default: the simulator's `historyDays`). */
  historyDays?: number
  /** Adds one cancelled (soft-deleted, `is_active: 0`) event without sales. Default true. */
  deletedEvent?: boolean
  /** Overrides of the default probabilities. */
  rates?: Partial<SimulatorRates>
}

/** Options of `createSimulator`. */
export interface SimulatorOptions {
  /** Seed of every random choice (number or string). Default 1. */
  seed?: number | string
  /** The simulated "now" at creation. Default `2025-11-16T21:30:00+03:00`. Must be 2015 or later. */
  start?: InstantInput
  /** Organisations. Default: one tenant `{ name: 'tenant-1', token: 'sim-token-1', partnersToken: 'sim-partners-1' }`. */
  tenants?: TenantOptions[]
  /** Days of order history before `start` for tenants that do not set their own. Default 90. */
  historyDays?: number
  /** Days after `start` covered by scheduled events; the clock creates no orders beyond it. Default 120. */
  horizonDays?: number
  /** Largest `perPage` honoured; larger values are clamped. Default 1000. */
  maxPerPage?: number
  /** How many requests `sim.requests` keeps (oldest dropped first). Default 100 000. */
  maxRecordedRequests?: number
}

/** Default probabilities. */
export const DEFAULT_RATES: SimulatorRates = {
  expired: 0.12,
  infiniteReservation: 0.01,
  cancelled: 0.025,
  refundedOne: 0.04,
  refundedAll: 0.01,
  deletedBasket: 0.03,
  promo: 0.08,
  invitation: 0.015,
  multiShow: 0.06,
  generalAdmission: 0.3,
  checkedIn: 0.75,
}

/** The default simulated "now": the fixtures' snapshot time. */
export const DEFAULT_START = '2025-11-16T21:30:00+03:00'

/** The default single tenant. */
export const DEFAULT_TENANT: TenantOptions = { name: 'tenant-1', token: 'sim-token-1', partnersToken: 'sim-partners-1' }
