import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSink } from '@zakaz/clickhouse-sink'
import { afterAll, describe, expect, it } from 'vitest'
import { closedPort, logMessages, runCli } from './test-support.js'
import { tempDirs } from '../../../test/support/temp-dirs.js'

const temp = tempDirs('migrate-cli-')
afterAll(() => temp.removeAll())

// One embedded data directory for this file (chDB binds one per process); each test uses its own database.
const dataDir = temp.make()
const env = (database: string) => ({ CLICKHOUSE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: database })
const FILES = ['0001_staging.sql', '0002_dimensions.sql', '0003_facts.sql', '0004_meta.sql', '0005_views.sql']

describe('qtickets-load migrate', () => {
  it('--dry-run lists the pending migrations and applies nothing; migrate applies them; a second migrate is a no-op', async () => {
    const dry = await runCli(['migrate', '--dry-run'], { env: env('m_fresh') })
    expect(dry).toMatchObject({ code: 0, stdout: `5 pending migrations in m_fresh (not applied: --dry-run):\n${FILES.map((f) => `  ${f}`).join('\n')}\n` })
    expect((await runCli(['migrate', '--dry-run'], { env: env('m_fresh') })).stdout).toBe(dry.stdout)

    const applied = await runCli(['migrate'], { env: env('m_fresh') })
    expect(applied).toMatchObject({
      code: 0,
      stdout: `applied 5 migrations to m_fresh:\n${FILES.map((f) => `  ${f}`).join('\n')}\nschema is up to date (5 migrations)\n`,
    })
    expect(await runCli(['migrate'], { env: env('m_fresh') })).toMatchObject({ code: 0, stdout: 'schema is up to date (5 migrations)\n' })
    expect(await runCli(['migrate', '--dry-run'], { env: env('m_fresh') })).toMatchObject({ code: 0, stdout: 'schema is up to date (5 migrations)\n' })
    expect(JSON.parse((await runCli(['migrate', '--json'], { env: env('m_fresh') })).stdout)).toEqual({ database: 'm_fresh', applied: [], total: 5 })
  })

  it('an applied migration that changed stops with exit 78 and says what to do', async () => {
    expect((await runCli(['migrate'], { env: env('m_changed') })).code).toBe(0)
    const tamper = await createSink({ dataDir, database: 'm_changed', logger: { warn: () => undefined } })
    await tamper.client.command({
      query: `INSERT INTO m_changed.schema_migrations (version, name, checksum, applied_at) VALUES (2, '0002_dimensions.sql', 'deadbeef', now64(3) + 1)`,
    })
    await tamper.close()

    for (const argv of [['migrate'], ['migrate', '--dry-run']]) {
      const result = await runCli(argv, { env: env('m_changed') })
      expect(result.code, argv.join(' ')).toBe(78)
      expect(result.stdout).toBe('')
      expect(logMessages(result.stderr)[0], argv.join(' ')).toMatch(/^migration 0002_dimensions\.sql (was )?changed after it was applied.*Never edit an applied migration/)
    }
  })

  it('an unreachable server exits 69 naming host and port; migrate, status and sql never log the password, even at debug level', async () => {
    const port = await closedPort()
    const env = { CLICKHOUSE_URL: `http://loader:ch-Secret-9@127.0.0.1:${port}`, LOG_LEVEL: 'debug', QTICKETS_TOKEN: 'qt-live-token-5f4e3d2c1b' }
    for (const argv of [['migrate'], ['status'], ['sql', 'SELECT 1']]) {
      const result = await runCli(argv, { env })
      expect(result.code, argv[0]).toBe(69)
      expect(logMessages(result.stderr), argv[0]).toContain(`ClickHouse unreachable: 127.0.0.1:${port} (ECONNREFUSED)`)
      expect(result.stderr).toContain('"level":"debug"')
      expect(result.stderr).not.toContain('ch-Secret-9')
      expect(result.stderr).not.toContain('qt-live-token-5f4e3d2c1b')
    }
  })

  it('needs no QTickets token: a config file naming tenants whose token variables are unset is fine', async () => {
    const cwd = temp.make('migrate-config-')
    writeFileSync(join(cwd, 'tenants.json'), JSON.stringify({ tenants: [{ name: 'acme', tokenEnv: 'ACME_TOKEN' }, { name: 'globex', tokenEnv: 'GLOBEX_TOKEN' }] }))
    const result = await runCli(['migrate', '--config', 'tenants.json'], { env: env('m_config'), cwd })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^schema is up to date \(5 migrations\)$/m)
  })
})
