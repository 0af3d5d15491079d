/**
 * The fixtures README's hand-computed truth, recomputed from orders read through the SDK
 * (both pages, served by MSW) — proof that the parsed values are the ones the sales facts need.
 */
import { http } from 'msw'
import { expect, test } from 'vitest'
import { createQticketsClient, type Order } from '../src/index'
import { calendarDate } from '../src/time'
import { FAST, REST_BASE, TOKEN, fixtureJson, jsonAnswer, readJsonBody, startMockApi } from './msw'

const { server } = startMockApi()

interface DayRow {
  tickets: number
  revenue: number
}

/** README rules: counted baskets of paid, not cancelled orders, by the Moscow date of payed_at. */
function salesByDayAndEvent(orders: readonly Order[]): Map<string, DayRow> {
  const out = new Map<string, DayRow>()
  for (const order of orders) {
    if (!order.payed || order.payed_at === null || order.deleted_at !== null) continue
    const counted = order.baskets.filter((basket) => basket.deleted_at === null && basket.refunded_at === null)
    if (counted.length === 0) continue
    const key = `${calendarDate(order.payed_at, 'Europe/Moscow')} ${order.event_id}`
    const row = out.get(key) ?? { tickets: 0, revenue: 0 }
    for (const basket of counted) {
      row.tickets += basket.quantity
      row.revenue += basket.price * basket.quantity
    }
    out.set(key, row)
  }
  return out
}

test('orders read through the SDK give the README totals per Moscow day', async () => {
  server.use(
    http.get(`${REST_BASE}/orders`, async ({ request }) => {
      const body = await readJsonBody(request)
      return jsonAnswer(fixtureJson(body?.page === 2 ? 'orders.page2.json' : 'orders.page1.json'))
    }),
  )
  const client = createQticketsClient({ token: TOKEN, baseUrl: REST_BASE, ...FAST })
  const orders: Order[] = []
  for await (const order of client.orders.iterate({ orderBy: { id: 'asc' } })) orders.push(order)

  const byDay = salesByDayAndEvent(orders)
  expect(Object.fromEntries(byDay)).toEqual({
    '2025-11-10 510001': { tickets: 3, revenue: 6500 },
    '2025-11-11 510001': { tickets: 1, revenue: 1500 },
    '2025-11-12 510001': { tickets: 3, revenue: 6500 },
    '2025-11-13 510001': { tickets: 3, revenue: 4900 },
    '2025-11-14 510001': { tickets: 4, revenue: 2400 },
    '2025-11-15 510002': { tickets: 2, revenue: 3600 },
    '2025-11-16 510001': { tickets: 1, revenue: 2500 },
  })
  const totals = [...byDay.values()].reduce((sum, row) => ({ tickets: sum.tickets + row.tickets, revenue: sum.revenue + row.revenue }))
  expect(totals).toEqual({ tickets: 17, revenue: 27_900 })

  const plus5 = orders.find((order) => order.id === 2750154)
  expect(plus5?.payed_at && calendarDate(plus5.payed_at)).toBe('2025-11-15')
})
