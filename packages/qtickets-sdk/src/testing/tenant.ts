/**
 * Builds the static world of one tenant from its options: events and shows, halls, the order
 * timeline, discounts and promo codes. Only small structures are built; orders stay lazy.
 */
import { planDeletedEvent, planEvents, type EventPlan } from './events-plan'
import { hallFor } from './hall'
import { DEFAULT_RATES, type TenantOptions } from './options'
import { hash32 } from './prng'
import { DAY, HOUR, moscowDay, moscowDayStart } from './time'
import { Timeline } from './timeline'
import type { DiscountPlan, PromoCodePlan, ShowRef, Tenant } from './tenant-types'

/** Settings shared by every tenant of one simulator. */
export interface WorldSettings {
  seed: number
  startMs: number
  historyDays: number
  horizonDays: number
}

function defaultEventCount(expectedOrders: number): number {
  return Math.min(300, Math.max(6, Math.round(expectedOrders / 1000)))
}

function planDiscounts(t: number, firstDay: number, lastDay: number, events: readonly EventPlan[], deleted: EventPlan | null): DiscountPlan[] {
  const base = 7050 + t * 1000
  const longAgo = moscowDayStart(firstDay - 40) + 12 * HOUR
  const first = events[0]
  return [
    { id: base, isActive: false, name: 'Осенняя скидка 10%', activeFromMs: moscowDayStart(firstDay - 40), activeToMs: moscowDayStart(firstDay - 10) - 60_000, eventIds: [], showIds: [], createdMs: longAgo, updatedMs: moscowDayStart(firstDay - 9) + 9 * HOUR, deletedMs: moscowDayStart(firstDay - 9) + 9 * HOUR },
    { id: base + 51, isActive: true, name: 'Промокод 20%', activeFromMs: null, activeToMs: moscowDayStart(lastDay + 30) - 60_000, eventIds: events.slice(0, 5).map((e) => e.id), showIds: [], createdMs: longAgo + DAY, updatedMs: longAgo + DAY, deletedMs: null },
    { id: base + 52, isActive: true, name: 'Пригласительный 100%', activeFromMs: null, activeToMs: null, eventIds: [...(deleted ? [deleted.id] : []), ...(first ? [first.id] : [])], showIds: first?.shows[0] ? [first.shows[0].id] : [], createdMs: longAgo + DAY + 5 * 60_000, updatedMs: longAgo + 2 * DAY, deletedMs: null },
  ]
}

function planPromoCodes(t: number, discounts: readonly DiscountPlan[], firstDay: number): PromoCodePlan[] {
  const base = 190001 + t * 1000
  const [autumn, promo, invitation] = discounts as [DiscountPlan, DiscountPlan, DiscountPlan]
  const dateCode = new Date(moscowDayStart(firstDay + 60) + 3 * HOUR).toISOString().slice(0, 10).replaceAll('-', '')
  return [
    { id: base, isActive: true, discountId: autumn.id, code: 'OSEN10', maxUsesCount: 0, activeFromMs: null, activeToMs: autumn.activeToMs, createdMs: autumn.createdMs + 600_000, updatedMs: autumn.updatedMs, deletedMs: autumn.deletedMs },
    { id: base + 1, isActive: true, discountId: promo.id, code: 'ZIMA20', maxUsesCount: 0, activeFromMs: null, activeToMs: promo.activeToMs, createdMs: promo.createdMs + 60_000, updatedMs: promo.createdMs + 60_000, deletedMs: null },
    { id: base + 2, isActive: true, discountId: invitation.id, code: dateCode, maxUsesCount: 0, activeFromMs: moscowDayStart(firstDay - 38), activeToMs: null, createdMs: invitation.createdMs + 60_000, updatedMs: invitation.createdMs + 60_000, deletedMs: null },
    { id: base + 3, isActive: false, discountId: invitation.id, code: 'gost-kassa', maxUsesCount: 50, activeFromMs: null, activeToMs: null, createdMs: invitation.createdMs + 120_000, updatedMs: invitation.createdMs + 120_000, deletedMs: null },
  ]
}

/** Builds tenant number `t` (0-based). */
export function buildTenant(t: number, options: TenantOptions, settings: WorldSettings): Tenant {
  const seed = hash32(settings.seed, t, 0x7e4a)
  const historyDays = options.historyDays ?? settings.historyDays
  const startDay = moscowDay(settings.startMs)
  const firstDay = startDay - historyDays
  const lastDay = startDay + settings.horizonDays
  const ordersPerDay = options.ordersPerDay ?? (options.orders !== undefined ? options.orders / Math.max(historyDays, 1) : 20)
  const expected = (options.orders ?? ordersPerDay * historyDays) + ordersPerDay * settings.horizonDays
  const ids = { event: 510001 + t * 10_000, show: 730001 + t * 100_000, price: 880101 + t * 100_000 }
  const events = planEvents(seed, options.events ?? defaultEventCount(expected), firstDay, lastDay, ids)
  const deleted = options.deletedEvent === false ? null : planDeletedEvent(seed, firstDay, ids)
  const timeline = new Timeline(seed, events, firstDay, settings.startMs, lastDay, {
    ...(options.orders === undefined ? {} : { historyOrders: options.orders }),
    ordersPerDay,
  })
  if (timeline.totalOrders >= 10_000_000) {
    throw new Error(`createSimulator: tenant "${options.name}" would create ${timeline.totalOrders} orders up to the horizon (limit 9999999); lower orders, ordersPerDay or horizonDays`)
  }
  const discounts = planDiscounts(t, firstDay, lastDay, events, deleted)
  const promoCodes = planPromoCodes(t, discounts, firstDay)
  const allEvents = [...(deleted ? [deleted] : []), ...events].sort((a, b) => a.id - b.id)
  const showsById = new Map<number, ShowRef>()
  for (const event of allEvents) for (const show of event.shows) showsById.set(show.id, { event, show })
  return {
    index: t,
    name: options.name,
    token: options.token,
    partnersToken: options.partnersToken,
    seed,
    rates: { ...DEFAULT_RATES, ...options.rates },
    ids: {
      order: 2_750_101 + t * 10_000_000,
      basket: 31_880_400 + t * 100_000_000,
      client: 640_011 + t * 10_000_000,
      clientDetails: 955_101 + t * 10_000_000,
      basketUser: 48_800_113 + t * 10_000_000,
      discount: 7050 + t * 1000,
      promoCode: 190_001 + t * 1000,
    },
    events,
    allEvents,
    halls: events.map((e) => hallFor(e, timeline.eventTotal(e.index))),
    timeline,
    discounts,
    promoCodes,
    promo: { discountId: discounts[1]?.id ?? 0, promoCodeId: promoCodes[1]?.id ?? 0 },
    invitation: { discountId: discounts[2]?.id ?? 0, promoCodeId: promoCodes[2]?.id ?? 0 },
    showsById,
  }
}
