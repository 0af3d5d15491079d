import { createQticketsClient, nodeHttpFetch, type FetchLike, type QticketsClient, type QticketsClientOptions } from '@zakaz/qtickets-sdk'
import type { TenantConfig } from '../config/types.js'
import { createLimiter } from './limiter.js'

/** Overrides for a tenant's client (tests and benchmarks: a wrapped fetch, retry and breaker settings). */
export type TenantClientOverrides = Partial<Omit<QticketsClientOptions, 'token' | 'baseUrl' | 'timeZone'>>

/**
 * The SDK client of one tenant: its token, base URL and filter zone, its own circuit breaker, and a fetch bounded to
 * `tenant.concurrency` requests in flight, shared by every request made with that token.
 */
export function createTenantClient(tenant: Pick<TenantConfig, 'token' | 'baseUrl' | 'timeZone' | 'concurrency'>, overrides: TenantClientOverrides = {}): QticketsClient {
  return createQticketsClient({
    ...overrides,
    token: tenant.token,
    baseUrl: tenant.baseUrl,
    timeZone: tenant.timeZone,
    fetch: limitFetch(overrides.fetch ?? nodeHttpFetch, tenant.concurrency),
  })
}

/** A fetch that lets at most `concurrency` requests run at once. */
export function limitFetch(fetch: FetchLike, concurrency: number): FetchLike {
  const limit = createLimiter(Math.max(1, concurrency))
  return (input, init) => limit(() => fetch(input, init))
}
