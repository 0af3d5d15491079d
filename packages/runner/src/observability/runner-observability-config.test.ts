import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config/load-config.js'
import { runnerObservabilityConfig } from './runner-observability-config'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('obs-config-')
afterAll(() => temp.removeAll())

function configWith(observability: Record<string, unknown>, dotenv = '') {
  const cwd = temp.make()
  writeFileSync(join(cwd, 'qtickets.json'), JSON.stringify({ observability }), { mode: 0o600 })
  if (dotenv) writeFileSync(join(cwd, '.env'), dotenv)
  return loadConfig({ env: { QTICKETS_TOKEN: 'qt-obs-token-1' }, cwd, flags: { config: 'qtickets.json' } })
}

describe('runnerObservabilityConfig', () => {
  it('reads the config file section; the .env the config was loaded with and the flag win over it', () => {
    const config = configWith({ metricsFile: '/var/a.prom', maxRunAgeMinutes: 90 }, 'QTICKETS_MAX_RUN_AGE_MINUTES=120\n')
    expect(runnerObservabilityConfig({ config, env: {} })).toMatchObject({ metricsFile: '/var/a.prom', maxRunAgeMinutes: 90 })
    expect(runnerObservabilityConfig({ config, env: {}, metricsFile: '/var/b.prom' }).metricsFile).toBe('/var/b.prom')
    expect(runnerObservabilityConfig({ config }).maxRunAgeMinutes).toBe(120)
  })

  it('an unknown key or a bad value is a configuration error (exit 78) naming it', () => {
    expect(() => runnerObservabilityConfig({ config: configWith({ metricsFil: '/var/a.prom' }), env: {} })).toThrow(
      expect.objectContaining({ exitCode: 78, message: 'observability.metricsFil is not a known setting (did you mean observability.metricsFile?)' }),
    )
    expect(() => runnerObservabilityConfig({ config: configWith({ maxDataAgeMinutes: 'soon' }), env: {} })).toThrow(
      expect.objectContaining({ exitCode: 78, message: 'config field maxDataAgeMinutes must be a positive whole number of minutes, got "soon"' }),
    )
  })
})
