import { describe, expect, it } from 'vitest'
import { createRedactor } from './redact'

describe('createRedactor', () => {
  const redact = createRedactor(['123456:AAHsecret-Token_x', 'ab', 'ch-password'])

  it('redacts configured secrets, raw and URL-encoded, and ignores secrets too short to match safely', () => {
    expect(redact('url /bot123456:AAHsecret-Token_x/send and bot123456%3AAAHsecret-Token_x')).toBe(
      'url /bot[redacted]/send and bot[redacted]',
    )
    expect(redact('password ch-password, tab')).toBe('password [redacted], tab')
  })

  it.each([
    ['buyer ivan.petrov+tix@mail.example.ru paid', 'buyer [email] paid'],
    ['call +7 (912) 345-67-89 now', 'call [phone] now'],
    ['call 89123456789', 'call [phone]'],
    ['call 8 912 345 67 89.', 'call [phone].'],
    ['+44 20 7946 0958', '[phone]'],
  ])('hides personal data: %s', (text, expected) => {
    expect(redact(text)).toBe(expected)
  })

  it.each([
    '[qtickets-load] PROBLEM tenant acme: loading is failing since 2025-11-03T09:05:00Z (orders server HTTP 503)',
    'resource promo_codes: 1500 rows in 3 pages, 12 retries',
    'order 12345678 refunded',
  ])('keeps alert text without secrets or personal data unchanged: %s', (text) => {
    expect(redact(text)).toBe(text)
  })
})
