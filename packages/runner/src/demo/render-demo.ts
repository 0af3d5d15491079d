import { formatDuration } from '../util/format-duration.js'
import { describeMismatch } from './compare-facts.js'
import type { DemoResult } from './run-demo.js'
import { groupDigits, textTable } from './text-table.js'

/** How to look at the demo's data afterwards: a `qtickets-load sql` command on the demo database (fully qualified names). */
export function exploreCommand(database: string, dataDirPrefix: string): string {
  return `${dataDirPrefix}pnpm qtickets-load sql "SELECT sales_date, event_name, city, tickets, revenue FROM ${database}.v_qtickets_sales_dashboard ORDER BY sales_date DESC, revenue DESC LIMIT 10"`
}

/** `status` (and any command) on the demo's data needs its database: `CLICKHOUSE_DATABASE=qtickets_demo pnpm qtickets-load status`. */
export function demoStatusCommand(database: string, dataDirPrefix: string): string {
  return `${dataDirPrefix}CLICKHOUSE_DATABASE=${database} pnpm qtickets-load status`
}

/** The demo's report as text: what was loaded, sales by day and event, refunds, inventory, runs, the check and what to try next. */
export function renderDemo(result: DemoResult, explore: { sql: string; status: string }): string {
  const { report } = result
  const sections = [
    `QTickets → ClickHouse demo: ${groupDigits(report.catalogue.orders)} orders over ${result.days} days, ${describeEvents(report)}`,
    `simulated clock ${clockRange(result)} (Moscow): a backfill, then ${result.steps.length - 1} incremental runs while the clock moves`,
    `loaded into ${result.database} (embedded ClickHouse in ${result.dataDir}) in ${formatDuration(result.elapsedMs)}`,
    '',
    'Sales by day (last 7 days with sales; payment date, Moscow)',
    textTable(
      [['day', 'orders', 'tickets', 'revenue, RUB', 'refunded', 'refunded, RUB'], ...report.salesByDay.map((d) => [d.day, String(d.orders), String(d.tickets), groupDigits(d.revenue), String(d.refundedTickets), groupDigits(d.refundedRevenue)])],
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    'Sales by event (whole history)',
    textTable(
      [['event', 'city', 'first show (local)', 'tickets', 'revenue, RUB', 'refunded'], ...report.salesByEvent.map((e) => [e.name, e.city, e.firstShow, String(e.tickets), groupDigits(e.revenue), String(e.refundedTickets)])],
      ['left', 'left', 'left', 'right', 'right', 'right'],
    ),
    '',
    `Refunds: ${groupDigits(report.refunds.tickets)} tickets, ${groupDigits(report.refunds.revenue)} RUB; cancelled paid orders: ${groupDigits(report.refunds.cancelledOrders)}`,
    '',
    'Inventory of upcoming shows (latest snapshot)',
    report.inventory.length === 0
      ? '  (no upcoming shows)'
      : textTable(
          [['show', 'event', 'city', 'starts (local)', 'capacity', 'sold', 'reserved', 'free'], ...report.inventory.map((s) => [String(s.showId), s.event, s.city, s.starts, String(s.capacity), String(s.sold), String(s.reserved), String(s.free)])],
          ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right'],
        ),
    '',
    'Runs (meta_job_runs, oldest first)',
    textTable([['job', 'status', 'simulated clock', 'orders read', 'orders written', 'days recomputed', 'changes before it', 'took'], ...runRows(result)], [
      'left',
      'left',
      'left',
      'right',
      'right',
      'right',
      'left',
      'right',
    ]),
    "  changes before it: refunds and cancellations of old orders the demo made in the simulator (besides the simulator's own)",
    '',
    ...checkLines(result),
    '',
    `Explore: ${explore.sql}`,
    `Status:  ${explore.status}`,
    `         (the demo's data is dated in the simulator's past, so status calls it stale and exits 3: expected here)`,
  ]
  return sections.join('\n')
}

/** `7 events in 5 cities (6 with sales, 1 cancelled)`: the events loaded into dim_events, and what became of them. */
function describeEvents(report: DemoResult['report']): string {
  const { events, cancelledEvents, cities } = report.catalogue
  const withSales = report.salesByEvent.length
  const others = Math.max(0, events - withSales - cancelledEvents)
  const parts = [`${withSales} with sales`, cancelledEvents > 0 ? `${cancelledEvents} cancelled` : '', others > 0 ? `${others} without sales yet` : ''].filter(Boolean)
  return `${events} events in ${cities} ${cities === 1 ? 'city' : 'cities'} (${parts.join(', ')})`
}

/** `2025-11-16 21:30 → 2025-11-17 16:00`: the simulated time of the first and the last step. */
function clockRange(result: DemoResult): string {
  const wall = (iso: string | undefined) => (iso ?? '').slice(0, 16).replace('T', ' ')
  return `${wall(result.steps[0]?.clock)} → ${wall(result.steps.at(-1)?.clock)}`
}

/** The stored run records, with what each step read and changed. */
function runRows(result: DemoResult): string[][] {
  return [...result.report.runs].reverse().map((run) => {
    const step = result.steps.find((candidate) => candidate.result.runId === run.runId)
    const afterSales = step?.afterSales ? describeAfterSales(step.afterSales) : run.job === 'backfill' ? `${result.days} days of history` : ''
    return [
      run.job,
      run.status,
      step?.clock.slice(0, 16).replace('T', ' ') ?? '',
      String(step?.result.rowsRead.orders ?? ''),
      String(run.rowsByResource.orders ?? 0),
      String(step?.result.recomputedDays.length ?? ''),
      afterSales,
      step ? formatDuration(step.result.durationMs) : '',
    ]
  })
}

function describeAfterSales({ refunded, cancelled }: { refunded: number; cancelled: number }): string {
  return `${refunded} refund${refunded === 1 ? '' : 's'}, ${cancelled} cancel${cancelled === 1 ? '' : 's'}`
}

function checkLines(result: DemoResult): string[] {
  const { facts, inventory } = result
  const lines: string[] = []
  if (facts.mismatches.length === 0) {
    lines.push(`facts equal the simulator's ground truth: ${groupDigits(facts.cells)} cells, ${groupDigits(facts.tickets)} tickets, ${groupDigits(facts.revenue)} RUB`)
  } else {
    lines.push(`MISMATCH: ${facts.mismatches.length} of ${facts.cells} (day, event) cells differ from the simulator's ground truth:`)
    lines.push(...facts.mismatches.slice(0, 20).map((mismatch) => `  ${describeMismatch(mismatch)}`))
    if (facts.mismatches.length > 20) lines.push(`  … and ${facts.mismatches.length - 20} more`)
  }
  lines.push(
    inventory.differing.length === 0
      ? `inventory equals the simulator's for all ${inventory.shows} snapshotted shows`
      : `MISMATCH: inventory differs for shows ${inventory.differing.join(', ')}`,
  )
  return lines
}
