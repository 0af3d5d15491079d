import { createQticketsClient, nodeHttpFetch, type FetchLike, type QticketsClient, type QticketsClientOptions } from '@zakaz/qtickets-sdk'
import type { ApiClientSettings, TenantConfig } from '../config/types.js'
import { createLimiter } from './limiter.js'

/** Overrides for a tenant's client (tests and benchmarks: a wrapped fetch, retry and breaker settings). */
export type TenantClientOverrides = Partial<Omit<QticketsClientOptions, 'token' | 'baseUrl' | 'timeZone'>>

/**
 * The SDK client of one tenant: its token, base URL and filter zone, its own circuit breaker, and a fetch bounded to
 * `tenant.concurrency` requests in flight, shared by every request made with that token. The tenant's `client` settings
 * (`QTICKETS_RETRY_ATTEMPTS`, `QTICKETS_BREAKER_FAILURES`…) apply first; `overrides` win over them field by field.
 */
export function createTenantClient(
  tenant: Pick<TenantConfig, 'token' | 'baseUrl' | 'timeZone' | 'concurrency' | 'client'>,
  overrides: TenantClientOverrides = {},
): QticketsClient {
  const configured = apiClientOptions(tenant.client ?? {})
  return createQticketsClient({
    ...configured,
    ...overrides,
    retry: mergeSettings(configured.retry, overrides.retry),
    breaker: mergeSettings(configured.breaker, overrides.breaker),
    token: tenant.token,
    baseUrl: tenant.baseUrl,
    timeZone: tenant.timeZone,
    fetch: limitFetch(overrides.fetch ?? nodeHttpFetch, tenant.concurrency),
  })
}

/** The SDK options of a tenant's client settings; a setting left out keeps the SDK's default. */
export function apiClientOptions(settings: ApiClientSettings): Pick<QticketsClientOptions, 'retry' | 'breaker' | 'timeoutMs'> {
  const options: Pick<QticketsClientOptions, 'retry' | 'breaker' | 'timeoutMs'> = {}
  if (settings.retryAttempts !== undefined) options.retry = { maxAttempts: settings.retryAttempts }
  if (settings.breakerFailures !== undefined || settings.breakerHalfOpenSeconds !== undefined) {
    options.breaker = {
      ...(settings.breakerFailures === undefined ? {} : { failures: settings.breakerFailures }),
      ...(settings.breakerHalfOpenSeconds === undefined ? {} : { halfOpenAfterMs: settings.breakerHalfOpenSeconds * 1000 }),
    }
  }
  if (settings.requestTimeoutSeconds !== undefined) options.timeoutMs = settings.requestTimeoutSeconds * 1000
  return options
}

/** A tenant's retry or breaker settings with an override on top: `false` turns it off, an object wins field by field. */
function mergeSettings<T extends object>(configured: T | false | undefined, override: T | false | undefined): T | false | undefined {
  if (override && configured) return { ...configured, ...override }
  return override ?? configured
}

/** A fetch that lets at most `concurrency` requests run at once. */
export function limitFetch(fetch: FetchLike, concurrency: number): FetchLike {
  const limit = createLimiter(Math.max(1, concurrency))
  return (input, init) => limit(() => fetch(input, init))
}
