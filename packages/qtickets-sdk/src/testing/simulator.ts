/**
 * `createSimulator`: a deterministic QTickets organisation (or several) behind one pure request
 * handler, with a clock, fault injection, explicit mutations and ground truth.
 */
import { createClock, type SimulatorClock } from './clock'
import { Faults, type FaultHandle, type FaultSpec, type OutageOptions } from './faults'
import { handleRequest, type RecordedRequest } from './handler'
import { DEFAULT_START, DEFAULT_TENANT, type SimulatorOptions, type TenantOptions } from './options'
import { seedToInt } from './prng'
import type { SimRequest } from './request'
import type { SimResponse } from './responses'
import { buildTenant } from './tenant'
import { TenantRuntime } from './tenant-runtime'
import { EARLIEST_MS, formatMoscow, toEpochMs } from './time'
import { dailySales, inventory, tenantStats, type DailySalesRow, type InventoryRow, type SimulatorStats } from './truth'

/** The fault-injection controls of a simulator. */
export interface SimulatorFaults {
  /** Adds a fault (see FaultSpec) and returns a handle with counters and `remove()`. */
  add(spec: FaultSpec): FaultHandle
  /** A 503 storm on matching requests, for `requests` requests or until removed/cleared. */
  outage(options?: OutageOptions): FaultHandle
  /** Removes every fault. */
  clear(): void
  /** The registered faults with their counters. */
  list(): ReadonlyArray<{ id: number; spec: FaultSpec; seen: number; fired: number }>
}

/** Explicit changes, stamped with the clock's current time (they bump `updated_at`). */
export interface SimulatorMutations {
  /** Refunds baskets of a paid order (all live baskets by default); `deductionShare` 0…1 is kept back. */
  refund(orderId: number, options?: { basketIds?: number[]; deductionShare?: number }): void
  /** Cancels a whole order (paid or not): order and baskets get `deleted_at`. */
  cancel(orderId: number): void
  /** Cancels some baskets of an order. */
  deleteBaskets(orderId: number, basketIds: number[]): void
}

/** A short description of one tenant's world. */
export interface TenantDescription {
  name: string
  token: string
  partnersToken: string | null
  /** Id of order index 0; order ids are consecutive from here. */
  firstOrderId: number
  /** Orders that will exist once the clock reaches the horizon. */
  ordersAtHorizon: number
  events: Array<{
    id: number
    name: string
    city: string
    timezone: string
    deleted: boolean
    shows: Array<{ id: number; startsAt: string }>
  }>
}

/** A simulated QTickets service. */
export interface Simulator {
  /** Answers one request (never waits; see SimResponse.transport for transport faults). */
  handle(request: SimRequest): SimResponse
  readonly clock: SimulatorClock
  readonly faults: SimulatorFaults
  readonly mutate: SimulatorMutations
  /** Every request handled, oldest first (bounded by `maxRecordedRequests`). */
  readonly requests: RecordedRequest[]
  /** Forgets the recorded requests. */
  clearRequests(): void
  /** Expected daily sales at the current time (qtickets-api.md §10), sorted by tenant, date, event. */
  expectedDailySales(options?: { reportTimeZone?: string; tenant?: string }): DailySalesRow[]
  /** Expected inventory per show and zone at the current time. */
  expectedInventory(options?: { tenant?: string }): InventoryRow[]
  /** Counts at the current time, summed over the selected tenants. */
  stats(options?: { tenant?: string }): SimulatorStats
  /** Tenants, their events, shows and id ranges. */
  describe(): TenantDescription[]
}

function validateTenants(tenants: readonly TenantOptions[]): void {
  if (tenants.length === 0) throw new Error('createSimulator: tenants must not be empty')
  const names = new Set<string>()
  const tokens = new Set<string>()
  tenants.forEach((t, n) => {
    if (!t.name) throw new Error(`createSimulator: tenants[${n}].name must be a non-empty string`)
    if (!t.token) throw new Error(`createSimulator: tenants[${n}] (${t.name}) needs a non-empty token`)
    if (names.has(t.name)) throw new Error(`createSimulator: duplicate tenant name "${t.name}"`)
    if (tokens.has(t.token)) throw new Error(`createSimulator: tenants[${n}] (${t.name}) reuses another tenant's token`)
    if (t.orders !== undefined && (!Number.isInteger(t.orders) || t.orders < 0 || t.orders >= 5_000_000)) {
      throw new Error(`createSimulator: tenants[${n}].orders must be an integer from 0 to 4999999, got ${t.orders}`)
    }
    names.add(t.name)
    tokens.add(t.token)
  })
}

function merge(rows: SimulatorStats[]): SimulatorStats {
  const total = { ...(rows[0] as SimulatorStats) }
  for (const row of rows.slice(1)) for (const key of Object.keys(total) as Array<keyof SimulatorStats>) total[key] += row[key]
  return total
}

