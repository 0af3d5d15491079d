import { describe, expect, it } from 'vitest'
import { createPiiHasher, normalizeEmail, normalizePhone } from './pii'
import type { SinkLogger } from './logger'

describe('normalisation', () => {
  it('trims and lower-cases e-mails', () => {
    expect(normalizeEmail('  Anna.Primerova@Example.ORG ')).toBe('anna.primerova@example.org')
    expect(normalizeEmail('   ')).toBeNull()
    expect(normalizeEmail(null)).toBeNull()
  })

  it('reduces phones to digits with the country code', () => {
    expect(normalizePhone('+7 (000) 000-01-01')).toBe('70000000101')
    expect(normalizePhone('8 900 123-45-67')).toBe('79001234567')
    expect(normalizePhone('9001234567')).toBe('79001234567')
    expect(normalizePhone('+49 30 1234567')).toBe('49301234567')
    expect(normalizePhone('')).toBeNull()
    expect(normalizePhone(undefined)).toBeNull()
  })
})

describe('createPiiHasher', () => {
  it('hashes the same person to the same HMAC whatever the formatting, and never to the clear value', () => {
    const pii = createPiiHasher('pepper-1')
    const hash = pii.email('anna.primerova@example.org')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(pii.email(' ANNA.primerova@example.org')).toBe(hash)
    expect(pii.phone('+70000000101')).toBe(pii.phone('8 (000) 000-01-01'))
    expect(pii.phone('+70000000101')).not.toContain('70000000101')
    expect(pii.email('')).toBeNull()
    expect(pii.enabled).toBe(true)
  })

  it('depends on the key (a keyed hash, not a plain digest)', () => {
    expect(createPiiHasher('pepper-1').email('a@example.org')).not.toBe(createPiiHasher('pepper-2').email('a@example.org'))
  })

  it('matches the published HMAC-SHA256 test vector', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?" (already lower-case and trimmed).
    expect(createPiiHasher('Jefe').email('what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })

  it('without a key returns null for everything and warns once, naming no value', () => {
    const warnings: string[] = []
    const logger: SinkLogger = { warn: (message) => warnings.push(message) }
    const pii = createPiiHasher(undefined, logger)
    expect(pii.enabled).toBe(false)
    expect(pii.email('anna.primerova@example.org')).toBeNull()
    expect(pii.phone('+70000000101')).toBeNull()
    expect(pii.email('x@example.org')).toBeNull()
    expect(warnings).toEqual(['PII_HASH_KEY is not set: e-mail and phone hashes are stored as null'])
  })
})
