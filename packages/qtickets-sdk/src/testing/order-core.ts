/**
 * The immutable plan of order i: who buys what, when it is created, whether and when it will
 * be paid, expire, be cancelled or refunded, and when its tickets are scanned. It is a pure
 * function of (tenant seed, i); what of it is visible depends only on the clock (order-state.ts).
 */
import { UTM_SOURCES, UTM_TERMS } from './catalog'
import type { EventPlan, ShowPlan } from './events-plan'
import { BLOCK, isTierA, seatInBlock, type Hall, type SeatPosition } from './hall'
import { rand, randInt } from './prng'
import { DAY, HOUR, MINUTE } from './time'
import type { Tenant } from './tenant-types'

/** One ticket line as planned. */
export interface BasketCore {
  /** Position in the order (0-based). */
  j: number
  id: number
  show: ShowPlan
  /** General admission (no fixed place) or a reserved seat. */
  seat: SeatPosition | null
  quantity: number
  originalPrice: number
  discountValue: number
  price: number
  serviceFee: number
  /** Reduced tariff code, or null for the full tariff. */
  tariff: string | null
  /** When the ticket would be scanned at the entrance, if it is still valid then. */
  checkInMs: number | null
}

/** A later change planned for a paid order. */
export interface PlannedChange {
  kind: 'cancel' | 'refundOne' | 'refundAll' | 'deleteOne'
  atMs: number
  basket: number
  /** Refund deduction per refunded basket, as a share of its amount (0 or 0.1). */
  deductionShare: number
}

/** The complete plan of one order. */
export interface OrderCore {
  i: number
  id: number
  event: EventPlan
  /** Rank among the event's orders (0-based). */
  rank: number
  createdMs: number
  basketsCreatedMs: number
  reservedToMs: number
  kind: 'paid' | 'expired' | 'reservation'
  /** Planned payment instant (paid orders only). */
  payMs: number | null
  /** Planned expiry instant (expired orders only). */
  expireMs: number | null
  change: PlannedChange | null
  clientIndex: number
  discount: 'none' | 'promo' | 'invitation'
  paymentType: string
  siteIndex: number
  utm: Record<string, string> | null
  custom: Record<string, string> | null
  corporate: boolean
  roistatVisit: string | null
  baskets: BasketCore[]
  price: number
  originalPrice: number
}

