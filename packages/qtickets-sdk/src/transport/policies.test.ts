import { describe, expect, test } from 'vitest'
import { QticketsRateLimitedError, QticketsServerError } from '../errors'
import { DEFAULT_RETRY, retryDelay } from './policies'

const request = { method: 'GET', path: '/orders' }

describe('retryDelay', () => {
  test('grows exponentially with jitter between half and full delay, capped', () => {
    const error = new QticketsServerError('x', request, { status: 500 })
    expect(retryDelay(DEFAULT_RETRY, 1, error, () => 0)).toBe(125)
    expect(retryDelay(DEFAULT_RETRY, 1, error, () => 1)).toBe(250)
    expect(retryDelay(DEFAULT_RETRY, 3, error, () => 1)).toBe(1000)
    expect(retryDelay(DEFAULT_RETRY, 20, error, () => 1)).toBe(10_000)
  })

  test('honours Retry-After up to the cap', () => {
    const soon = new QticketsRateLimitedError('x', request, { status: 429, retryAfterMs: 2000 })
    const late = new QticketsRateLimitedError('x', request, { status: 429, retryAfterMs: 120_000 })
    expect(retryDelay(DEFAULT_RETRY, 1, soon)).toBe(2000)
    expect(retryDelay(DEFAULT_RETRY, 1, late)).toBe(30_000)
  })
})
