import { randomUUID } from 'node:crypto'
import type { Sink } from '@zakaz/clickhouse-sink'
import { Temporal, type QticketsClient, type QticketsEvent } from '@zakaz/qtickets-sdk'
import type { ClockStep, Simulator } from '@zakaz/qtickets-sdk/testing'
import { syncTenant } from '../../../src/sync/sync-tenant.js'
import { createTenantClient, type TenantClientOverrides } from '../../../src/sync/tenant-client.js'
import type { TenantRunResult } from '../../../src/sync/types.js'
import { memoryLogger, type SimHarness } from '../../support/harness.js'

/** Retries short enough for tests (the waits still happen for real). */
export const FAST_RETRY = { initialDelayMs: 5, maxDelayMs: 20 } as const

/** The SDK client of a simulator tenant as the runner builds it (`createTenantClient`), with test overrides. */
export function apiClient(harness: SimHarness, token: string, overrides: TenantClientOverrides = {}): QticketsClient {
  return createTenantClient({ token, baseUrl: harness.restUrl, timeZone: 'Europe/Moscow', concurrency: 2 }, { retry: FAST_RETRY, ...overrides })
}

/** What one in-process run did and said. */
export interface SyncOutcome {
  result: TenantRunResult
  /** Every SDK event of the run's client. */
  events: QticketsEvent[]
  /** The run's JSON log records (debug level). */
  logs: Array<Record<string, unknown>>
}

/** Options of `syncOnce`. */
export interface SyncOnceOptions {
  harness: SimHarness
  sink: Sink
  tenant: string
  token: string
  /** Client overrides (retry, breaker, timeouts). */
  client?: TenantClientOverrides
  /** Records per page (small pages give several pages per window). */
  pageSize?: number
}

/** One incremental `syncTenant` run at the simulator's now, with a fresh client (so a fresh breaker), as `run` does. */
export async function syncOnce(options: SyncOnceOptions): Promise<SyncOutcome> {
  const client = apiClient(options.harness, options.token, options.client)
  const events: QticketsEvent[] = []
  for (const type of ['request', 'retry', 'breaker', 'page'] as const) client.on(type, (event) => void events.push(event))
  const log = memoryLogger('debug')
  const result = await syncTenant({
    tenant: { name: options.tenant, concurrency: 2 },
    sink: options.sink,
    client,
    logger: log.logger,
    runId: randomUUID(),
    now: new Date(options.harness.sim.clock.nowMs()),
    pageSize: options.pageSize ?? 50,
    window: { lagMinutes: 10, initialDays: 60 },
  })
  return { result, events, logs: log.records() }
}

/**
 * Moves the simulator's clock off a moment that no run at `now` can see completely. A run reads `updated_at` in
 * `[cursor − lag, now)`: a change stamped exactly `now` is left to the next run (which re-reads from `now − lag`), and
 * the simulator even shows a payment from `payed_at` on while stamping `updated_at` a few seconds later, i.e. in the
 * future. `expectedDailySales()` already counts both, so the invariant could not hold right after such a run. This
 * nudges the clock by 5 s until no order of any tenant has `updated_at ≥ now`, and returns how many nudges it took.
 */
export function settleClock(sim: Simulator): number {
  for (let nudges = 0; nudges < 24; nudges++) {
    if (!sim.describe().some((tenant) => hasOrderUpdatedAfterNow(sim, tenant.token))) return nudges
    sim.clock.advance({ seconds: 5 })
  }
  throw new Error(`the simulator keeps showing orders updated at or after ${sim.clock.nowIso()}`)
}

/** Advances the simulator's clock, then `settleClock`; returns the nudges. */
export function advanceClock(sim: Simulator, step: ClockStep): number {
  sim.clock.advance(step)
  return settleClock(sim)
}

function hasOrderUpdatedAfterNow(sim: Simulator, token: string): boolean {
  const body = Buffer.from(JSON.stringify({ where: [{ column: 'updated_at', operator: '>=', value: sim.clock.nowIso() }], perPage: 1 }))
  const answer = sim.handle({ method: 'GET', url: '/api/rest/v1/orders', headers: { authorization: `Bearer ${token}` }, body })
  return (JSON.parse(answer.body) as { data?: unknown[] }).data?.length !== 0
}

/** The simulator's now as the cursor a completed run stores (an ISO instant). */
export function cursorAtNow(sim: Simulator): string {
  return Temporal.Instant.fromEpochMilliseconds(sim.clock.nowMs()).toString()
}

/** Requests the simulator answered on a route prefix since `since` (an index into `sim.requests`). */
export function requestsTo(sim: Simulator, route: string, since = 0): number {
  return sim.requests.slice(since).filter((request) => routeOf(request.path) === route || routeOf(request.path).startsWith(`${route}/`)).length
}

function routeOf(path: string): string {
  return path.replace(/^\/api\/rest\/v1\//, '')
}
