// The backfills of the latency experiment. Pure.

/**
 * One backfill per setup, each against a fresh simulator of the same organisation whose every answer waits the
 * experiment's latency (except the first setup, the zero-latency reference). Orders are read by keyset pagination
 * (`id > last id`: each page needs the previous page's last id), window by window, so their wall time under latency
 * grows by about (windows + orders / page size) × latency: the page size and the window length matter, the
 * concurrency does not. The concurrency bounds the requests in flight per token where requests are independent —
 * per-show reads such as inventory (`shows/{id}/seats`) — so the last three setups also load the inventory of every
 * upcoming show, over the range's last day only (to keep the orders part small).
 */
export function latencySetups() {
  const base = { pageSize: null, concurrency: null, windowDays: null, inventory: false, latency: true }
  return [
    { ...base, name: 'defaults, no added latency', latency: false },
    { ...base, name: 'defaults' },
    { ...base, name: 'page size 100', pageSize: 100 },
    { ...base, name: 'page size 1000', pageSize: 1000 },
    { ...base, name: 'page size 1000, 7-day windows', pageSize: 1000, windowDays: 7 },
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
