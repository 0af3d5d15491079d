/**
 * Seat geometry of an event's hall. Reserved seats are handed out in blocks of four
 * consecutive places: the event's r-th order owns block ⌊r / shows⌋ of show r mod shows, so two
 * orders never get the same seat and no counter is needed. A multi-show order also takes the
 * last place of its block number in the next show (that block's owner uses at most three).
 * The hall gets one extra back row that is never sold: it holds the disabled seats and a
 * personal-quota seat.
 */
import type { EventPlan } from './events-plan'

/** Places per block; the owner of a block takes at most BLOCK - 1 of them. */
export const BLOCK = 4

/** The reserved-seat zone (`PARTER-5;12`). */
export const RESERVED_ZONE = 'PARTER'
/** The general-admission zone (`tancevalnyj-parter-1;1`). */
export const GA_ZONE = 'tancevalnyj-parter'
/** A zone that exists in the scheme but is disabled (no seats sold). */
export const DISABLED_ZONE = 'BALKON'

/** Tariff code of the reduced price offered on tier-B rows. */
export const REDUCED_TARIFF = { code: 'lgotnyj', name: 'Льготный' }

/** The hall of an event (the same for each of its shows). */
export interface Hall {
  placesPerRow: number
  /** Rows that hold sellable blocks. */
  sellableRows: number
  /** All rows, including the extra back row. */
  rows: number
  /** Rows 1…tierARows are priced at tier A, the rest at tier B. */
  tierARows: number
}

/** A reserved seat position. */
export interface SeatPosition {
  row: number
  place: number
}

/** Builds the hall of an event from the number of orders it receives over its sale window. */
export function hallFor(event: EventPlan, eventOrders: number): Hall {
  const blocksPerShow = Math.max(1, Math.ceil(eventOrders / event.shows.length))
  const seats = blocksPerShow * BLOCK
  const placesPerRow = Math.min(60, Math.max(12, BLOCK * Math.ceil(Math.sqrt(seats) / BLOCK)))
  const sellableRows = Math.max(4, Math.ceil(seats / placesPerRow))
  return { placesPerRow, sellableRows, rows: sellableRows + 1, tierARows: Math.max(1, Math.floor(sellableRows / 3)) }
}

/** The seat at `offset` (0 … BLOCK-1) inside block `block`. */
export function seatInBlock(hall: Hall, block: number, offset: number): SeatPosition {
  const slot = block * BLOCK + offset
  return { row: Math.floor(slot / hall.placesPerRow) + 1, place: (slot % hall.placesPerRow) + 1 }
}

/** Whether a row is priced at tier A. */
export function isTierA(hall: Hall, row: number): boolean {
  return row <= hall.tierARows
}

/** Seats of the back row that are disabled (only on shows whose scheme lists seats). */
export function disabledPlaces(hall: Hall): number[] {
  return [hall.placesPerRow - 1, hall.placesPerRow]
}

/** The back-row seat reserved for a personal quota (a partner and one e-mail). */
export function quotaPlace(): number {
  return 1
}

/** The general-admission root id. */
export const GA_ROOT_ID = `${GA_ZONE}-1;1`
