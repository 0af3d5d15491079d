// Figures derived from the measurements, the targets, the delta against the previous results JSON, and the
// merge that keeps the results file complete. Pure: no I/O.
import { formatInt } from './format.mjs'

/** Format version of the results JSON. */
export const RESULTS_SCHEMA = 1

/** The targets: end-to-end at most 1.5× the floor, peak RSS of the largest size under 1.5× the smallest. */
export const TARGETS = { maxFloorRatio: 1.5, maxRssRatio: 1.5 }

/** Compared between runs: the figure's key, its label, and whether a higher value is better. */
export const COMPARED_METRICS = [
  { key: 'ordersPerSecond', label: 'orders/s', higherIsBetter: true },
  { key: 'ticketsPerSecond', label: 'tickets/s', higherIsBetter: true },
  { key: 'wallSeconds', label: 'wall s', higherIsBetter: false },
  { key: 'cpuSeconds', label: 'CPU s', higherIsBetter: false },
  { key: 'peakRssMB', label: 'peak RSS MB', higherIsBetter: false },
  { key: 'floorRatio', label: 'ratio to floor', higherIsBetter: false },
]

function divide(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null
}

/** Adds the derived figures (throughput, floor, ratio) to one size's measurements. */
export function deriveSizeFigures(m) {
  const floorSeconds = Number.isFinite(m.floorFetchSeconds) && Number.isFinite(m.floorInsertSeconds) ? m.floorFetchSeconds + m.floorInsertSeconds : null
  return {
    ...m,
    ordersPerSecond: divide(m.ordersLoaded, m.wallSeconds),
    ticketsPerSecond: divide(m.tickets, m.wallSeconds),
    floorSeconds,
    floorRatio: divide(m.wallSeconds, floorSeconds),
  }
}

/** Peak RSS of the largest size over the smallest (1M / 10k by default); null with fewer than two sizes. */
export function rssRatio(sizes) {
  const measured = sizes.filter((s) => Number.isFinite(s.peakRssMB)).sort((a, b) => a.orders - b.orders)
  if (measured.length < 2) return null
  const small = measured[0]
  const large = measured[measured.length - 1]
  return { fromOrders: small.orders, toOrders: large.orders, value: divide(large.peakRssMB, small.peakRssMB) }
}

/** One verdict per target: `{ name, target, value, met }` (`met` is null when the value is missing). Printed, never asserted. */
export function evaluateTargets(sizes, targets = TARGETS) {
  const verdicts = sizes.map((s) => ({
    name: `${formatInt(s.orders)} orders: end-to-end / floor`,
    target: `≤ ${targets.maxFloorRatio}×`,
    value: s.floorRatio ?? null,
    met: Number.isFinite(s.floorRatio) ? s.floorRatio <= targets.maxFloorRatio : null,
  }))
  const rss = rssRatio(sizes)
  if (rss) {
    verdicts.push({
      name: `peak RSS ${formatInt(rss.toOrders)} / ${formatInt(rss.fromOrders)} orders`,
      target: `< ${targets.maxRssRatio}×`,
      value: rss.value,
      met: Number.isFinite(rss.value) ? rss.value < targets.maxRssRatio : null,
    })
  }
  return verdicts
}

/** Relative change from `previous` to `current` (0.1 = +10 %); null when either is missing or previous is 0. */
export function relativeChange(previous, current) {
  if (!Number.isFinite(previous) || !Number.isFinite(current) || previous === 0) return null
  return (current - previous) / Math.abs(previous)
}

/**
 * The change of every compared metric of every size measured now that the previous results also hold:
 * `[{ orders, metric, label, previous, current, change, better }]` (`better` is null when unchanged or unknown).
 */
export function computeDeltas(previous, current) {
  const before = new Map((previous?.sizes ?? []).map((s) => [s.orders, s]))
  const deltas = []
  for (const now of current.sizes ?? []) {
    const old = before.get(now.orders)
    if (!old) continue
    for (const metric of COMPARED_METRICS) {
      const change = relativeChange(old[metric.key], now[metric.key])
      if (change === null) continue
      deltas.push({
        orders: now.orders,
        metric: metric.key,
        label: metric.label,
        previous: old[metric.key],
        current: now[metric.key],
        change,
        better: change === 0 ? null : (change > 0) === metric.higherIsBetter,
      })
    }
  }
  return deltas
}

/** Wall-time changes of the latency runs measured now and before, matched by name (same orders and latency only). */
export function computeLatencyDeltas(previous, current) {
  const key = (run) => run.name
  const before = new Map((previous?.latency?.runs ?? []).map((run) => [key(run), run]))
  const sameSetup = previous?.latency && current.latency && previous.latency.orders === current.latency.orders && previous.latency.days === current.latency.days && previous.latency.latencyMs === current.latency.latencyMs
  if (!sameSetup) return []
  return (current.latency?.runs ?? []).flatMap((run) => {
    const old = before.get(key(run))
    const change = old ? relativeChange(old.wallSeconds, run.wallSeconds) : null
    return change === null ? [] : [{ name: run.name, previous: old.wallSeconds, current: run.wallSeconds, change }]
  })
}

/**
 * The results file to write: this run's sizes replace the previous entries of the same sizes, other sizes are
 * kept (each entry carries its own `recordedAt`), and the fixed cost and latency sections are kept when this run did
 * not measure them.
 */
export function mergeResults(previous, current) {
  const bySize = new Map((previous?.sizes ?? []).map((s) => [s.orders, s]))
  for (const s of current.sizes ?? []) bySize.set(s.orders, s)
  const sizes = [...bySize.values()].sort((a, b) => a.orders - b.orders)
  return {
    ...current,
    schema: RESULTS_SCHEMA,
    sizes,
    rssRatio: rssRatio(sizes),
    targets: evaluateTargets(sizes),
    fixedCost: current.fixedCost ?? previous?.fixedCost ?? null,
    latency: current.latency ?? previous?.latency ?? null,
  }
}

/** A copy of `value` with every non-integer number rounded to `decimals` places (keeps the results JSON readable). */
export function roundNumbers(value, decimals = 3) {
  if (typeof value === 'number') return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toFixed(decimals))
  if (Array.isArray(value)) return value.map((item) => roundNumbers(item, decimals))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, roundNumbers(item, decimals)]))
  return value
}
