import type { DailySalesFact } from '@zakaz/clickhouse-sink'
import type { DailySalesRow } from '@zakaz/qtickets-sdk/testing'
import { describe, expect, it } from 'vitest'
import { compareFacts, describeMismatch } from './compare-facts.js'

const fact = (date: string, eventId: number, tickets: number, revenue: number): DailySalesFact => ({
  tenant: 't',
  sales_date: date,
  event_id: eventId,
  city: 'Москва',
  orders: 1,
  tickets,
  revenue,
  refunded_tickets: 0,
  refunded_revenue: 0,
  report_time_zone: 'Europe/Moscow',
  computed_at: '2025-11-16T18:30:00.000Z',
})
const truth = (date: string, eventId: number, tickets: number, revenue: number): DailySalesRow => ({
  tenant: 't',
  date,
  eventId,
  city: 'Москва',
  orders: 1,
  tickets,
  revenue,
  refundedTickets: 0,
  refundedRevenue: 0,
})

describe('compareFacts', () => {
  it('reports no mismatch when every cell agrees, with the totals', () => {
    const result = compareFacts([fact('2025-11-10', 1, 2, 5000), fact('2025-11-11', 1, 1, 2500)], [truth('2025-11-10', 1, 2, 5000), truth('2025-11-11', 1, 1, 2500)])
    expect(result).toEqual({ cells: 2, tickets: 3, revenue: 7500, mismatches: [] })
  })

  it('finds missing, unexpected and different cells', () => {
    const result = compareFacts([fact('2025-11-10', 1, 2, 4000), fact('2025-11-12', 2, 1, 100)], [truth('2025-11-10', 1, 2, 5000), truth('2025-11-11', 1, 1, 2500)])
    expect(result.mismatches.map((m) => [m.date, m.eventId, m.problem])).toEqual([
      ['2025-11-10', 1, 'different'],
      ['2025-11-11', 1, 'missing'],
      ['2025-11-12', 2, 'unexpected'],
    ])
    expect(describeMismatch(result.mismatches[0]!)).toBe(
      '2025-11-10 event 1 different: loaded Москва: 1 orders, 2 tickets, 4000 RUB, refunded 0 / 0 RUB; expected Москва: 1 orders, 2 tickets, 5000 RUB, refunded 0 / 0 RUB',
    )
  })
})
