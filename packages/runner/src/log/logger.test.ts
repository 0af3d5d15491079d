import { describe, expect, it } from 'vitest'
import { createLogger, type TextSink } from './logger.js'
import { createRedactor } from './redactor.js'

function memorySink(): TextSink & { lines: () => string[]; text: () => string } {
  let text = ''
  return { write: (chunk: string) => (text += chunk), lines: () => text.split('\n').filter(Boolean), text: () => text }
}

const now = () => new Date('2025-11-03T18:03:51.123Z')

describe('createLogger', () => {
  it('writes JSON lines with time, level, msg and child context', () => {
    const sink = memorySink()
    const root = createLogger({ sink, now, context: { run_id: 'r1' } })
    root.child({ tenant: 'acme' }).child({ resource: 'orders' }).info('page loaded', { rows: 50 })
    expect(sink.lines().map((line) => JSON.parse(line))).toEqual([
      { time: '2025-11-03T18:03:51.123Z', level: 'info', msg: 'page loaded', run_id: 'r1', tenant: 'acme', resource: 'orders', rows: 50 },
    ])
  })

  it('filters by level, and setLevel on a child changes the whole family', () => {
    const sink = memorySink()
    const root = createLogger({ sink, now, level: 'warn' })
    const child = root.child({ tenant: 'acme' })
    child.info('hidden')
    child.warn('shown')
    child.setLevel('debug')
    root.debug('now shown')
    expect(sink.lines().map((line) => JSON.parse(line).msg)).toEqual(['shown', 'now shown'])
    expect(root.enabled('debug')).toBe(true)
  })

  it('does not let fields overwrite time, level or msg', () => {
    const sink = memorySink()
    createLogger({ sink, now }).info('real', { msg: 'fake', level: 'fake' })
    expect(JSON.parse(sink.text())).toMatchObject({ msg: 'real', level: 'info', field_msg: 'fake', field_level: 'fake' })
  })

  it('writes human-readable lines in pretty format', () => {
    const sink = memorySink()
    createLogger({ sink, now, format: 'pretty' }).child({ tenant: 'acme' }).warn('retrying', { attempt: 2 })
    expect(sink.text()).toBe('18:03:51.123 WARN  retrying tenant=acme attempt=2\n')
  })

  describe('redaction at debug level', () => {
    const token = 'qt-9f8e7d6c5b4a3f2e1d'
    const partnersToken = 'pt-0a1b2c3d4e5f'
    const chPassword = 'ch-Pa55-w0rd'
    const piiKey = 'pii-hmac-key-0123456789abcdef'
    const secrets = [token, partnersToken, chPassword, piiKey]

    function logEverything(format: 'json' | 'pretty'): string {
      const sink = memorySink()
      const logger = createLogger({ sink, now, format, level: 'debug', redactor: createRedactor(secrets) })
      const error = new Error(`403 for token ${token}`)
      error.stack = `Error: 403 for token ${token}\n    at request (sdk.ts:1:1) headers=Bearer ${token}`
      logger.debug('request failed', { err: error })
      logger.debug('request', { request: { method: 'GET', headers: { Authorization: `Bearer ${token}`, 'X-Partner': partnersToken } } })
      logger.debug(`connecting to http://loader:${chPassword}@ch.internal:8123/?database=zakaz`)
      logger.debug('connecting', { url: `https://loader:${chPassword}@ch.internal:8443`, note: `PII_HASH_KEY=${piiKey}` })
      logger.info('buyer ivan.petrov@example.com called from +7 (999) 123-45-67', { contact: 'ivan.petrov@example.com, 89991234567' })
      logger.warn('hash key loaded', { detail: `key is ${piiKey}` })
      return sink.text()
    }

    for (const format of ['json', 'pretty'] as const) {
      it(`no secret or personal data reaches the ${format} output`, () => {
        const output = logEverything(format)
        for (const secret of secrets) expect(output).not.toContain(secret)
        for (const pii of ['ivan.petrov', 'example.com', '123-45-67', '89991234567']) expect(output).not.toContain(pii)
        expect(output).toContain('[redacted]')
        expect(output).toContain('[email]')
        expect(output).toContain('[phone]')
        expect(output).toContain('ch.internal:8123')
        expect(output).toContain('at request (sdk.ts:1:1)')
      })
    }

    it('redacts authorization headers and URL passwords even without known secrets', () => {
      const sink = memorySink()
      const logger = createLogger({ sink, now, level: 'debug' })
      logger.debug('GET', { headers: { authorization: 'Bearer unknown-token-value' }, raw: 'Authorization: Bearer unknown-token-value' })
      logger.debug('url', { url: 'https://user:unknown-password@host/x' })
      expect(sink.text()).not.toContain('unknown-token-value')
      expect(sink.text()).not.toContain('unknown-password')
    })
  })
})
