import { describe, expect, test } from 'vitest'
import type { QticketsError } from '../errors'
import { interpretAnswer, type RawAnswer } from './interpret'

const request = { method: 'GET', path: '/orders' }
const JSON_TYPE = 'application/json'

function failure(answer: Partial<RawAnswer>): QticketsError {
  try {
    interpretAnswer({ status: 200, contentType: JSON_TYPE, text: '', retryAfter: null, ...answer }, request, ['secret-token'])
  } catch (error) {
    return error as QticketsError
  }
  throw new Error('expected a failure')
}

describe('interpretAnswer', () => {
  test('parses a JSON 200', () => {
    const answer = { status: 200, contentType: JSON_TYPE, text: '{"data":[]}', retryAfter: null }
    expect(interpretAnswer(answer, request, [])).toEqual({ data: [] })
  })

  test.each([
    [403, JSON_TYPE, '{"error":"Wrong authorization","status":403}', 'auth', undefined],
    [404, JSON_TYPE, '{"error":"Resource \\"Order\\" not found","status":404,"code":"RESOURCE_NOT_FOUND"}', 'not_found', 'RESOURCE_NOT_FOUND'],
    [404, 'text/html; charset=UTF-8', '<html></html>', 'unknown_route', undefined],
    [408, JSON_TYPE, '{}', 'timeout', undefined],
    [429, JSON_TYPE, '{}', 'rate_limited', undefined],
    [503, JSON_TYPE, '{"error":"Unknown error","status":503,"code":"UNKNOWN_ERROR","info":[]}', 'server', 'UNKNOWN_ERROR'],
    [502, 'text/html', '<html>bad gateway</html>', 'server', undefined],
    [400, JSON_TYPE, '{"error":"bad"}', 'rejected', undefined],
  ])('status %i %s → %s', (status, contentType, text, kind, code) => {
    const error = failure({ status, contentType, text })
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.code).toBe(code)
    expect(error.path).toBe('/orders')
  })

  test('HTML with 200 is an invalid response', () => {
    const error = failure({ status: 200, contentType: 'text/html', text: '<html></html>' })
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('expected JSON, received text/html')
  })

  test('truncated JSON is an invalid response', () => {
    const error = failure({ status: 200, text: '{"data":[{"id":2750101,"uniqid":"ab' })
    expect(error.kind).toBe('invalid_response')
    expect(error.message).toContain('malformed or truncated JSON')
  })

  test('reads Retry-After on 429 and 503', () => {
    expect(failure({ status: 429, text: '{}', retryAfter: '3' }).retryAfterMs).toBe(3000)
    expect(failure({ status: 503, text: '{}', retryAfter: '1' }).retryAfterMs).toBe(1000)
  })

  test('server messages are redacted', () => {
    const text = '{"error":"client anna@example.org with secret-token refused"}'
    const error = failure({ status: 400, text })
    expect(error.message).toBe('GET /orders → 400: client [email] with [secret] refused')
  })
})
