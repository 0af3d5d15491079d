/**
 * Renders events with their shows exactly like `GET events` (fixtures/qtickets/events.page1.json):
 * `is_active` as 0/1, `payments[].is_active` as a boolean, `color_theme` as a num-str,
 * `scheme_properties` with string leaves (`rows: [""]`, `seats` absent on some shows) and
 * every timestamp in `+03:00`, even for Siberian cities.
 */
import type { EventPlan, ShowPlan } from './events-plan'
import { DISABLED_ZONE, disabledPlaces, GA_ROOT_ID, GA_ZONE, quotaPlace, RESERVED_ZONE, type Hall } from './hall'
import { formatMoscow } from './time'
import type { Tenant } from './tenant-types'

const ts = (ms: number | null): string | null => (ms === null ? null : formatMoscow(ms))

interface PriceWire {
  id: number
  default_price: number
  color_theme: string
  modifiers: []
}

function pricesOf(event: EventPlan, show: ShowPlan): PriceWire[] {
  const prices: PriceWire[] = [
    { id: show.priceIds.a, default_price: event.prices.a, color_theme: String(event.colors.a), modifiers: [] },
  ]
  if (event.prices.b !== event.prices.a) prices.push({ id: show.priceIds.b, default_price: event.prices.b, color_theme: String(event.colors.b), modifiers: [] })
  if (event.hasGeneralAdmission) prices.push({ id: show.priceIds.ga, default_price: event.prices.ga, color_theme: String(event.colors.ga), modifiers: [] })
  return prices
}

function schemeOf(event: EventPlan, show: ShowPlan, hall: Hall | undefined): Record<string, unknown> {
  const adminZones: Record<string, unknown> = { [RESERVED_ZONE]: { opened: '1', was_opened: '1' } }
  const rows: Record<string, unknown> = {}
  const rowCount = hall?.rows ?? 1
  for (let row = 1; row <= rowCount; row++) {
    rows[String(row)] = { disabled: '0', price_id: String(hall && row > hall.tierARows ? show.priceIds.b : show.priceIds.a) }
  }
  const zones: Record<string, unknown> = {
    [RESERVED_ZONE]: { disabled: '0', price_id: String(show.priceIds.a), label: '', rows: hall ? rows : [''], spread: { enabled: '' } },
  }
  if (event.hasGeneralAdmission) {
    adminZones[GA_ZONE] = { opened: '0', was_opened: '1' }
    zones[GA_ZONE] = { disabled: '0', spread: { enabled: '' }, price_id: String(show.priceIds.ga), rows: [''] }
  }
  zones[DISABLED_ZONE] = { disabled: '1', spread: { enabled: '' }, price_id: '' }
  const scheme: Record<string, unknown> = { admin: { zones: adminZones }, zones }
  if (show.hasSeatsKey && hall) {
    const seats: Record<string, unknown> = {
      [`${RESERVED_ZONE}-${hall.rows};${quotaPlace()}`]: { disabled: '0', spread: { users: ['3101'], enabled: '1' } },
    }
    for (const place of disabledPlaces(hall)) seats[`${RESERVED_ZONE}-${hall.rows};${place}`] = { disabled: '1', spread: { enabled: '0' } }
    if (event.hasGeneralAdmission) seats[GA_ROOT_ID] = { hot: '', show_free_quantity: '', max_quantity: '' }
    scheme.seats = seats
  }
  return scheme
}

/** Renders one show of an event. */
export function renderShow(event: EventPlan, show: ShowPlan, hall: Hall | undefined): Record<string, unknown> {
  const prices = pricesOf(event, show)
  const sorted = [...prices].sort((a, b) => a.default_price - b.default_price)
  return {
    id: show.id,
    name: '',
    is_active: 1,
    sale_start_date: ts(show.saleStartMs),
    sale_finish_date: formatMoscow(show.startMs - 30 * 60_000),
    open_date: formatMoscow(show.openMs),
    start_date: formatMoscow(show.startMs),
    finish_date: formatMoscow(show.finishMs),
    scheme_properties: schemeOf(event, show, hall),
    prices,
    min_price: event.nullMinMax ? null : (sorted[0] ?? null),
    max_price: event.nullMinMax ? null : (sorted[sorted.length - 1] ?? null),
    created_at: formatMoscow(show.createdMs),
    updated_at: formatMoscow(show.updatedMs),
    deleted_at: null,
  }
}

