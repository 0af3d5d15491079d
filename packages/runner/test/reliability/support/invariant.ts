import type { Sink } from '@zakaz/clickhouse-sink'
import type { Simulator } from '@zakaz/qtickets-sdk/testing'
import { compareFacts, describeMismatch } from '../../../src/demo/compare-facts.js'
import { rowsOf } from '../../support/engine.js'

/** What `checkInvariant` found. */
export interface InvariantReport {
  /** Expected (day, event) cells, and the ones whose loaded numbers differ. */
  cells: number
  mismatches: string[]
  /** Orders in the simulator now, and in staging under FINAL. */
  expectedOrders: number
  storedOrders: number
  /** Order ids missing from staging, or stored although the simulator does not have them (at most 5 each). */
  missingOrderIds: number[]
  unexpectedOrderIds: number[]
  /** Baskets in the simulator and in staging under FINAL. */
  expectedBaskets: number
  storedBaskets: number
  /** Rows stored twice with the same key and version (a retried write that was not dropped), without FINAL. */
  doubledOrderRows: number
  doubledBasketRows: number
}

/** Adjustments of the expected side. */
export interface InvariantOptions {
  /** The city name the API served for an event, when a test rewrote it on the wire. */
  expectedCity?: (city: string, eventId: number) => string
}

/**
 * The invariant of the project, for one tenant: `fact_qtickets_sales_daily FINAL` equals `sim.expectedDailySales()` for
 * every (day, event) cell; staging holds every order of the simulator exactly once under FINAL and nothing else; and
 * no row version is stored twice (dedup tokens dropped every replayed batch). Assumes the loader's window covered the
 * simulator's whole history (QTICKETS_INITIAL_DAYS ≥ historyDays).
 */
export async function checkInvariant(sink: Sink, sim: Simulator, tenant: string, options: InvariantOptions = {}): Promise<InvariantReport> {
  const rename = options.expectedCity
  const expected = sim.expectedDailySales({ tenant }).map((row) => (rename ? { ...row, city: rename(row.city, row.eventId) } : row))
  const comparison = compareFacts(await sink.readDailySales({ tenant }), expected)
  const stats = sim.stats({ tenant })
  const described = sim.describe().find((entry) => entry.name === tenant)
  if (!described) throw new Error(`the simulator has no tenant ${tenant}`)
  const first = described.firstOrderId
  const ids = await rowsOf<{ id: string | number }>(sink, 'SELECT order_id AS id FROM {db}.stg_qtickets_api_orders_raw FINAL WHERE tenant = {tenant:String} ORDER BY order_id', { tenant })
  const stored = new Set(ids.map((row) => Number(row.id)))
  const missingOrderIds: number[] = []
  for (let id = first; id < first + stats.orders && missingOrderIds.length < 5; id++) if (!stored.has(id)) missingOrderIds.push(id)
  const unexpectedOrderIds = [...stored].filter((id) => id < first || id >= first + stats.orders).slice(0, 5)
  const [baskets] = await rowsOf<{ n: string | number }>(sink, 'SELECT count() AS n FROM {db}.stg_qtickets_api_baskets_raw FINAL WHERE tenant = {tenant:String}', { tenant })
  return {
    cells: comparison.cells,
    mismatches: comparison.mismatches.map(describeMismatch),
    expectedOrders: stats.orders,
    storedOrders: ids.length,
    missingOrderIds,
    unexpectedOrderIds,
    expectedBaskets: stats.baskets,
    storedBaskets: Number(baskets?.n ?? 0),
    doubledOrderRows: await doubledRows(sink, 'stg_qtickets_api_orders_raw', 'order_id, _ver', tenant),
    doubledBasketRows: await doubledRows(sink, 'stg_qtickets_api_baskets_raw', 'order_id, basket_id, _ver', tenant),
  }
}

/** Throws a readable error unless the invariant holds (and there was something to check). */
export async function expectInvariant(sink: Sink, sim: Simulator, tenant: string, options: InvariantOptions = {}): Promise<InvariantReport> {
  const report = await checkInvariant(sink, sim, tenant, options)
  const problems = invariantProblems(report)
  if (problems.length > 0) throw new Error(`the invariant does not hold for ${tenant}:\n${problems.join('\n')}`)
  return report
}

/** The broken parts of a report, one line each (empty when the invariant holds). */
export function invariantProblems(report: InvariantReport): string[] {
  const problems: string[] = []
  if (report.cells === 0) problems.push('the simulator expects no sales at all: the check would prove nothing')
  if (report.mismatches.length > 0) problems.push(`${report.mismatches.length} of ${report.cells} fact cells differ:`, ...report.mismatches.slice(0, 8).map((line) => `  ${line}`))
  if (report.storedOrders !== report.expectedOrders || report.missingOrderIds.length > 0 || report.unexpectedOrderIds.length > 0) {
    problems.push(
      `staging holds ${report.storedOrders} orders under FINAL, the simulator ${report.expectedOrders} (missing e.g. ${report.missingOrderIds.join(', ') || 'none'}; unexpected e.g. ${report.unexpectedOrderIds.join(', ') || 'none'})`,
    )
  }
  if (report.storedBaskets !== report.expectedBaskets) problems.push(`staging holds ${report.storedBaskets} baskets under FINAL, the simulator ${report.expectedBaskets}`)
  if (report.doubledOrderRows > 0) problems.push(`${report.doubledOrderRows} order rows are stored twice with the same version`)
  if (report.doubledBasketRows > 0) problems.push(`${report.doubledBasketRows} basket rows are stored twice with the same version`)
  return problems
}

async function doubledRows(sink: Sink, table: string, key: string, tenant: string): Promise<number> {
  const [row] = await rowsOf<{ n: string | number }>(
    sink,
    `SELECT count() - uniqExact(${key}) AS n FROM {db}.${table} WHERE tenant = {tenant:String}`,
    { tenant },
  )
  return Number(row?.n ?? 0)
}
