/**
 * The schedule of a tenant's events: cities, shows (one to three consecutive evenings at
 * 19:00 local time), sale windows and prices. Everything is derived from the tenant seed.
 */
import { CITIES, EVENT_KINDS, TITLE_SLUGS, TITLE_WORDS, VENUES, type City } from './catalog'
import { pick, rand, randInt } from './prng'
import { DAY, HOUR, MINUTE, moscowDayStart, zonedWallTime } from './time'

/** One show (date) of an event. */
export interface ShowPlan {
  /** Position within the event (0-based). */
  index: number
  id: number
  openMs: number
  startMs: number
  finishMs: number
  saleStartMs: number | null
  /** Whether the show's `scheme_properties` has a `seats` key (and therefore disabled seats). */
  hasSeatsKey: boolean
  /** Price ids: reserved tier A, reserved tier B, general admission. */
  priceIds: { a: number; b: number; ga: number }
  createdMs: number
  updatedMs: number
}

/** One event of a tenant. */
export interface EventPlan {
  /** Index among the tenant's sellable events, or -1 for the deleted event. */
  index: number
  id: number
  deleted: boolean
  name: string
  slug: string
  kind: (typeof EVENT_KINDS)[number]
  city: City
  venue: (typeof VENUES)[number]
  schemeId: number
  /** First and last Moscow day (inclusive) on which orders are placed. */
  saleStartDay: number
  saleEndDay: number
  popularity: number
  hasGeneralAdmission: boolean
  /** Prices: reserved tier A (front rows), tier B, reduced tariff of tier B, general admission. */
  prices: { a: number; b: number; reduced: number; ga: number }
  /** Colour themes of tier A, tier B and general admission. */
  colors: { a: number; b: number; ga: number }
  /** Whether `min_price`/`max_price` are null on its shows (a real quirk). */
  nullMinMax: boolean
  shows: ShowPlan[]
  createdMs: number
  updatedMs: number
  deletedMs: number | null
}

/** Ids of one tenant: every id range is disjoint between tenants. */
export interface TenantIds {
  event: number
  show: number
  price: number
}

const BASE_PRICES = [1200, 1500, 1800, 2000, 2500, 3000, 3500, 4500]
const SALT = { city: 11, kind: 12, word: 13, venue: 14, shows: 15, day: 16, window: 17, pop: 18, price: 19, edit: 23 }

function roundTo100(value: number): number {
  return Math.max(100, Math.round(value / 100) * 100)
}

function pickCity(seed: number, e: number): City {
  const total = CITIES.reduce((sum, c) => sum + c.weight, 0)
  let roll = rand(seed, e, SALT.city) * total
  for (const city of CITIES) {
    roll -= city.weight
    if (roll < 0) return city
  }
  return CITIES[0] as City
}

function planShows(seed: number, e: number, firstDay: number, count: number, city: City, ids: TenantIds, createdMs: number, withSeatsKey: boolean): ShowPlan[] {
  const shows: ShowPlan[] = []
  for (let k = 0; k < count; k++) {
    const startMs = zonedWallTime(firstDay + k, 19, 0, city.timezone)
    const priceBase = ids.price + (e * 4 + k) * 3
    shows.push({
      index: k,
      id: ids.show + e * 4 + k,
      openMs: startMs - HOUR,
      startMs,
      finishMs: startMs + 2 * HOUR + 30 * MINUTE,
      saleStartMs: rand(seed, e, k, SALT.window) < 0.3 ? moscowDayStart(firstDay - 60) + 10 * HOUR : null,
      hasSeatsKey: withSeatsKey && k === 0,
      priceIds: { a: priceBase, b: priceBase + 1, ga: priceBase + 2 },
      createdMs: createdMs + k * 5 * MINUTE,
      updatedMs: createdMs + k * 5 * MINUTE,
    })
  }
  return shows
}

