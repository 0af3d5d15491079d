import type { DailySalesFact } from '@zakaz/clickhouse-sink'
import type { DailySalesRow } from '@zakaz/qtickets-sdk/testing'

/** One (day, event) cell where the loaded facts and the expected ones differ. */
export interface FactMismatch {
  date: string
  eventId: number
  /** `missing` (expected, not loaded), `unexpected` (loaded, not expected) or the differing fields. */
  problem: 'missing' | 'unexpected' | 'different'
  loaded?: CellNumbers
  expected?: CellNumbers
}

/** The numbers of one cell. */
export interface CellNumbers {
  city: string
  orders: number
  tickets: number
  revenue: number
  refundedTickets: number
  refundedRevenue: number
}

/** The outcome of comparing every cell. */
export interface FactComparison {
  /** Expected cells. */
  cells: number
  /** Expected tickets and revenue over all cells. */
  tickets: number
  revenue: number
  mismatches: FactMismatch[]
}

/** Compares loaded daily facts (`fact_qtickets_sales_daily FINAL`) with expected rows cell by cell (date, event). */
export function compareFacts(loaded: readonly DailySalesFact[], expected: readonly DailySalesRow[]): FactComparison {
  const loadedCells = new Map(loaded.map((fact) => [cellKey(fact.sales_date, fact.event_id), fromFact(fact)]))
  const mismatches: FactMismatch[] = []
  let tickets = 0
  let revenue = 0
  for (const row of expected) {
    tickets += row.tickets
    revenue += row.revenue
    const key = cellKey(row.date, row.eventId)
    const want = fromTruth(row)
    const got = loadedCells.get(key)
    loadedCells.delete(key)
    if (!got) mismatches.push({ date: row.date, eventId: row.eventId, problem: 'missing', expected: want })
    else if (!sameNumbers(got, want)) mismatches.push({ date: row.date, eventId: row.eventId, problem: 'different', loaded: got, expected: want })
  }
  for (const [key, got] of loadedCells) {
    const [date, eventId] = key.split('|')
    mismatches.push({ date: date!, eventId: Number(eventId), problem: 'unexpected', loaded: got })
  }
  return { cells: expected.length, tickets, revenue: round2(revenue), mismatches }
}

/** One line per mismatch, for the demo report and test failures. */
export function describeMismatch(mismatch: FactMismatch): string {
  const numbers = (cell: CellNumbers | undefined) =>
    cell ? `${cell.city}: ${cell.orders} orders, ${cell.tickets} tickets, ${cell.revenue} RUB, refunded ${cell.refundedTickets} / ${cell.refundedRevenue} RUB` : '—'
  return `${mismatch.date} event ${mismatch.eventId} ${mismatch.problem}: loaded ${numbers(mismatch.loaded)}; expected ${numbers(mismatch.expected)}`
}

function cellKey(date: string, eventId: number): string {
  return `${date}|${eventId}`
}

function fromFact(fact: DailySalesFact): CellNumbers {
  return {
    city: fact.city,
    orders: fact.orders,
    tickets: fact.tickets,
    revenue: round2(fact.revenue),
    refundedTickets: fact.refunded_tickets,
    refundedRevenue: round2(fact.refunded_revenue),
  }
}

function fromTruth(row: DailySalesRow): CellNumbers {
  return {
    city: row.city,
    orders: row.orders,
    tickets: row.tickets,
    revenue: round2(row.revenue),
    refundedTickets: row.refundedTickets,
    refundedRevenue: round2(row.refundedRevenue),
  }
}

function sameNumbers(a: CellNumbers, b: CellNumbers): boolean {
  return (
    a.city === b.city &&
    a.orders === b.orders &&
    a.tickets === b.tickets &&
    a.revenue === b.revenue &&
    a.refundedTickets === b.refundedTickets &&
    a.refundedRevenue === b.refundedRevenue
  )
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