/** Renders an event as `GET events` / `GET events/{id}` return it. */
export function renderEvent(tenant: Tenant, event: EventPlan): Record<string, unknown> {
  const hall = event.deleted ? undefined : tenant.halls[event.index]
  const site = `https://example-${event.kind.slug}.test/${event.slug}`
  return {
    id: event.id,
    is_active: event.deleted ? 0 : 1,
    name: event.name,
    scheme_id: event.schemeId,
    currency_id: 'RUB',
    place_name: event.venue.name,
    place_address: event.venue.address,
    place_description: '',
    city_id: event.city.id,
    description: event.deleted ? '' : 'Программа в двух отделениях.\r\nВход в зал за час до начала.',
    site_url: site,
    external_id: null,
    ticket_id: 17001,
    mail_template_id: 35001,
    age: event.kind.age,
    shows: event.shows.map((show) => renderShow(event, show, hall)),
    payments: event.deleted ? [] : [{ id: 9301, is_active: true, name: 'Банковские карты', handler: 'example_pay', agree_url: 'https://example-hall.test/oferta' }],
    poster: {
      id: 5_550_000 + (event.id % 100_000),
      content_type: 'image/jpeg',
      file_size: 150_000 + (event.id % 90_000),
      url: `https://qtickets.test/storage/app/uploads/public/0a1/b2c/3d4/poster-${event.id}.jpg`,
    },
    event_type_id: event.kind.typeId,
    city: { id: event.city.id, name: event.city.name, timezone: event.city.timezone },
    ticket: { id: 17001, is_active: 1, name: 'Стандартный билет' },
    mail_template: { id: 35001, is_active: 1, name: 'Стандартное письмо' },
    slug: event.slug,
    place_coordinates: event.city.coords,
    url: `https://${event.city.slug}.qtickets-events.test/${event.id}-${event.slug}`,
    created_at: formatMoscow(event.createdMs),
    updated_at: formatMoscow(event.updatedMs),
    deleted_at: ts(event.deletedMs),
  }
}

/** Renders a discount (`GET discounts`) as seen at `nowMs`; note there is no amount field. */
export function renderDiscount(tenant: Tenant, plan: Tenant['discounts'][number], nowMs: number): Record<string, unknown> {
  const events = tenant.allEvents.filter((e) => plan.eventIds.includes(e.id) && e.createdMs <= nowMs)
  const shows = plan.showIds.flatMap((id) => {
    const ref = tenant.showsById.get(id)
    if (!ref || ref.event.createdMs > nowMs) return []
    const { event, show } = ref
    return [{
      id: show.id,
      is_active: 1,
      event_id: event.id,
      sale_start_date: ts(show.saleStartMs),
      sale_finish_date: formatMoscow(show.startMs - 30 * 60_000),
      open_date: formatMoscow(show.openMs),
      start_date: formatMoscow(show.startMs),
      finish_date: formatMoscow(show.finishMs),
      created_at: formatMoscow(show.createdMs),
      updated_at: formatMoscow(show.updatedMs),
      deleted_at: null,
    }]
  })
  return {
    id: plan.id,
    is_active: plan.isActive ? 1 : 0,
    name: plan.name,
    active_from: ts(plan.activeFromMs),
    active_to: ts(plan.activeToMs),
    type: 'P',
    events: events.map((e) => ({ id: e.id, is_active: e.deleted ? 0 : 1, name: e.name, deleted_at: ts(e.deletedMs) })),
    shows,
    created_at: formatMoscow(plan.createdMs),
    updated_at: formatMoscow(plan.updatedMs),
    deleted_at: ts(plan.deletedMs),
  }
}

/** Renders a promo code (`GET promo-codes`); `code` stays a string even when all digits. */
export function renderPromoCode(plan: Tenant['promoCodes'][number]): Record<string, unknown> {
  return {
    id: plan.id,
    is_active: plan.isActive ? 1 : 0,
    type: 0,
    discount_id: plan.discountId,
    code: plan.code,
    max_uses_count: plan.maxUsesCount,
    active_from: ts(plan.activeFromMs),
    active_to: ts(plan.activeToMs),
    created_at: formatMoscow(plan.createdMs),
    updated_at: formatMoscow(plan.updatedMs),
    deleted_at: ts(plan.deletedMs),
  }
}
