import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadDotenv } from './load-dotenv.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('dotenv-')
afterAll(() => temp.removeAll())

describe('loadDotenv', () => {
  it('fills unset variables from .env and never overrides set ones', () => {
    const cwd = temp.make()
    writeFileSync(join(cwd, '.env'), 'QTICKETS_TOKEN=from-file\nLOG_LEVEL=debug\nCLICKHOUSE_USER=file-user\n')
    const env = { QTICKETS_TOKEN: 'from-env', CLICKHOUSE_USER: '' }
    const result = loadDotenv({ env, cwd })
    expect(result.env).toEqual({ QTICKETS_TOKEN: 'from-env', CLICKHOUSE_USER: '', LOG_LEVEL: 'debug' })
    expect(result.applied).toEqual(['LOG_LEVEL'])
    expect(result.path).toBe(join(cwd, '.env'))
    expect(env).toEqual({ QTICKETS_TOKEN: 'from-env', CLICKHOUSE_USER: '' })
  })

  it('returns the environment unchanged when there is no .env file', () => {
    const cwd = temp.make()
    const env = { A: '1' }
    expect(loadDotenv({ env, cwd })).toEqual({ env, applied: [] })
  })
})
