/**
 * MSW helpers for the SDK tests.
 *
 * Reading a GET body: MSW intercepts `node:http`, but the Fetch `Request` it hands to handlers
 * cannot carry a body for GET (`await request.text()` is `""`). The raw body is available through
 * `getClientRequestBodyStream(request)` from `@mswjs/interceptors/utils/node`, provided that package
 * resolves to the same copy msw uses (the stream is stored under a module-private symbol) — hence the
 * devDependency `@mswjs/interceptors@^0.41` matching msw 2.15.
 */
import { readFileSync } from 'node:fs'
import { getClientRequestBodyStream } from '@mswjs/interceptors/utils/node'
import { HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/** REST base URL used by the tests. */
export const REST_BASE = 'https://qtickets.test/api/rest/v1'
/** Partners base URL used by the tests. */
export const PARTNERS_BASE = 'https://qtickets.test/api/partners/v1'
/** A token that must never show up in errors, messages or events. */
export const TOKEN = 'tok-SECRET-9f8e7d6c5b4a-never-log'

const FIXTURES = new URL('../../../fixtures/qtickets/', import.meta.url)

/** A fixture file's exact text. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8')
}

/** A fixture file's exact bytes. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(name, FIXTURES))
}

/** A fixture file parsed as JSON. */
export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T
}

/** One request seen by the mock server. */
export interface SeenRequest {
  method: string
  url: string
  headers: Record<string, string>
}

/** Starts an MSW server for the file (unhandled requests are errors) and records every request. */
export function startMockApi() {
  const server = setupServer()
  const seen: SeenRequest[] = []
  server.events.on('request:start', ({ request }) => {
    seen.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers) })
  })
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    seen.length = 0
  })
  afterAll(() => server.close())
  return { server, seen }
}

/** The raw body of an intercepted request, GET included. */
export async function readBody(request: Request): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of getClientRequestBodyStream(request)) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The JSON body of an intercepted request (`undefined` when there is none). */
export async function readJsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  const text = await readBody(request)
  return text ? (JSON.parse(text) as Record<string, unknown>) : undefined
}

/** A JSON answer with the API's content type (`application/json`, no charset). */
export function jsonAnswer(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): HttpResponse<string> {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new HttpResponse(text, {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json', ...init.headers },
  })
}

/** Fast retry/breaker settings for tests. */
export const FAST = {
  retry: { initialDelayMs: 1, maxDelayMs: 4, maxAttempts: 4, deadlineMs: 10_000 },
  breaker: { failures: 50, halfOpenAfterMs: 50 },
  timeoutMs: 2_000,
} as const

/** Resolves after `ms` (for breaker half-open waits, never for assertions on time). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