/** Creates a simulator. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const tenantOptions = options.tenants ?? [DEFAULT_TENANT]
  validateTenants(tenantOptions)
  const seed = seedToInt(options.seed ?? 1)
  const startMs = Math.floor(toEpochMs(options.start ?? DEFAULT_START, 'createSimulator: start') / 1000) * 1000
  if (startMs < EARLIEST_MS) throw new Error(`createSimulator: start must be 2015 or later, got ${formatMoscow(startMs)}`)
  const settings = { seed, startMs, historyDays: options.historyDays ?? 90, horizonDays: options.horizonDays ?? 120 }
  const runtimes = tenantOptions.map((t, n) => new TenantRuntime(buildTenant(n, t, settings)))
  const faults = new Faults(seed)
  const requests: RecordedRequest[] = []
  let seq = 0
  const clock = createClock(startMs, (ms) => runtimes.reduce((n, rt) => n + rt.visibleOrders(ms), 0), () => {
    for (const rt of runtimes) rt.queryCache.clear()
  })
  const select = (tenant: string | undefined) => {
    if (tenant === undefined) return runtimes
    const found = runtimes.filter((rt) => rt.tenant.name === tenant)
    if (found.length === 0) throw new Error(`simulator: unknown tenant "${tenant}"`)
    return found
  }
  const locate = (orderId: number) => {
    for (const rt of runtimes) {
      const i = rt.indexOfOrderId(orderId)
      if (i !== null && i < rt.visibleOrders(clock.nowMs())) return { rt, i, state: rt.state(i, clock.nowMs()) }
    }
    throw new Error(`simulator.mutate: order ${orderId} does not exist at ${clock.nowIso()}`)
  }
  const deps = { runtimes, faults, nowMs: clock.nowMs, maxPerPage: options.maxPerPage ?? 1000, maxRecorded: options.maxRecordedRequests ?? 100_000, requests, nextSeq: () => ++seq }
  const mutate: SimulatorMutations = {
    refund(orderId, opts = {}) {
      const { rt, i, state } = locate(orderId)
      if (!state.payed || state.deletedMs !== null) throw new Error(`simulator.mutate.refund: order ${orderId} is not a paid, live order`)
      const share = opts.deductionShare ?? 0
      if (!(share >= 0 && share <= 1)) throw new Error(`simulator.mutate.refund: deductionShare must be within 0…1, got ${share}`)
      rt.addChange(i, { atMs: clock.nowMs(), kind: 'refund', basketIds: opts.basketIds ?? null, deductionShare: share })
    },
    cancel(orderId) {
      const { rt, i, state } = locate(orderId)
      if (state.deletedMs !== null) throw new Error(`simulator.mutate.cancel: order ${orderId} is already cancelled`)
      rt.addChange(i, { atMs: clock.nowMs(), kind: 'cancel', basketIds: null, deductionShare: 0 })
    },
    deleteBaskets(orderId, basketIds) {
      const { rt, i, state } = locate(orderId)
      const unknown = basketIds.filter((id) => !state.baskets.some((b) => b.core.id === id))
      if (unknown.length > 0) throw new Error(`simulator.mutate.deleteBaskets: order ${orderId} has no basket ${unknown.join(', ')}`)
      rt.addChange(i, { atMs: clock.nowMs(), kind: 'deleteBaskets', basketIds, deductionShare: 0 })
    },
  }
  return {
    handle: (request) => handleRequest(deps, request),
    clock,
    faults: {
      add: (spec) => faults.add(spec),
      outage: (opts) => faults.outage(opts),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    mutate,
    requests,
    clearRequests: () => {
      requests.length = 0
    },
    expectedDailySales: (opts = {}) => select(opts.tenant).flatMap((rt) => dailySales(rt, clock.nowMs(), opts.reportTimeZone ?? 'Europe/Moscow')),
    expectedInventory: (opts = {}) => select(opts.tenant).flatMap((rt) => inventory(rt, clock.nowMs())),
    stats: (opts = {}) => merge(select(opts.tenant).map((rt) => tenantStats(rt, clock.nowMs()))),
    describe: () => runtimes.map(({ tenant }) => ({
      name: tenant.name,
      token: tenant.token,
      partnersToken: tenant.partnersToken ?? null,
      firstOrderId: tenant.ids.order,
      ordersAtHorizon: tenant.timeline.totalOrders,
      events: tenant.allEvents.map((e) => ({
        id: e.id,
        name: e.name,
        city: e.city.name,
        timezone: e.city.timezone,
        deleted: e.deleted,
        shows: e.shows.map((s) => ({ id: s.id, startsAt: formatMoscow(s.startMs) })),
      })),
    })),
  }
}
