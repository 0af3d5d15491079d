import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSink } from '@zakaz/clickhouse-sink'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config/load-config.js'
import { createLogger } from '../log/logger.js'
import { clickhouseChecks } from './clickhouse-checks.js'
import { renderVerdicts } from './render-verdicts.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('doctor-ch-')
afterAll(() => temp.removeAll())

// One embedded data directory for the whole file (chDB binds one per process); tests use fresh database names in it.
const dataDir = temp.make()
const PASSWORD = 'ch-Secret-Passw0rd'

const logger = createLogger({ sink: { write: () => undefined }, level: 'error' })

function configFor(env: Record<string, string>) {
  return loadConfig({ env: { QTICKETS_TOKEN: 'qt-doctor-token-1', CLICKHOUSE_DATA_DIR: dataDir, ...env }, cwd: dataDir })
}

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/**
 * A protocol stub, not a ClickHouse: it answers every request the way a current ClickHouse server answers a wrong
 * password over HTTP (status 516, X-ClickHouse-Exception-Code 516, the exception text as the body).
 * The real-server variant of this test (an old Debian clickhouse-server) is in clickhouse-real-server.test.ts.
 */
async function wrongPasswordStub() {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    seen.push(req.headers)
    req.resume()
    req.on('end', () => {
      const user = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':')[0]
      res.writeHead(516, { 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': '516' })
      res.end(
        `Code: 516. DB::Exception: ${user}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED) (version 25.3.2.39 (official build))\n`,
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { port: (server.address() as AddressInfo).port, seen }
}

describe('clickhouseChecks on a server', () => {
  it('an unreachable server: FAIL with host:port and the system code, exit 69; schema and grants not checked', async () => {
    const port = await closedPort()
    const verdicts = await clickhouseChecks(configFor({ CLICKHOUSE_URL: `http://127.0.0.1:${port}`, CLICKHOUSE_USER: 'loader', CLICKHOUSE_PASSWORD: PASSWORD }), logger)
    expect(verdicts).toEqual([
      {
        check: 'clickhouse connection',
        status: 'fail',
        detail: `ClickHouse unreachable: 127.0.0.1:${port} (ECONNREFUSED)`,
        hint: expect.stringContaining('CLICKHOUSE_URL'),
        exitCode: 69,
      },
      { check: 'clickhouse schema', status: 'skip', detail: 'not checked: no connection' },
      { check: 'clickhouse grants', status: 'skip', detail: 'not checked: no connection' },
    ])
  })

  it('a wrong password: FAIL "authentication failed for user loader", exit 78, the password never shown', async () => {
    const stub = await wrongPasswordStub()
    const verdicts = await clickhouseChecks(
      configFor({ CLICKHOUSE_URL: `http://127.0.0.1:${stub.port}`, CLICKHOUSE_USER: 'loader', CLICKHOUSE_PASSWORD: PASSWORD }),
      logger,
    )
    expect(verdicts[0]).toEqual({
      check: 'clickhouse connection',
      status: 'fail',
      detail: `authentication failed for user loader at 127.0.0.1:${stub.port} (ClickHouse 516 AUTHENTICATION_FAILED)`,
      hint: 'check CLICKHOUSE_USER and CLICKHOUSE_PASSWORD (the password is never shown)',
      exitCode: 78,
    })
    expect(stub.seen[0]?.authorization).toBe(`Basic ${Buffer.from(`loader:${PASSWORD}`).toString('base64')}`)
    expect(JSON.stringify(verdicts)).not.toContain(PASSWORD)
  })
})

describe('clickhouseChecks on the embedded engine', () => {
  it('a fresh database: connection PASS, schema not migrated (FAIL 78), grants n/a', async () => {
    const verdicts = await clickhouseChecks(configFor({ CLICKHOUSE_DATABASE: 'doctor_fresh' }), logger)
    expect(verdicts).toEqual([
      { check: 'clickhouse connection', status: 'ok', detail: expect.stringMatching(new RegExp(`^embedded engine in ${dataDir} answers: ClickHouse \\d+\\.[\\d.]+ \\(chDB\\)$`)) },
      {
        check: 'clickhouse schema',
        status: 'fail',
        detail: 'schema not migrated: 5 pending, run `qtickets-load migrate`',
        hint: 'pending in doctor_fresh: 0001_staging.sql, 0002_dimensions.sql, 0003_facts.sql, 0004_meta.sql, 0005_views.sql',
        exitCode: 78,
      },
      { check: 'clickhouse grants', status: 'skip', detail: 'n/a (embedded engine has no access control)' },
    ])
  })

  it('a migrated database passes; an applied migration that changed fails', async () => {
    const sink = await createSink({ dataDir, database: 'doctor_migrated', logger: { warn: () => undefined } })
    await sink.migrate()
    await sink.close()
    const migrated = await clickhouseChecks(configFor({ CLICKHOUSE_DATABASE: 'doctor_migrated' }), logger)
    expect(migrated[1]).toEqual({ check: 'clickhouse schema', status: 'ok', detail: 'database doctor_migrated is up to date: 5 migrations applied (latest 0005_views.sql)' })
    expect(renderVerdicts(migrated)).toMatch(/^PASS clickhouse connection/)

    const tamper = await createSink({ dataDir, database: 'doctor_migrated', logger: { warn: () => undefined } })
    await tamper.client.command({
      query: `INSERT INTO doctor_migrated.schema_migrations (version, name, checksum, applied_at) VALUES (3, '0003_facts.sql', 'deadbeef', now64(3) + 1)`,
    })
    await tamper.close()
    const changed = await clickhouseChecks(configFor({ CLICKHOUSE_DATABASE: 'doctor_migrated' }), logger)
    expect(changed[1]).toMatchObject({ status: 'fail', detail: 'applied migration changed since it was applied: 0003_facts.sql', exitCode: 78 })
  })
})
