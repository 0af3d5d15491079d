import { formatDuration } from '../util/format-duration.js'
import { describeMismatch } from './compare-facts.js'
import type { DemoResult } from './run-demo.js'
import { groupDigits, textTable } from './text-table.js'

/** How to look at the demo's data afterwards: a `qtickets-load sql` command on the demo database (fully qualified names). */
export function exploreCommand(database: string, dataDirPrefix: string): string {
  return `${dataDirPrefix}pnpm qtickets-load sql "SELECT sales_date, event_name, city, tickets, revenue FROM ${database}.v_qtickets_sales_dashboard ORDER BY sales_date DESC, revenue DESC LIMIT 10"`
}

/** The demo's report as text: what was simulated and loaded, sales by day and event, refunds, inventory, runs and the check. */
export function renderDemo(result: DemoResult, explore: string): string {
  const { report, simulated } = result
  const sections = [
    `QTickets → ClickHouse demo: ${groupDigits(simulated.orders)} orders over ${result.days} days, ${simulated.events} events in ${simulated.cities} cities (simulated, now ${simulated.now})`,
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
    textTable([['job', 'status', 'simulated clock', 'orders read', 'orders written', 'days recomputed', 'refunds+cancels', 'took'], ...runRows(result)], [
      'left',
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
    '',
    ...checkLines(result),
    '',
    `Explore: ${explore}`,
  ]
  return sections.join('\n')
}

/** The stored run records, with what each step read and changed. */
function runRows(result: DemoResult): string[][] {
  return [...result.report.runs].reverse().map((run) => {
    const step = result.steps.find((candidate) => candidate.result.runId === run.runId)
    const afterSales = step?.afterSales ? String(step.afterSales.refunded + step.afterSales.cancelled) : ''
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
