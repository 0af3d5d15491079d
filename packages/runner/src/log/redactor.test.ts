import { describe, expect, it } from 'vitest'
import { createRedactor } from './redactor.js'

const TOKEN = 'qt_live_9f8e7d6c5b4a'

describe('createRedactor', () => {
  it('replaces known secrets anywhere, including their URL-encoded form', () => {
    const redactor = createRedactor([TOKEN, 'p@ss word!', undefined, ''])
    expect(redactor.redactString(`token ${TOKEN} leaked`)).toBe('token [redacted] leaked')
    expect(redactor.redactString('q=p%40ss%20word!')).toBe('q=[redacted]')
    expect(redactor.redactString(`a${TOKEN}b`)).toBe('a[redacted]b')
  })

  it('accepts secrets added later', () => {
    const redactor = createRedactor()
    expect(redactor.redactString(`x ${TOKEN}`)).toBe(`x ${TOKEN}`)
    redactor.addSecrets([TOKEN])
    expect(redactor.redactString(`x ${TOKEN}`)).toBe('x [redacted]')
  })

  it('ignores secrets too short to match safely', () => {
    expect(createRedactor(['ab']).redactString('tables and labels')).toBe('tables and labels')
  })

  it('redacts fields by name, keeps names of environment variables and ordinary fields', () => {
    const redactor = createRedactor()
    const value = {
      token: 'whatever',
      apiKey: 'k',
      headers: new Headers({ Authorization: 'Bearer abc', accept: 'application/json' }),
      clickhouse_password: 'pw',
      tokenEnv: 'ACME_TOKEN',
      buyerEmail: 'someone',
      phone: '123',
      rows: 12,
      nested: [{ secret: 's' }],
    }
    expect(redactor.redactValue(value)).toEqual({
      token: '[redacted]',
      apiKey: '[redacted]',
      headers: { authorization: '[redacted]', accept: 'application/json' },
      clickhouse_password: '[redacted]',
      tokenEnv: 'ACME_TOKEN',
      buyerEmail: '[email]',
      phone: '[phone]',
      rows: 12,
      nested: [{ secret: '[redacted]' }],
    })
  })

  it('serialises errors with their stack and redacts inside them', () => {
    const redactor = createRedactor([TOKEN])
    const error = new Error(`bad token ${TOKEN}`)
    const redacted = redactor.redactValue({ err: error }) as { err: { message: string; stack: string } }
    expect(redacted.err.message).toBe('bad token [redacted]')
    expect(redacted.err.stack).toContain('bad token [redacted]')
    expect(JSON.stringify(redacted)).not.toContain(TOKEN)
  })

  it('cuts cycles, converts dates, bigints and binary data', () => {
    const cyclic: Record<string, unknown> = { when: new Date('2025-11-03T18:03:51Z'), big: 10n, body: new Uint8Array(3) }
    cyclic.self = cyclic
    expect(createRedactor().redactValue(cyclic)).toEqual({
      when: '2025-11-03T18:03:51.000Z',
      big: '10',
      body: '[binary 3 bytes]',
      self: '[circular]',
    })
  })

  it('clips very long strings', () => {
    const text = createRedactor().redactValue('x'.repeat(20_000)) as string
    expect(text.length).toBeLessThan(17_000)
    expect(text).toContain('more chars')
  })
})
