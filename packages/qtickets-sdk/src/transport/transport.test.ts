import { inspect } from 'node:util'
import { HttpResponse, delay, http } from 'msw'
import { describe, expect, test } from 'vitest'
import { FAST, REST_BASE, TOKEN, fixtureJson, fixtureText, jsonAnswer, sleep, startMockApi } from '../../test/msw'
import { createQticketsClient, type QticketsClientOptions } from '../client'
import { QticketsError, type QticketsErrorKind } from '../errors'
import type { QticketsEvent } from '../events'

const { server, seen } = startMockApi()
const ORDERS = `${REST_BASE}/orders`

const methodsSeen = new Set<string>()
server.events.on('request:start', ({ request }) => void methodsSeen.add(request.method))
const errorsSeen: unknown[] = []
const eventsSeen: QticketsEvent[] = []

function makeClient(extra: Partial<QticketsClientOptions> = {}) {
  return createQticketsClient({
    token: TOKEN,
    baseUrl: REST_BASE,
    ...FAST,
    onEvent: (event) => eventsSeen.push(event),
    ...extra,
  })
}

async function failure(promise: Promise<unknown>): Promise<QticketsError> {
  try {
    await promise
  } catch (error) {
    errorsSeen.push(error)
    if (error instanceof QticketsError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

function always(response: () => Response | Promise<Response>) {
  server.use(http.get(ORDERS, response), http.get(`${ORDERS}/:id`, response))
}

function sequence(...responses: Array<() => Response>) {
  let index = 0
  server.use(http.get(ORDERS, () => (responses[Math.min(index++, responses.length - 1)] as () => Response)()))
}

const ok = () => jsonAnswer(fixtureJson('orders.page2.json'))

describe('error kinds', () => {
  test.each<[string, () => Response, QticketsErrorKind, number | undefined, string | undefined]>([
    ['403', () => jsonAnswer(fixtureText('errors/403.json'), { status: 403 }), 'auth', 403, undefined],
    ['JSON 404', () => jsonAnswer(fixtureText('errors/404-resource-not-found.json'), { status: 404 }), 'not_found', 404, 'RESOURCE_NOT_FOUND'],
    [
      'HTML 404',
      () => new HttpResponse(fixtureText('errors/404-unknown-route.html'), { status: 404, headers: { 'content-type': 'text/html; charset=UTF-8' } }),
      'unknown_route',
      404,
      undefined,
    ],
    ['truncated JSON', () => jsonAnswer(fixtureText('orders.page1.json').slice(0, 5000)), 'invalid_response', 200, undefined],
    [
      'HTML with 200',
      () => new HttpResponse('<html><body>maintenance</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      'invalid_response',
      200,
      undefined,
    ],
    ['400', () => jsonAnswer({ error: 'Bad request', status: 400 }, { status: 400 }), 'rejected', 400, undefined],
  ])('%s → %s, sent once (never retried)', async (_name, response, kind, status, code) => {
    always(response)
    const error = await failure(makeClient().orders.get(2799999))
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.code).toBe(code)
    expect(error.method).toBe('GET')
    expect(error.path).toBe('/orders/2799999')
    expect(seen).toHaveLength(1)
  })

  test('503 UNKNOWN_ERROR → server with its code, retried only maxAttempts503 times', async () => {
    always(() => jsonAnswer(fixtureText('errors/503-unknown-error.json'), { status: 503 }))
    const error = await failure(makeClient({ retry: { ...FAST.retry, maxAttempts: 6, maxAttempts503: 3 } }).orders.list())
    expect(error).toMatchObject({ kind: 'server', status: 503, code: 'UNKNOWN_ERROR', path: '/orders' })
    expect(error.message).toBe('GET /orders → 503 UNKNOWN_ERROR: Unknown error')
    expect(seen).toHaveLength(3)
  })

  test('503 defaults to two attempts', async () => {
    always(() => jsonAnswer(fixtureText('errors/503-unknown-error.json'), { status: 503 }))
    await failure(makeClient().orders.list())
    expect(seen).toHaveLength(2)
  })

  test('a wrong field type in one record names the resource, the id and the path, not the value', async () => {
    const page = fixtureJson<{ data: Array<{ id: number; baskets: Array<Record<string, unknown>> }> }>('orders.page1.json')
    const target = page.data.find((order) => order.id === 2750112)
    if (!target?.baskets[1]) throw new Error('fixture changed')
    target.baskets[1].price = 'one thousand five hundred'
    always(() => jsonAnswer(page))
    const error = await failure(makeClient().orders.list())
    expect(error).toMatchObject({
      kind: 'invalid_response',
      resource: 'orders',
      itemId: 2750112,
      fieldPath: 'baskets.1.price',
      expected: 'number',
      receivedType: 'string',
    })
    expect(error.message).toBe('Invalid orders record 2750112 (GET /orders): field "baskets.1.price" expected number, received string')
    expect(error.message).not.toContain('one thousand')
    expect(seen).toHaveLength(1)
  })

  test('a timestamp without an offset is rejected with its path', async () => {
    const page = fixtureJson<{ data: Array<Record<string, unknown>> }>('orders.page2.json')
    ;(page.data[0] as Record<string, unknown>).payed_at = '2025-11-15T00:20:05'
    always(() => jsonAnswer(page))
    const error = await failure(makeClient().orders.list())
    expect(error).toMatchObject({ kind: 'invalid_response', itemId: 2750145, fieldPath: 'payed_at', receivedType: 'string' })
    expect(error.message).toContain('expected a timestamp with a UTC offset')
  })
})

describe('retries', () => {
  test('429 with Retry-After waits what the server asked, then succeeds', async () => {
    sequence(() => jsonAnswer({ error: 'Too many requests', status: 429 }, { status: 429, headers: { 'retry-after': '1' } }), ok)
    const events: QticketsEvent[] = []
    const page = await makeClient({ onEvent: (event) => events.push(event) }).orders.list()
    expect(page.items).toHaveLength(5)
    expect(seen).toHaveLength(2)
    expect(events.filter((event) => event.type === 'retry')).toEqual([
      { type: 'retry', method: 'GET', path: '/orders', attempt: 2, delayMs: 1000, errorKind: 'rate_limited', status: 429 },
    ])
  })

  test('Retry-After is capped by maxRetryAfterMs', async () => {
    sequence(() => jsonAnswer({}, { status: 429, headers: { 'retry-after': '3600' } }), ok)
    const delays: number[] = []
    const client = makeClient({ retry: { ...FAST.retry, maxRetryAfterMs: 5 } })
    client.on('retry', (event) => delays.push(event.delayMs))
    await client.orders.list()
    expect(delays).toEqual([5])
  })

  test('a Retry-After beyond the deadline is not waited for: rate_limited with retryAfterMs', async () => {
    always(() => jsonAnswer({}, { status: 429, headers: { 'retry-after': '120' } }))
    const error = await failure(makeClient({ retry: { ...FAST.retry, deadlineMs: 1000, maxRetryAfterMs: 300_000 } }).orders.list())
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 120_000 })
    expect(seen).toHaveLength(1)
  })

  test('5xx is retried up to maxAttempts', async () => {
    always(() => jsonAnswer({ error: 'oops', status: 500 }, { status: 500 }))
    const error = await failure(makeClient().orders.list())
    expect(error.kind).toBe('server')
    expect(seen).toHaveLength(4)
  })

  test('a transient 502 then success', async () => {
    sequence(() => new HttpResponse('bad gateway', { status: 502, headers: { 'content-type': 'text/html' } }), ok)
    const retries: QticketsEvent[] = []
    const client = makeClient()
    client.on('retry', (event) => retries.push(event))
    expect((await client.orders.list()).items).toHaveLength(5)
    expect(seen).toHaveLength(2)
    expect(retries).toMatchObject([{ attempt: 2, errorKind: 'server', status: 502 }])
  })

  test('408 and 425 are retried', async () => {
    sequence(() => jsonAnswer({}, { status: 408 }), () => jsonAnswer({}, { status: 425 }), ok)
    await makeClient().orders.list()
    expect(seen).toHaveLength(3)
  })

  test('network errors are retried, then reported as network', async () => {
    always(() => HttpResponse.error())
    const error = await failure(makeClient().orders.list())
    expect(error.kind).toBe('network')
    expect(error.status).toBeUndefined()
    expect(seen).toHaveLength(4)
  })

  test('a slow answer is a timeout and is retried', async () => {
    always(async () => {
      await delay(500)
      return ok()
    })
    const error = await failure(makeClient({ timeoutMs: 20, retry: { ...FAST.retry, maxAttempts: 2 } }).orders.list())
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe('GET /orders: no answer within 20 ms')
    expect(seen).toHaveLength(2)
  })

  test('retry: false sends once', async () => {
    always(() => jsonAnswer({}, { status: 500 }))
    await failure(makeClient({ retry: false }).orders.list())
    expect(seen).toHaveLength(1)
  })

  test('request events report every attempt with its outcome', async () => {
    sequence(() => jsonAnswer({}, { status: 500 }), ok)
    const requests: QticketsEvent[] = []
    const client = makeClient()
    client.on('request', (event) => requests.push(event))
    await client.orders.list()
    expect(requests.map((event) => (event.type === 'request' ? [event.attempt, event.status, event.errorKind] : []))).toEqual([
      [1, 500, 'server'],
      [2, 200, undefined],
    ])
  })
})

describe('circuit breaker', () => {
  test('opens after N consecutive failures, fails fast without a request, closes after a good probe', async () => {
    let healthy = false
    always(() => (healthy ? ok() : jsonAnswer({}, { status: 500 })))
    const states: string[] = []
    const client = makeClient({ retry: false, breaker: { failures: 3, halfOpenAfterMs: 40 } })
    client.on('breaker', (event) => states.push(event.state))

    for (let i = 0; i < 3; i++) expect((await failure(client.orders.list())).kind).toBe('server')
    expect(states).toEqual(['open'])
    expect(client.breakerState()).toBe('open')

    const fast = await failure(client.orders.list())
    expect(fast.kind).toBe('circuit_open')
    expect(fast.path).toBe('/orders')
    expect(seen).toHaveLength(3)

    await sleep(60)
    healthy = true
    expect((await client.orders.list()).items).toHaveLength(5)
    expect(seen).toHaveLength(4)
    expect(states).toEqual(['open', 'half_open', 'closed'])
    expect(client.breakerState()).toBe('closed')
  })

  test('a failed probe opens the breaker again', async () => {
    always(() => jsonAnswer({}, { status: 503 }))
    const client = makeClient({ retry: false, breaker: { failures: 1, halfOpenAfterMs: 20 } })
    await failure(client.orders.list())
    await sleep(30)
    expect((await failure(client.orders.list())).kind).toBe('server')
    expect((await failure(client.orders.list())).kind).toBe('circuit_open')
    expect(seen).toHaveLength(2)
  })

  test('client errors (403, 404) do not open the breaker', async () => {
    always(() => jsonAnswer(fixtureText('errors/403.json'), { status: 403 }))
    const client = makeClient({ retry: false, breaker: { failures: 2, halfOpenAfterMs: 10_000 } })
    for (let i = 0; i < 4; i++) expect((await failure(client.orders.list())).kind).toBe('auth')
    expect(client.breakerState()).toBe('closed')
    expect(seen).toHaveLength(4)
  })

  test('when the breaker opens during retries, the call stops with circuit_open', async () => {
    always(() => jsonAnswer({}, { status: 500 }))
    const client = makeClient({ breaker: { failures: 2, halfOpenAfterMs: 10_000 } })
    expect((await failure(client.orders.list())).kind).toBe('circuit_open')
    expect(seen).toHaveLength(2)
  })
})

describe('secrets', () => {
  test('no request in this file used anything but GET', () => {
    expect([...methodsSeen]).toEqual(['GET'])
  })

  test('the token appears in no error, message, stack or event of this file', () => {
    expect(errorsSeen.length).toBeGreaterThan(15)
    expect(eventsSeen.length).toBeGreaterThan(15)
    for (const error of errorsSeen) {
      const text = [JSON.stringify(error), String(error), (error as Error).stack, inspect(error, { depth: 10, showHidden: true })].join('\n')
      expect(text).not.toContain(TOKEN)
      expect(text).not.toContain('Bearer')
    }
    expect(JSON.stringify(eventsSeen)).not.toContain(TOKEN)
  })
})
