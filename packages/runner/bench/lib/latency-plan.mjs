// The backfills of the latency experiment. Pure.

/**
 * One backfill per setup, each against a fresh simulator of the same organisation whose every answer waits the
 * experiment's latency (except the first setup, the zero-latency reference). Orders are read by keyset pagination
 * (`id > last id`: each page needs the previous page's last id), so one window is one request after another; the
 * backfill reads `concurrency` windows at a time. Its wall time under latency is therefore about
 * (windows + orders / page size) × latency / concurrency: page size, window length and concurrency all matter.
 * The last three setups load the inventory of every upcoming show (`shows/{id}/seats`, independent per-show requests
 * under the same per-token bound), over the range's last day only (to keep the orders part small).
 */
export function latencySetups() {
  const base = { pageSize: null, concurrency: null, windowDays: null, inventory: false, latency: true }
  return [
    { ...base, name: 'defaults, no added latency', latency: false },
    { ...base, name: 'defaults' },
    { ...base, name: 'page size 100', pageSize: 100 },
    { ...base, name: 'page size 1000', pageSize: 1000 },
    { ...base, name: 'concurrency 1', concurrency: 1 },
    { ...base, name: 'concurrency 4', concurrency: 4 },
    { ...base, name: 'page size 1000, concurrency 4', pageSize: 1000, concurrency: 4 },
    { ...base, name: '7-day windows', windowDays: 7 },
    { ...base, name: 'inventory, concurrency 1', concurrency: 1, inventory: true },
    { ...base, name: 'inventory, defaults', inventory: true },
    { ...base, name: 'inventory, concurrency 4', concurrency: 4, inventory: true },
  ]
}

/** The CLI arguments of a setup's backfill over `range` (inventory setups: the range's last day only). */
export function backfillArgs(setup, range) {
  const from = setup.inventory ? range.to : range.from
  return [
    'backfill', '--from', from, '--to', range.to, '--json',
    ...(setup.windowDays !== null ? ['--window-days', String(setup.windowDays)] : []),
    ...(setup.inventory ? ['--resource', 'inventory'] : []),
  ]
}

/** The last `days` Moscow calendar dates up to the simulated now (`startMs`). */
export function recentRange(startMs, days) {
  const moscowDate = (ms) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10)
  return { from: moscowDate(startMs - (days - 1) * 86_400_000), to: moscowDate(startMs) }
}