const S = {
  kind: 101, zone: 102, tickets: 103, multi: 104, tariff: 105, discount: 106, fee: 107, pay: 108, payDelay: 109,
  change: 110, changeAt: 111, changeBasket: 112, deduction: 113, checkIn: 114, checkInAt: 115, expire: 116,
  newClient: 117, returning: 118, payType: 119, site: 120, utm: 121, utmKeys: 122, utmCampaign: 123, utmSource: 124,
  custom: 125, corporate: 126, roistat: 127, basketLead: 128, utmContent: 129, utmTerm: 130,
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Whether order i brings a new client (client index i) rather than a returning one. */
export function bringsNewClient(seed: number, i: number): boolean {
  return i === 0 || rand(seed, i, S.newClient) < 0.7
}

/** The client index of order i: i itself for a new client, else an earlier new client. */
function clientIndexOf(seed: number, i: number): number {
  if (bringsNewClient(seed, i)) return i
  let j = i - 1 - Math.floor(rand(seed, i, S.returning) * Math.min(i, 5000))
  while (j > 0 && !bringsNewClient(seed, j)) j--
  return Math.max(j, 0)
}

function ticketsOf(seed: number, i: number, ga: boolean): number[] {
  const roll = rand(seed, i, S.tickets)
  if (ga) return roll < 0.25 ? [2] : roll < 0.75 ? [1] : roll < 0.93 ? [1, 1] : [1, 1, 1]
  return roll < 0.45 ? [1] : roll < 0.85 ? [1, 1] : [1, 1, 1]
}

function utmOf(seed: number, i: number, event: EventPlan): Record<string, string> | null {
  if (rand(seed, i, S.utm) < 0.45) return null
  const [source, medium] = UTM_SOURCES[Math.floor(rand(seed, i, S.utmSource) * UTM_SOURCES.length)] ?? ['yandex', 'cpc']
  const first = new Date((event.shows[0]?.startMs ?? 0) + 3 * HOUR)
  const campaign = rand(seed, i, S.utmCampaign) < 0.4
    ? first.toISOString().slice(0, 10).replaceAll('-', '')
    : `${event.city.slug}_${MONTHS[first.getUTCMonth()]}`
  const utm: Record<string, string> = { utm_source: source, utm_medium: medium, utm_campaign: campaign }
  if (rand(seed, i, S.utmKeys) < 0.4) {
    utm.utm_content = String(randInt(10000, 99999, seed, i, S.utmContent))
    utm.utm_term = UTM_TERMS[Math.floor(rand(seed, i, S.utmTerm) * UTM_TERMS.length)] ?? 'билеты'
  }
  return utm
}

function customOf(seed: number, i: number): Record<string, string> | null {
  const roll = rand(seed, i, S.custom)
  if (roll < 0.9) return null
  return roll < 0.95 ? { var1: 'widget-2' } : { var1: 'landing-a', var2: '42' }
}

function paymentTypeOf(seed: number, i: number): string {
  const roll = rand(seed, i, S.payType)
  return roll < 0.85 ? 'card' : roll < 0.95 ? '7000123' : 'bankcard'
}

function planBaskets(tenant: Tenant, i: number, event: EventPlan, hall: Hall, rank: number, discount: OrderCore['discount'], basketBase: number): BasketCore[] {
  const seed = tenant.seed
  const showCount = event.shows.length
  const primary = event.shows[rank % showCount] as ShowPlan
  const block = Math.floor(rank / showCount)
  const ga = event.hasGeneralAdmission && rand(seed, i, S.zone) < tenant.rates.generalAdmission
  const quantities = ticketsOf(seed, i, ga)
  const lines: { show: ShowPlan; seat: SeatPosition | null; quantity: number }[] = quantities.map((quantity, k) => ({
    show: primary,
    seat: ga ? null : seatInBlock(hall, block, k),
    quantity,
  }))
  if (!ga && showCount > 1 && rand(seed, i, S.multi) < tenant.rates.multiShow) {
    lines.push({ show: event.shows[(rank + 1) % showCount] as ShowPlan, seat: seatInBlock(hall, block, BLOCK - 1), quantity: 1 })
  }
  const withFee = ga && discount !== 'invitation' && rand(seed, i, S.fee) < 0.35
  return lines.map((line, j) => {
    const reduced = line.seat !== null && !isTierA(hall, line.seat.row) && rand(seed, i, j, S.tariff) < 0.15
    const originalPrice = line.seat === null ? event.prices.ga : reduced ? event.prices.reduced : isTierA(hall, line.seat.row) ? event.prices.a : event.prices.b
    const discountValue = discount === 'invitation' ? originalPrice : discount === 'promo' ? Math.round((originalPrice * 0.2) / 10) * 10 : 0
    const price = originalPrice - discountValue
    return {
      j,
      id: basketBase + j,
      show: line.show,
      seat: line.seat,
      quantity: line.quantity,
      originalPrice,
      discountValue,
      price,
      serviceFee: withFee ? Math.round(price * 0.1) : 0,
      tariff: reduced ? 'lgotnyj' : null,
      checkInMs: rand(seed, i, j, S.checkIn) < tenant.rates.checkedIn ? line.show.openMs + randInt(0, 80, seed, i, j, S.checkInAt) * MINUTE : null,
    }
  })
}

function planChange(tenant: Tenant, i: number, payMs: number, firstShowMs: number, baskets: readonly BasketCore[]): PlannedChange | null {
  const seed = tenant.seed
  const window = firstShowMs - payMs - 10 * MINUTE
  if (window < HOUR) return null
  const r = tenant.rates
  const roll = rand(seed, i, S.change)
  const atMs = Math.floor((payMs + 10 * MINUTE + rand(seed, i, S.changeAt) * window * 0.9) / 1000) * 1000
  const basket = Math.floor(rand(seed, i, S.changeBasket) * baskets.length)
  const deductionShare = rand(seed, i, S.deduction) < 0.3 ? 0.1 : 0
  const free = baskets.every((b) => b.price === 0)
  let edge = r.cancelled
  if (roll < edge) return { kind: 'cancel', atMs, basket, deductionShare: 0 }
  edge += r.refundedOne
  if (roll < edge) return free ? null : { kind: 'refundOne', atMs, basket, deductionShare }
  edge += r.refundedAll
  if (roll < edge) return free ? null : { kind: 'refundAll', atMs, basket, deductionShare }
  edge += r.deletedBasket
  if (roll < edge && baskets.length > 1) return { kind: 'deleteOne', atMs, basket, deductionShare: 0 }
  return null
}

/** Plans order i of a tenant (0 ≤ i < tenant.timeline.totalOrders). */
export function orderCore(tenant: Tenant, i: number): OrderCore {
  const seed = tenant.seed
  const { event: eventIndex, rank } = tenant.timeline.eventOf(i)
  const event = tenant.events[eventIndex] as EventPlan
  const hall = tenant.halls[eventIndex] as Hall
  const createdMs = tenant.timeline.createdMs(i)
  const firstShowMs = event.shows[0]?.startMs ?? createdMs + 30 * DAY
  const kindRoll = rand(seed, i, S.kind)
  const kind: OrderCore['kind'] = kindRoll < tenant.rates.infiniteReservation ? 'reservation' : kindRoll < tenant.rates.infiniteReservation + tenant.rates.expired ? 'expired' : 'paid'
  const discountRoll = rand(seed, i, S.discount)
  const discount: OrderCore['discount'] = kind === 'reservation' ? 'none' : discountRoll < tenant.rates.invitation ? 'invitation' : discountRoll < tenant.rates.invitation + tenant.rates.promo ? 'promo' : 'none'
  const baskets = planBaskets(tenant, i, event, hall, rank, discount, tenant.ids.basket + i * 8)
  let payMs: number | null = null
  if (kind === 'paid') {
    const roll = rand(seed, i, S.payDelay)
    const delay = roll < 0.8 ? randInt(20, 180, seed, i, S.pay) * 1000 : roll < 0.95 ? randInt(3, 60, seed, i, S.pay) * MINUTE : randInt(60, 1200, seed, i, S.pay) * MINUTE
    payMs = createdMs + delay < firstShowMs - 30 * MINUTE ? createdMs + delay : createdMs + 60_000
  }
  const reservedToMs = kind === 'reservation' ? firstShowMs - 2 * HOUR : createdMs + DAY
  return {
    i,
    id: tenant.ids.order + i,
    event,
    rank,
    createdMs,
    basketsCreatedMs: createdMs - randInt(20, 60, seed, i, S.basketLead) * 1000,
    reservedToMs,
    kind,
    payMs,
    expireMs: kind === 'expired' ? reservedToMs + 15 * MINUTE + randInt(0, 90, seed, i, S.expire) * 1000 : null,
    change: payMs === null ? null : planChange(tenant, i, payMs, firstShowMs, baskets),
    clientIndex: clientIndexOf(seed, i),
    discount,
    paymentType: paymentTypeOf(seed, i),
    siteIndex: rand(seed, i, S.site) < 0.9 ? 0 : 1,
    utm: utmOf(seed, i, event),
    custom: customOf(seed, i),
    corporate: rand(seed, i, S.corporate) < 0.02,
    roistatVisit: rand(seed, i, S.roistat) < 0.05 ? String(randInt(300000, 399999, seed, i, S.roistat, 2)) : null,
    baskets,
    price: baskets.reduce((sum, b) => sum + b.price * b.quantity, 0),
    originalPrice: baskets.reduce((sum, b) => sum + b.originalPrice * b.quantity, 0),
  }
}
