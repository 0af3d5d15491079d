/**
 * The static world of one tenant (organisation), shared by the order generator, the routes
 * and the ground truth.
 */
import type { EventPlan, ShowPlan } from './events-plan'
import type { Hall } from './hall'
import type { SimulatorRates } from './options'
import type { Timeline } from './timeline'

/** Id bases of one tenant; ranges of different tenants never overlap. */
export interface IdBases {
  order: number
  basket: number
  client: number
  clientDetails: number
  basketUser: number
  discount: number
  promoCode: number
}

/** A discount as planned (rendered by the discounts route). */
export interface DiscountPlan {
  id: number
  isActive: boolean
  name: string
  activeFromMs: number | null
  activeToMs: number | null
  eventIds: number[]
  showIds: number[]
  createdMs: number
  updatedMs: number
  deletedMs: number | null
}

/** A promo code as planned. */
export interface PromoCodePlan {
  id: number
  isActive: boolean
  discountId: number
  code: string
  maxUsesCount: number
  activeFromMs: number | null
  activeToMs: number | null
  createdMs: number
  updatedMs: number
  deletedMs: number | null
}

/** A show together with its event. */
export interface ShowRef {
  event: EventPlan
  show: ShowPlan
}

/** Everything the simulator knows about one tenant that does not change with the clock. */
export interface Tenant {
  index: number
  name: string
  token: string
  partnersToken: string | undefined
  seed: number
  rates: SimulatorRates
  ids: IdBases
  /** Sellable events, position = EventPlan.index. */
  events: EventPlan[]
  /** Every event including the deleted one, sorted by id. */
  allEvents: EventPlan[]
  halls: Hall[]
  timeline: Timeline
  discounts: DiscountPlan[]
  promoCodes: PromoCodePlan[]
  /** The discounts used by promo-code orders and by invitations, with their promo codes. */
  promo: { discountId: number; promoCodeId: number }
  invitation: { discountId: number; promoCodeId: number }
  showsById: Map<number, ShowRef>
}
