import { describe, expect, it } from 'vitest'
import { redactSecretPatterns } from './redact-secret-patterns.js'

describe('redactSecretPatterns', () => {
  it('redacts authorization headers and bearer tokens in text and in JSON text', () => {
    expect(redactSecretPatterns('Authorization: Bearer abc.def-123')).toBe('Authorization: [redacted]')
    expect(redactSecretPatterns('{"authorization":"Basic dXNlcjpwYXNz","accept":"json"}')).toBe(
      '{"authorization":"[redacted]","accept":"json"}',
    )
    expect(redactSecretPatterns('sent bearer eyJhbGciOi.x.y to api')).toBe('sent bearer [redacted] to api')
  })

  it('redacts assignments of secret-named variables and fields', () => {
    expect(redactSecretPatterns('QTICKETS_TOKEN=abc123 LOG_LEVEL=debug')).toBe('QTICKETS_TOKEN=[redacted] LOG_LEVEL=debug')
    expect(redactSecretPatterns('{"password": "hunter22", "user": "loader"}')).toBe('{"password": "[redacted]", "user": "loader"}')
    expect(redactSecretPatterns("pii_hash_key: 'k3y-value'")).toBe("pii_hash_key: '[redacted]'")
  })

  it('redacts URL passwords and keeps messages that merely mention secrets', () => {
    expect(redactSecretPatterns('GET http://u:pw@host:8123/?x=1')).toBe('GET http://u:[redacted]@host:8123/?x=1')
    expect(redactSecretPatterns('QTICKETS_TOKEN is empty')).toBe('QTICKETS_TOKEN is empty')
  })

  it('is idempotent', () => {
    const once = redactSecretPatterns('token=abc Authorization: Bearer x http://a:b@c')
    expect(redactSecretPatterns(once)).toBe(once)
  })
})
