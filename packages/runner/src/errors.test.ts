import { describe, expect, it } from 'vitest'
import { ConfigError, exitCodeForError, NotWiredError, UsageError } from './errors.js'
import { LockHeldError } from './lock/lock-held-error.js'

describe('exitCodeForError', () => {
  it('uses the exit code runner errors carry', () => {
    expect(exitCodeForError(new UsageError('bad flag'))).toBe(64)
    expect(exitCodeForError(new ConfigError('QTICKETS_TOKEN is empty'))).toBe(78)
    expect(exitCodeForError(new NotWiredError('run'))).toBe(70)
    expect(exitCodeForError(new LockHeldError({ tenant: 'acme', lockPath: '/x/acme.lock', now: 0 }))).toBe(75)
  })

  it('maps the SDK error kinds by duck typing', () => {
    const sdkError = (kind: string) => Object.assign(new Error(kind), { kind })
    expect(exitCodeForError(sdkError('auth'))).toBe(78)
    expect(exitCodeForError(sdkError('network'))).toBe(69)
    expect(exitCodeForError(sdkError('server'))).toBe(69)
    expect(exitCodeForError(sdkError('circuit_open'))).toBe(69)
    expect(exitCodeForError(sdkError('invalid_response'))).toBe(65)
    expect(exitCodeForError(sdkError('unknown_route'))).toBe(70)
  })

  it('treats anything else as an internal error', () => {
    expect(exitCodeForError(new TypeError('x is undefined'))).toBe(70)
    expect(exitCodeForError('a string')).toBe(70)
  })
})
