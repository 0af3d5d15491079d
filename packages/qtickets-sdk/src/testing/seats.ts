/**
 * The seat inventory of a show (`GET shows/{id}/seats`) as a flat map keyed by the
 * tariff-prefixed seat id, like fixtures/qtickets/shows.seats.flat.json. Tier-B rows are sold
 * under two tariffs (`full_…` and `lgotnyj_…`, same `root_id`); both entries show the physical
 * seat's state, so capacity must be counted per `root_id`.
 */
import type { EventPlan, ShowPlan } from './events-plan'
import { disabledPlaces, GA_ZONE, isTierA, quotaPlace, REDUCED_TARIFF, RESERVED_ZONE, type Hall } from './hall'
import { gaCapacity, showOccupancy, type Holding } from './occupancy'
import type { TenantRuntime } from './tenant-runtime'

/** A seat entry, in the wire field order. */
export type SeatWire = Record<string, unknown>

const NO_SPREAD = { partner_id: null, users: [], client_groups: [], client_emails: [], agents: false }
const EMPTY: Holding = { payed: 0, ordered: 0, inBasket: 0 }

function seatEntry(
  tariff: 'full' | 'lgotnyj', zone: string, shortId: string, name: string, admission: boolean, row: number, place: number,
  capacity: number, holding: Holding, disabled: boolean, price: number, color: number, spread: unknown, coords: [number, number],
): SeatWire {
  const free = disabled ? 0 : Math.max(0, capacity - holding.payed - holding.ordered - holding.inBasket)
  return {
    id: `${tariff}_${zone}-${shortId}`,
    root_id: `${zone}-${shortId}`,
    name,
    zone_id: `${tariff}_${zone}`,
    zone_root_id: zone,
    short_seat_id: shortId,
    admission,
    row: String(row),
    place: String(place),
    max_quantity: capacity,
    free_quantity: free,
    ordered_quantity: holding.ordered,
    available: free > 0,
    disabled,
    ordered: holding.payed + holding.ordered > 0,
    payed_quantity: holding.payed,
    in_basket_quantity: holding.inBasket,
    price,
    currency_id: 'RUB',
    related_seats: [],
    multiprice_name: tariff === 'full' ? null : REDUCED_TARIFF.name,
    multiprice_code: tariff === 'full' ? null : REDUCED_TARIFF.code,
    spread,
    color_theme_id: color,
    coords,
  }
}

/** Every seat entry of a show at `nowMs`, in map order (rows, places, tariffs; the dance floor last). */
export function showSeats(rt: TenantRuntime, event: EventPlan, show: ShowPlan, nowMs: number): SeatWire[] {
  const hall: Hall | undefined = event.deleted ? undefined : rt.tenant.halls[event.index]
  if (!hall) return []
  const occupancy = showOccupancy(rt, event, show, nowMs)
  const disabled = new Set(show.hasSeatsKey ? disabledPlaces(hall) : [])
  const entries: SeatWire[] = []
  for (let row = 1; row <= hall.rows; row++) {
    const back = row === hall.rows
    const tierA = isTierA(hall, row)
    for (let place = 1; place <= hall.placesPerRow; place++) {
      const holding = occupancy.seats.get(`${row};${place}`) ?? EMPTY
      const isDisabled = back && disabled.has(place)
      const spread = back && show.hasSeatsKey && place === quotaPlace()
        ? { partner_id: 77, users: [3101], client_groups: [], client_emails: ['vip.guest@example.org'], agents: false }
        : NO_SPREAD
      const name = `Партер: Ряд ${row}, Место ${place}`
      const coords: [number, number] = [250 + place * 20, 380 + row * 22]
      const shortId = `${row};${place}`
      entries.push(seatEntry('full', RESERVED_ZONE, shortId, name, false, row, place, 1, holding, isDisabled, tierA ? event.prices.a : event.prices.b, tierA ? event.colors.a : event.colors.b, spread, coords))
      if (!tierA) entries.push(seatEntry('lgotnyj', RESERVED_ZONE, shortId, name, false, row, place, 1, holding, isDisabled, event.prices.reduced, event.colors.b, spread, coords))
    }
  }
  if (event.hasGeneralAdmission) {
    const capacity = gaCapacity(rt, event, show)
    entries.push(seatEntry('full', GA_ZONE, '1;1', 'Танцевальный партер', true, 1, 1, capacity, occupancy.ga, false, event.prices.ga, event.colors.ga, NO_SPREAD, [640, 760]))
  }
  return entries
}

