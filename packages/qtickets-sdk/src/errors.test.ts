import { describe, expect, test } from 'vitest'
import {
  InvalidResponseError,
  QticketsAuthError,
  QticketsCircuitOpenError,
  QticketsError,
  QticketsNetworkError,
  QticketsRateLimitedError,
  isQticketsError,
} from './errors'

const request = { method: 'GET', path: '/orders' }

describe('errors', () => {
  test('every class is a QticketsError with a literal kind and its own name', () => {
    const error = new QticketsAuthError('GET /orders → 403', request, { status: 403 })
    expect(error).toBeInstanceOf(QticketsError)
    expect(error).toBeInstanceOf(Error)
    expect(isQticketsError(error)).toBe(true)
    expect(isQticketsError(new Error('x'))).toBe(false)
    expect(error.kind).toBe('auth')
    expect(error.name).toBe('QticketsAuthError')
    expect(new QticketsCircuitOpenError('open', request).kind).toBe('circuit_open')
  })

  test('toJSON and JSON.stringify give the structured fields for logs', () => {
    const error = new QticketsRateLimitedError('GET /orders → 429', request, { status: 429, retryAfterMs: 2000 })
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'QticketsRateLimitedError',
      kind: 'rate_limited',
      message: 'GET /orders → 429',
      method: 'GET',
      path: '/orders',
      status: 429,
      retryAfterMs: 2000,
    })
  })

  test('invalid responses carry where the schema failed', () => {
    const details = { resource: 'orders', itemId: 1, fieldPath: 'baskets.0.price', expected: 'number', receivedType: 'string' }
    const error = new InvalidResponseError('bad', request, details)
    expect(error.toJSON()).toMatchObject({ kind: 'invalid_response', ...details })
  })

  test('network errors keep the system code only', () => {
    const error = new QticketsNetworkError('GET /orders: network error (ECONNRESET)', request, 'ECONNRESET')
    expect(error).toMatchObject({ kind: 'network', causeCode: 'ECONNRESET' })
    expect(error.cause).toBeUndefined()
  })
})