/** Plans `count` sellable events whose sale windows cover the days [firstDay, lastDay]. */
export function planEvents(seed: number, count: number, firstDay: number, lastDay: number, ids: TenantIds): EventPlan[] {
  const span = Math.max(lastDay - firstDay, 1)
  const spacing = (span + 10) / count
  const windowDays = Math.max(45, Math.ceil(2 * spacing) + 5)
  const events: EventPlan[] = []
  for (let e = 0; e < count; e++) {
    // First show days spread evenly from 10 days after the first sales day to 20 days after the last.
    const firstShowDay = firstDay + 10 + Math.floor((e + rand(seed, e, SALT.day)) * ((span + 10) / count))
    const saleStartDay = firstShowDay - windowDays - randInt(0, 20, seed, e, SALT.window)
    const city = pickCity(seed, e)
    const kind = pick(EVENT_KINDS, seed, e, SALT.kind)
    const wordIndex = randInt(0, TITLE_WORDS.length - 1, seed, e, SALT.word)
    const a = pick(BASE_PRICES, seed, e, SALT.price)
    const createdMs = moscowDayStart(saleStartDay - randInt(1, 5, seed, e, SALT.window, 2)) + randInt(9, 17, seed, e, SALT.window, 3) * HOUR
    const edited = rand(seed, e, SALT.edit) < 0.5
    const showCount = rand(seed, e, SALT.shows) < 0.5 ? 1 : rand(seed, e, SALT.shows, 2) < 0.7 ? 2 : 3
    const shows = planShows(seed, e, firstShowDay, showCount, city, ids, createdMs, e % 3 !== 2)
    const updatedMs = edited ? createdMs + randInt(1, 20, seed, e, SALT.edit, 2) * DAY : createdMs
    events.push({
      index: e,
      id: ids.event + e,
      deleted: false,
      name: `${kind.title} «${TITLE_WORDS[wordIndex]}»`,
      slug: `${kind.slug}-${TITLE_SLUGS[wordIndex]}`,
      kind,
      city,
      venue: pick(VENUES, seed, e, SALT.venue),
      schemeId: 41000 + (e % 50),
      saleStartDay,
      saleEndDay: firstShowDay - 1,
      popularity: 0.5 + 1.5 * rand(seed, e, SALT.pop),
      hasGeneralAdmission: kind.generalAdmission,
      prices: { a, b: roundTo100(a * 0.6), reduced: roundTo100(a * 0.4), ga: roundTo100(a * 0.5) },
      colors: { a: 5, b: 8, ga: 15 },
      nullMinMax: e % 4 === 1,
      shows: shows.map((s) => (edited && s.index === 0 ? { ...s, updatedMs } : s)),
      createdMs,
      updatedMs,
      deletedMs: null,
    })
  }
  return events
}

/** Plans the cancelled event (deleted, `is_active: 0`, no sales) that every list should still show. */
export function planDeletedEvent(seed: number, firstDay: number, ids: TenantIds): EventPlan {
  const city = CITIES.find((c) => c.timezone === 'Asia/Novosibirsk') ?? (CITIES[0] as City)
  const kind = EVENT_KINDS.find((k) => k.slug === 'lekciya') ?? EVENT_KINDS[0]
  const showDay = firstDay + 20
  const createdMs = moscowDayStart(firstDay - 30) + 9 * HOUR
  const deletedMs = moscowDayStart(firstDay + 5) + 11 * HOUR + 42 * MINUTE + 10_000
  const shows = planShows(seed, 999, showDay, 1, city, { ...ids, show: ids.show - 51 - 999 * 4, price: ids.price - 3 - 999 * 12 }, createdMs, false)
  return {
    index: -1,
    id: ids.event - 24,
    deleted: true,
    name: `${kind.title} «Тестовая» (отменена)`,
    slug: `${kind.slug}-testovaya`,
    kind,
    city,
    venue: VENUES[2] ?? (VENUES[0] as EventPlan['venue']),
    schemeId: 41002,
    saleStartDay: showDay - 30,
    saleEndDay: showDay - 1,
    popularity: 0,
    hasGeneralAdmission: false,
    prices: { a: 500, b: 500, reduced: 300, ga: 500 },
    colors: { a: 2, b: 2, ga: 2 },
    nullMinMax: false,
    shows: shows.map((s) => ({ ...s, updatedMs: deletedMs })),
    createdMs,
    updatedMs: deletedMs,
    deletedMs,
  }
}
