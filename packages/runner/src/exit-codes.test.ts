import { describe, expect, it } from 'vitest'
import { EXIT_CODE_MEANINGS, ExitCode } from './exit-codes.js'

describe('ExitCode', () => {
  it('gives every code a distinct value and a documented meaning', () => {
    const values = Object.values(ExitCode)
    expect(new Set(values).size).toBe(values.length)
    expect(Object.keys(EXIT_CODE_MEANINGS).map(Number).sort((a, b) => a - b)).toEqual([...values].sort((a, b) => a - b))
  })

  it('keeps the codes scripts and schedulers rely on', () => {
    expect(ExitCode).toMatchObject({ OK: 0, RUN_ERROR: 1, PARTIAL: 2, UNHEALTHY: 3, USAGE: 64, DATA_ERROR: 65, UNAVAILABLE: 69, INTERNAL: 70, LOCK_HELD: 75, CONFIG: 78 })
  })
})
