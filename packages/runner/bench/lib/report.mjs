// The bench's printed report: tables of sizes, latency runs, targets and deltas. Pure: returns text.
import { formatChange, formatFixed, formatInt, formatMarkdownTable, formatRatio, formatSeconds, formatTable } from './format.mjs'

/** Columns of the per-size table. */
export const SIZE_COLUMNS = [
  { key: 'orders', title: 'orders (sim)' },
  { key: 'loaded', title: 'orders loaded' },
  { key: 'tickets', title: 'tickets' },
  { key: 'ordersPerSecond', title: 'orders/s' },
  { key: 'ticketsPerSecond', title: 'tickets/s' },
  { key: 'wall', title: 'wall s' },
  { key: 'cpu', title: 'CPU s' },
  { key: 'rss', title: 'peak RSS MB' },
  { key: 'floorFetch', title: 'floor a s' },
  { key: 'floorInsert', title: 'floor b s' },
  { key: 'ratio', title: 'ratio' },
]

/** One formatted row per size. */
export function sizeRows(sizes) {
  return sizes.map((s) => ({
    orders: formatInt(s.orders),
    loaded: formatInt(s.ordersLoaded),
    tickets: formatInt(s.tickets),
    ordersPerSecond: formatInt(s.ordersPerSecond),
    ticketsPerSecond: formatInt(s.ticketsPerSecond),
    wall: formatSeconds(s.wallSeconds),
    cpu: formatSeconds(s.cpuSeconds),
    rss: formatInt(s.peakRssMB),
    floorFetch: formatSeconds(s.floorFetchSeconds),
    floorInsert: formatSeconds(s.floorInsertSeconds),
    ratio: formatRatio(s.floorRatio),
  }))
}

/** Columns of the latency table. */
export const LATENCY_COLUMNS = [
  { key: 'name', title: 'backfill' },
  { key: 'pageSize', title: 'page size' },
  { key: 'windowDays', title: 'window days' },
  { key: 'concurrency', title: 'concurrency' },
  { key: 'latency', title: 'latency ms' },
  { key: 'requests', title: 'requests' },
  { key: 'orders', title: 'orders' },
  { key: 'wall', title: 'wall s' },
  { key: 'vsDefault', title: 'vs defaults' },
]

/** One formatted row per latency run; `vs defaults` compares with the run of the same kind (orders, or inventory) on defaults. */
export function latencyRows(latency) {
  const isDefault = (run) => run.concurrency === 2 && run.pageSize === 500 && run.windowDays === 1 && run.latencyMs !== 0
  const reference = (run) => latency.runs.find((other) => other.inventory === run.inventory && isDefault(other))
  return latency.runs.map((run) => {
    const base = reference(run)
    return {
      name: run.name,
      pageSize: formatInt(run.pageSize),
      windowDays: formatInt(run.windowDays),
      concurrency: formatInt(run.concurrency),
      latency: formatInt(run.latencyMs ?? latency.latencyMs),
      requests: formatInt(run.requests),
      orders: formatInt(run.orders),
      wall: formatSeconds(run.wallSeconds),
      vsDefault: base && base !== run ? formatRatio(run.wallSeconds / base.wallSeconds) : '',
    }
  })
}

/** One line per target verdict, e.g. `met     1 000 000 orders: end-to-end / floor: 1.21× (target ≤ 1.5×)`. */
export function targetLines(verdicts) {
  return verdicts.map((v) => `${(v.met === null ? 'n/a' : v.met ? 'met' : 'MISSED').padEnd(6)}  ${v.name}: ${formatRatio(v.value)} (target ${v.target})`)
}

const DELTA_COLUMNS = [
  { key: 'orders', title: 'orders (sim)' },
  { key: 'label', title: 'figure' },
  { key: 'previous', title: 'previous' },
  { key: 'current', title: 'now' },
  { key: 'change', title: 'change' },
  { key: 'verdict', title: '', align: 'left' },
]

function formatFigure(metric, value) {
  if (metric === 'floorRatio') return formatRatio(value)
  if (metric === 'wallSeconds' || metric === 'cpuSeconds') return formatSeconds(value)
  return formatInt(value)
}

/** The delta table against the previous results (changes under `noise` are marked as noise). */
export function deltaTable(deltas, { noise = 0.05 } = {}) {
  if (deltas.length === 0) return '(no previous figures for these sizes)'
  return formatTable(
    DELTA_COLUMNS,
    deltas.map((d) => ({
      orders: formatInt(d.orders),
      label: d.label,
      previous: formatFigure(d.metric, d.previous),
      current: formatFigure(d.metric, d.current),
      change: formatChange(d.change),
      verdict: Math.abs(d.change) < noise ? 'noise' : d.better ? 'better' : 'worse',
    })),
  )
}

/** The size table as text (`markdown` for the docs). */
export function sizeTable(sizes, { markdown = false } = {}) {
  return (markdown ? formatMarkdownTable : formatTable)(SIZE_COLUMNS, sizeRows(sizes))
}

/** The latency table as text (`markdown` for the docs). */
export function latencyTable(latency, { markdown = false } = {}) {
  return (markdown ? formatMarkdownTable : formatTable)(LATENCY_COLUMNS, latencyRows(latency))
}

/** A profile summary as text: the categories, then the hottest functions. */
export function profileText(summary) {
  const categories = formatTable(
    [{ key: 'name', title: 'where (self time, main thread)' }, { key: 'ms', title: 'ms' }, { key: 'share', title: 'share' }],
    summary.categories.map((c) => ({ name: c.name, ms: formatInt(c.ms), share: `${formatFixed(c.share * 100, 1)} %` })),
  )
  const functions = formatTable(
    [{ key: 'name', title: 'hottest functions' }, { key: 'location', title: 'location', align: 'left' }, { key: 'ms', title: 'ms' }, { key: 'share', title: 'share' }],
    summary.functions.map((f) => ({ name: f.name, location: f.location, ms: formatInt(f.ms), share: `${formatFixed(f.share * 100, 1)} %` })),
  )
  return `${categories}\n\n${functions}`
}

/** The engine's time per kind of statement (from sql-timing-preload.mjs), with its share of the loader's wall time. */
export function sqlTimingsText(timings, wallSeconds) {
  const totalMs = timings.reduce((sum, t) => sum + t.ms, 0)
  const rows = timings.map((t) => ({
    kind: t.kind,
    count: formatInt(t.count),
    seconds: formatSeconds(t.ms / 1000),
    each: formatFixed(t.ms / t.count, 1),
    share: `${formatFixed((t.ms / 1000 / wallSeconds) * 100, 1)} %`,
  }))
  rows.push({ kind: 'all statements', count: formatInt(timings.reduce((n, t) => n + t.count, 0)), seconds: formatSeconds(totalMs / 1000), each: '', share: `${formatFixed((totalMs / 1000 / wallSeconds) * 100, 1)} %` })
  return formatTable(
    [{ key: 'kind', title: 'ClickHouse statements (embedded engine)' }, { key: 'count', title: 'count' }, { key: 'seconds', title: 'total s' }, { key: 'each', title: 'ms each' }, { key: 'share', title: 'of wall' }],
    rows,
  )
}
