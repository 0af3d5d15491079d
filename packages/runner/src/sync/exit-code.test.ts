import { describe, expect, it } from 'vitest'
import { ExitCode } from '../exit-codes.js'
import { exitCodeForFailure, exitCodeForResult, worstExitCode } from './exit-code.js'

describe('exit codes of runs', () => {
  it('ok → 0, partial → 2, error → the code of the failed required resource', () => {
    expect(exitCodeForResult({ status: 'ok', failures: [] })).toBe(0)
    expect(exitCodeForResult({ status: 'partial', failures: [{ resource: 'clients', kind: 'auth', message: '' }] })).toBe(2)
    expect(
      exitCodeForResult({
        status: 'error',
        failures: [
          { resource: 'clients', kind: 'auth', message: '' },
          { resource: 'orders', kind: 'server', status: 503, message: '' },
        ],
      }),
    ).toBe(ExitCode.UNAVAILABLE)
  })

  it('maps failure kinds: SDK kinds as the CLI does, a failed write to 1, an interruption to 130', () => {
    expect(exitCodeForFailure({ kind: 'invalid_response' })).toBe(ExitCode.DATA_ERROR)
    expect(exitCodeForFailure({ kind: 'auth' })).toBe(ExitCode.CONFIG)
    expect(exitCodeForFailure({ kind: 'circuit_open' })).toBe(ExitCode.UNAVAILABLE)
    expect(exitCodeForFailure({ kind: 'sink' })).toBe(ExitCode.RUN_ERROR)
    expect(exitCodeForFailure({ kind: 'aborted' })).toBe(ExitCode.INTERRUPTED)
    expect(exitCodeForFailure({ kind: 'internal' })).toBe(ExitCode.INTERNAL)
    expect(exitCodeForFailure({ kind: 'something-new' })).toBe(ExitCode.RUN_ERROR)
  })

  it('takes the worst code across tenants', () => {
    expect(worstExitCode([])).toBe(0)
    expect(worstExitCode([0, 2, 0])).toBe(2)
    expect(worstExitCode([2, 1, 0])).toBe(1)
    expect(worstExitCode([2, 75])).toBe(75)
    expect(worstExitCode([1, 69, 2])).toBe(69)
    expect(worstExitCode([69, 130])).toBe(130)
  })
})
