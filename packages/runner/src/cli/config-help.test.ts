import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config/load-config.js'
import { CONFIG_FILE_EXAMPLE, renderConfigHelp } from './config-help.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('runner-config-help-')
afterAll(() => temp.removeAll())

describe('help config', () => {
  it('prints an example that loads as written, with its two tenants', () => {
    const text = renderConfigHelp()
    const json = text.slice(text.indexOf('  {'), text.indexOf('\n  }\n') + 4)
    expect(JSON.parse(json)).toEqual(CONFIG_FILE_EXAMPLE)
    const cwd = temp.make()
    writeFileSync(join(cwd, 'tenants.json'), json, { mode: 0o600 })
    const config = loadConfig({ env: { ACME_QTICKETS_TOKEN: 'acme-token-1234', GLOBEX_QTICKETS_TOKEN: 'globex-token-1234', CLICKHOUSE_PASSWORD: 'pw-123456', PII_HASH_KEY: 'k'.repeat(32) }, cwd, flags: { config: 'tenants.json' } })
    expect(config.tenants.map((tenant) => [tenant.name, tenant.timeZone])).toEqual([
      ['acme', 'Europe/Moscow'],
      ['globex', 'Asia/Yekaterinburg'],
    ])
    expect(config.clickhouse).toMatchObject({ mode: 'server', database: 'zakaz', user: 'qtickets_loader' })
  })

  it('names every key a config file may hold', () => {
    const text = renderConfigHelp().replace(/\s+/g, ' ')
    for (const key of ['lagMinutes', 'requestTimeoutSeconds', 'piiHashKeyEnv', 'passwordEnv', 'dataDir', 'partnersTokenEnv', 'concurrency', 'observability']) expect(text, key).toContain(key)
  })
})
