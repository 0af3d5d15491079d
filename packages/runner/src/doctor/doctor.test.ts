import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config/load-config.js'
import { configChecks } from './config-checks.js'
import { renderVerdicts } from './render-verdicts.js'
import { doctorExitCode } from './verdict.js'
import { checkWritableDir } from './writable-dir-check.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('doctor-')
afterAll(() => temp.removeAll())

describe('configChecks', () => {
  it('fails with exit 78 when no tenant is configured, and warns without a PII key', () => {
    const config = loadConfig({ env: {}, cwd: temp.make() })
    const verdicts = configChecks(config)
    expect(verdicts).toContainEqual({
      check: 'tenants',
      status: 'fail',
      detail: expect.stringContaining('QTICKETS_TOKEN is not set'),
      hint: expect.stringMatching(/^export QTICKETS_TOKEN=… \(organiser REST token: cabinet → Settings → Main\), or pass --config tenants\.json/),
      exitCode: 78,
    })
    expect(verdicts).toContainEqual(expect.objectContaining({ check: 'pii hash key', status: 'warn', hint: expect.stringContaining('openssl rand -hex 32') }))
    expect(doctorExitCode(verdicts)).toBe(78)
  })

  it('with a config file of shared settings only, says to set QTICKETS_TOKEN or list tenants in that file', () => {
    const cwd = temp.make()
    writeFileSync(join(cwd, 'settings.json'), JSON.stringify({ lagMinutes: 15 }))
    const verdicts = configChecks(loadConfig({ env: {}, cwd, flags: { config: 'settings.json' } }))
    const tenants = verdicts.find((verdict) => verdict.check === 'tenants')
    expect(tenants).toMatchObject({ status: 'fail', exitCode: 78 })
    expect(tenants?.hint).toMatch(/^export QTICKETS_TOKEN=… .*, or add a "tenants" list to .*settings\.json$/)
  })

  it('describes each tenant without its token', () => {
    const token = 'qt-secret-token-xyz'
    const config = loadConfig({ env: { QTICKETS_TOKEN: token, PII_HASH_KEY: 'k'.repeat(32) }, cwd: temp.make() })
    const verdicts = configChecks(config)
    expect(verdicts.find((verdict) => verdict.check === 'tenant default')?.detail).toContain('token from env QTICKETS_TOKEN')
    expect(renderVerdicts(verdicts)).not.toContain(token)
    expect(doctorExitCode(verdicts)).toBe(0)
  })

  it('shows the API client knobs that are set, and nothing about them when none is', () => {
    const env = { QTICKETS_TOKEN: 'qt-secret-token-xyz', QTICKETS_BREAKER_FAILURES: '2', QTICKETS_REQUEST_TIMEOUT_SECONDS: '10' }
    const tuned = configChecks(loadConfig({ env, cwd: temp.make() })).find((verdict) => verdict.check === 'tenant default')
    expect(tuned?.detail).toMatch(/; no Partners token; breaker opens after 2 failures, timeout 10s$/)
    const plain = configChecks(loadConfig({ env: { QTICKETS_TOKEN: 'qt-secret-token-xyz' }, cwd: temp.make() })).find((verdict) => verdict.check === 'tenant default')
    expect(plain?.detail).toMatch(/; no Partners token$/)
  })
})

describe('checkWritableDir', () => {
  it('accepts a writable directory, and a missing one under a writable parent', async () => {
    const dir = temp.make()
    expect(await checkWritableDir('lock dir', dir)).toMatchObject({ status: 'ok', detail: `${dir} is writable` })
    expect(await checkWritableDir('lock dir', join(dir, 'a', 'b'))).toMatchObject({ status: 'ok', detail: `${join(dir, 'a', 'b')} will be created in ${dir} (writable)` })
  })

  it('fails when a file stands where the directory should be', async () => {
    const dir = temp.make()
    writeFileSync(join(dir, 'data'), 'not a directory')
    expect(await checkWritableDir('lock dir', join(dir, 'data', 'locks'))).toEqual({
      check: 'lock dir',
      status: 'fail',
      detail: `${join(dir, 'data')} is not a directory`,
      exitCode: 78,
    })
  })
})

describe('renderVerdicts', () => {
  it('aligns the checks as PASS/WARN/FAIL/SKIP, with what to do under a problem', () => {
    expect(
      renderVerdicts([
        { check: 'config', status: 'ok', detail: 'loaded' },
        { check: 'tenant acme', status: 'fail', detail: 'token rejected', hint: 'check the token' },
        { check: 'grants', status: 'skip', detail: 'n/a' },
      ]),
    ).toBe('PASS config       loaded\nFAIL tenant acme  token rejected\n                  → check the token\nSKIP grants       n/a')
  })
})
