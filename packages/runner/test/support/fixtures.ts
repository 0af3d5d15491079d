import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  BarcodeEntrySchema,
  ClientSchema,
  ColorThemeSchema,
  DiscountSchema,
  EventSchema,
  OrderSchema,
  PartnerTicketSchema,
  PromoCodeSchema,
  SeatSchema,
  type BarcodeEntry,
  type Client,
  type ColorTheme,
  type Discount,
  type Event,
  type Order,
  type PartnerTicket,
  type PromoCode,
  type Seat,
} from '@zakaz/qtickets-sdk'
import * as v from 'valibot'

/** Absolute path of a file in the repository's fixtures/qtickets folder. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../../../fixtures/qtickets/${name}`, import.meta.url))
}

/** The raw text of a fixture file. */
export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8')
}

/** A fixture file parsed as JSON. */
export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T
}

function parseList<S extends v.GenericSchema>(schema: S, items: unknown): v.InferOutput<S>[] {
  return v.parse(v.array(schema), items)
}

/** Orders of orders.page1.json and orders.page2.json, parsed with the SDK schema. */
export function fixtureOrders(): Order[] {
  return ['orders.page1.json', 'orders.page2.json'].flatMap((name) => parseList(OrderSchema, fixtureJson<{ data: unknown }>(name).data))
}

/** Events of events.page1.json, parsed with the SDK schema. */
export function fixtureEvents(): Event[] {
  return parseList(EventSchema, fixtureJson<{ data: unknown }>('events.page1.json').data)
}

/** Seats of shows.seats.flat.json (values of the flat map), parsed with the SDK schema. */
export function fixtureSeats(): Seat[] {
  return parseList(SeatSchema, Object.values(fixtureJson<{ data: Record<string, unknown> }>('shows.seats.flat.json').data))
}

/** Clients of clients.page1.json. */
export function fixtureClients(): Client[] {
  return parseList(ClientSchema, fixtureJson<{ data: unknown }>('clients.page1.json').data)
}

/** Discounts of discounts.page1.json. */
export function fixtureDiscounts(): Discount[] {
  return parseList(DiscountSchema, fixtureJson<{ data: unknown }>('discounts.page1.json').data)
}

/** Promo codes of promo-codes.page1.json. */
export function fixturePromoCodes(): PromoCode[] {
  return parseList(PromoCodeSchema, fixtureJson<{ data: unknown }>('promo-codes.page1.json').data)
}

/** Colour themes of color-themes.json. */
export function fixtureColorThemes(): ColorTheme[] {
  return parseList(ColorThemeSchema, fixtureJson<{ data: unknown }>('color-themes.json').data)
}

/** Barcodes of show.barcodes.json (a bare array). */
export function fixtureBarcodes(): BarcodeEntry[] {
  return parseList(BarcodeEntrySchema, fixtureJson('show.barcodes.json'))
}

/** Partners tickets of partners.tickets.find.json. */
export function fixturePartnerTickets(): PartnerTicket[] {
  return parseList(PartnerTicketSchema, fixtureJson<{ result: unknown }>('partners.tickets.find.json').result)
}

/** The fixture README's per-day table of orders.page1 + page2 (Moscow dates). */
export const FIXTURE_DAILY_SALES = [
  { sales_date: '2025-11-10', event_id: 510001, city: 'Москва', tickets: 3, revenue: 6500 },
  { sales_date: '2025-11-11', event_id: 510001, city: 'Москва', tickets: 1, revenue: 1500 },
  { sales_date: '2025-11-12', event_id: 510001, city: 'Москва', tickets: 3, revenue: 6500 },
  { sales_date: '2025-11-13', event_id: 510001, city: 'Москва', tickets: 3, revenue: 4900 },
  { sales_date: '2025-11-14', event_id: 510001, city: 'Москва', tickets: 4, revenue: 2400 },
  { sales_date: '2025-11-15', event_id: 510002, city: 'Красноярск', tickets: 2, revenue: 3600 },
  { sales_date: '2025-11-16', event_id: 510001, city: 'Москва', tickets: 1, revenue: 2500 },
] as const
