import { isQticketsError, type FetchLike } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import { apiClientOptions, createTenantClient } from './tenant-client.js'

const TENANT = { token: 'tenant-client-token-01', baseUrl: 'http://127.0.0.1:9/api/rest/v1', timeZone: 'Europe/Moscow', concurrency: 2 }

/** A fetch answering every request with the API's catch-all 503, counting the requests it saw. */
function failingFetch(): { fetch: FetchLike; calls: () => number } {
  let calls = 0
  const fetch: FetchLike = async () => {
    calls++
    return new Response(JSON.stringify({ error: 'Unknown error', status: 503, code: 'UNKNOWN_ERROR' }), { status: 503, headers: { 'content-type': 'application/json' } })
  }
  return { fetch, calls: () => calls }
}

async function failureKind(work: Promise<unknown>): Promise<string> {
  try {
    await work
  } catch (error) {
    return isQticketsError(error) ? error.kind : 'other'
  }
  return 'none'
}

describe('createTenantClient', () => {
  it("applies the tenant's retry and breaker settings: one attempt per request, the breaker open after two failures", async () => {
    const answers = failingFetch()
    const client = createTenantClient({ ...TENANT, client: { retryAttempts: 1, breakerFailures: 2 } }, { fetch: answers.fetch })
    expect(await failureKind(client.events.list())).toBe('server')
    expect(answers.calls()).toBe(1)
    expect(client.breakerState()).toBe('closed')
    expect(await failureKind(client.events.list())).toBe('server')
    expect(client.breakerState()).toBe('open')
    expect(await failureKind(client.events.list())).toBe('circuit_open')
    expect(answers.calls()).toBe(2)
  })

  it("keeps the SDK's defaults without settings: a 503 is tried twice and five failures are needed to open the breaker", async () => {
    const answers = failingFetch()
    const client = createTenantClient(TENANT, { fetch: answers.fetch, retry: { initialDelayMs: 1, maxDelayMs: 2 } })
    expect(await failureKind(client.events.list())).toBe('server')
    expect(answers.calls()).toBe(2)
    expect(await failureKind(client.events.list())).toBe('server')
    expect(client.breakerState()).toBe('closed')
  })

  it('lets overrides win field by field over the settings', async () => {
    const answers = failingFetch()
    const client = createTenantClient({ ...TENANT, client: { retryAttempts: 1, breakerFailures: 1 } }, { fetch: answers.fetch, breaker: false })
    for (let call = 0; call < 3; call++) expect(await failureKind(client.events.list())).toBe('server')
    expect(answers.calls()).toBe(3)
    expect(client.breakerState()).toBe('closed')
  })
})

describe('apiClientOptions', () => {
  it('turns the settings into SDK options, in the units the SDK takes, and leaves out what is not set', () => {
    expect(apiClientOptions({})).toEqual({})
    expect(apiClientOptions({ retryAttempts: 3, breakerFailures: 4, breakerHalfOpenSeconds: 12, requestTimeoutSeconds: 7 })).toEqual({
      retry: { maxAttempts: 3 },
      breaker: { failures: 4, halfOpenAfterMs: 12_000 },
      timeoutMs: 7_000,
    })
    expect(apiClientOptions({ breakerHalfOpenSeconds: 5 })).toEqual({ breaker: { halfOpenAfterMs: 5_000 } })
  })
})
