import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDotenv } from './load-dotenv.js'

describe('loadDotenv', () => {
  it('fills unset variables from .env and never overrides set ones', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dotenv-'))
    writeFileSync(join(cwd, '.env'), 'QTICKETS_TOKEN=from-file\nLOG_LEVEL=debug\nCLICKHOUSE_USER=file-user\n')
    const env = { QTICKETS_TOKEN: 'from-env', CLICKHOUSE_USER: '' }
    const result = loadDotenv({ env, cwd })
    expect(result.env).toEqual({ QTICKETS_TOKEN: 'from-env', CLICKHOUSE_USER: '', LOG_LEVEL: 'debug' })
    expect(result.applied).toEqual(['LOG_LEVEL'])
    expect(result.path).toBe(join(cwd, '.env'))
    expect(env).toEqual({ QTICKETS_TOKEN: 'from-env', CLICKHOUSE_USER: '' })
  })

  it('returns the environment unchanged when there is no .env file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dotenv-'))
    const env = { A: '1' }
    expect(loadDotenv({ env, cwd })).toEqual({ env, applied: [] })
  })
})
