import { assertDay, assertTenant, assertTimeZone } from './identifiers'
import { clickhouseUtcToIso } from './instants'
import { FACT_TABLES, paidOrdersPerDaySql, readDailySalesSql, recomputeSalesSql, salesDaysSql, type FactTable } from './sales-facts-sql'
import { runStatement, selectRows } from './sql'
import type { WriteContext } from './insert'
import { nextVersion } from './version-clock'
import { SinkError } from './errors'

/** Default zone of reporting dates. */
export const DEFAULT_REPORT_TIME_ZONE = 'Europe/Moscow'

/** Which days of which tenant to rebuild. */
export interface RecomputeDailySalesInput {
  tenant: string
  /** Days in the report zone, `YYYY-MM-DD`. */
  days: readonly string[]
  /** IANA zone the days are in. Default `Europe/Moscow`. */
  reportTimeZone?: string
  /** Paid orders one statement covers at most (whole days; a bigger day gets a statement of its own). Default `RECOMPUTE_ORDERS_PER_STATEMENT`. */
  ordersPerStatement?: number
}

/** What a recompute rebuilt. */
export interface RecomputeDailySalesResult {
  /** Distinct days rebuilt, sorted. */
  days: string[]
  /** `_ver` of every row written (facts and tombstones). */
  version: number
}

/** Orders whose current report-zone payment days are wanted. */
export interface SalesDaysOfOrdersInput {
  tenant: string
  orderIds: readonly number[]
  reportTimeZone?: string
}

/** Range of facts to read (inclusive, `YYYY-MM-DD`). */
export interface ReadDailySalesInput {
  tenant: string
  from?: string
  to?: string
}

/** One cell of `fact_qtickets_sales_daily` as read with FINAL. */
export interface DailySalesFact {
  tenant: string
  sales_date: string
  event_id: number
  city: string
  orders: number
  tickets: number
  revenue: number
  refunded_tickets: number
  refunded_revenue: number
  report_time_zone: string
  /** ISO instant (`…Z`). */
  computed_at: string
}

/**
 * Paid orders (stored versions) one recompute statement covers at most. A statement's working set (the sale orders of
 * its days, their totals, the join) grows with them: one statement for the 92 days of a 1M-order backfill took about
 * 460 MB of engine memory, statements of about 330 000 orders half that, for about twice the time (3.5 s → 6.6 s on
 * 2 cores). Smaller recomputes stay one statement.
 */
export const RECOMPUTE_ORDERS_PER_STATEMENT = 300_000

/** Rebuilds whole days of both fact tables for one tenant from staging (FINAL); cells that emptied get tombstones. */
export async function recomputeDailySales(ctx: WriteContext, input: RecomputeDailySalesInput): Promise<RecomputeDailySalesResult> {
  const tenant = assertTenant(input.tenant)
  const tz = assertTimeZone(input.reportTimeZone ?? DEFAULT_REPORT_TIME_ZONE)
  if (!Array.isArray(input.days)) throw new SinkError('validation', 'days must be an array of YYYY-MM-DD strings')
  const days = [...new Set(input.days.map((day) => assertDay(day)))].sort()
  const version = nextVersion()
  if (days.length === 0) return { days, version }
  const limit = input.ordersPerStatement ?? RECOMPUTE_ORDERS_PER_STATEMENT
  if (!Number.isSafeInteger(limit) || limit < 1) throw new SinkError('validation', `ordersPerStatement must be a positive integer, got ${String(limit)}`)
  const counts = await paidOrdersPerDay(ctx, tenant, tz, days)
  for (const [index, chunk] of daysInStatements(days, counts, limit).entries()) {
    for (const table of Object.keys(FACT_TABLES) as FactTable[]) {
      // An explicit token per statement: on chDB a token set by an earlier insert would otherwise stick to this one.
      const settings = { insert_deduplication_token: `recompute:${table}:${version}:${index}` }
      const params = { tenant, tz, days: chunk, ver: version }
      await ctx.exclusive(() => runStatement(ctx.client, `recomputing ${table}`, recomputeSalesSql(ctx.database, table), params, settings))
    }
  }
  return { days, version }
}

/** The report-zone days the given orders are on in staging now (so a caller can also rebuild the days an order moves away from). */
export async function salesDaysOfOrders(ctx: WriteContext, input: SalesDaysOfOrdersInput): Promise<string[]> {
  const tenant = assertTenant(input.tenant)
  const tz = assertTimeZone(input.reportTimeZone ?? DEFAULT_REPORT_TIME_ZONE)
  const ids = input.orderIds.map((id) => assertOrderId(id))
  if (ids.length === 0) return []
  const rows = await selectRows<{ day: string }>(ctx.client, 'reading sales days of orders', salesDaysSql(ctx.database), { tenant, tz, ids })
  return rows.map((row) => row.day)
}

/** Current facts (FINAL) of one tenant, ordered by day, event and city. */
export async function readDailySales(ctx: WriteContext, input: ReadDailySalesInput): Promise<DailySalesFact[]> {
  const tenant = assertTenant(input.tenant)
  const from = input.from === undefined ? '1970-01-01' : assertDay(input.from, 'from')
  const to = input.to === undefined ? '2149-06-06' : assertDay(input.to, 'to')
  type Raw = Record<keyof DailySalesFact, string | number>
  const rows = await selectRows<Raw>(ctx.client, 'reading daily sales', readDailySalesSql(ctx.database), { tenant, from, to })
  return rows.map((row) => ({
    tenant: String(row.tenant),
    sales_date: String(row.sales_date),
    event_id: Number(row.event_id),
    city: String(row.city),
    orders: Number(row.orders),
    tickets: Number(row.tickets),
    revenue: Number(row.revenue),
    refunded_tickets: Number(row.refunded_tickets),
    refunded_revenue: Number(row.refunded_revenue),
    report_time_zone: String(row.report_time_zone),
    computed_at: clickhouseUtcToIso(String(row.computed_at)) ?? '',
  }))
}

function assertOrderId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    throw new SinkError('validation', `order id ${JSON.stringify(id)} is not a non-negative integer`)
  }
  return id
}

/** Days in order, grouped so that each group's paid orders stay within `limit` (a day above it is a group alone). */
export function daysInStatements(days: readonly string[], ordersPerDay: ReadonlyMap<string, number>, limit: number): string[][] {
  const groups: string[][] = []
  let orders = 0
  for (const day of days) {
    const count = ordersPerDay.get(day) ?? 0
    const last = groups.at(-1)
    if (last && orders + count <= limit) {
      last.push(day)
      orders += count
    } else {
      groups.push([day])
      orders = count
    }
  }
  return groups
}

async function paidOrdersPerDay(ctx: WriteContext, tenant: string, tz: string, days: readonly string[]): Promise<Map<string, number>> {
  const rows = await selectRows<{ day: string; orders: string }>(ctx.client, 'counting paid orders per day', paidOrdersPerDaySql(ctx.database), { tenant, tz, days })
  return new Map(rows.map((row) => [row.day, Number(row.orders)]))
}
