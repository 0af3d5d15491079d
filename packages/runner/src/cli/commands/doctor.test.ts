import { join } from 'node:path'
import { createSink } from '@zakaz/clickhouse-sink'
import { createSimulator, createSimulatorServer, type SimulatorServer } from '@zakaz/qtickets-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './test-support.js'
import { tempDirs } from '../../../test/support/temp-dirs.js'

const temp = tempDirs('doctor-cli-')
afterAll(() => temp.removeAll())

const TOKEN = 'sim-token-doctor-cli'
const PARTNERS = 'sim-partners-doctor-cli'
const sim = createSimulator({ seed: 3, tenants: [{ name: 'org', token: TOKEN, partnersToken: PARTNERS, orders: 30 }] })
const dataDir = temp.make()
let server: SimulatorServer
let env: Record<string, string>

beforeAll(async () => {
  server = createSimulatorServer(sim)
  const { restUrl, partnersUrl } = await server.listen()
  const sink = await createSink({ dataDir, database: 'doctor_cli', logger: { warn: () => undefined } })
  await sink.migrate()
  await sink.close()
  const state = temp.make('doctor-cli-state-')
  env = {
    QTICKETS_TOKEN: TOKEN,
    QTICKETS_TENANT: 'acme',
    QTICKETS_BASE_URL: restUrl,
    QTICKETS_PARTNERS_TOKEN: PARTNERS,
    QTICKETS_PARTNERS_BASE_URL: partnersUrl,
    PII_HASH_KEY: 'pii-key-0123456789abcdef',
    CLICKHOUSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: 'doctor_cli',
    QTICKETS_METRICS_FILE: join(state, 'qtickets.prom'),
    QTICKETS_ALERT_WEBHOOK_URL: 'https://hooks.example.com/services/T000/B000/secret-part',
    QTICKETS_ALERT_STATE_FILE: join(state, 'alerts.json'),
  }
})
afterAll(async () => {
  await server.close()
})

describe('qtickets-load doctor', () => {
  it('a good setup: every check passes (grants are n/a on the embedded engine), exit 0', async () => {
    const { code, stdout } = await runCli(['doctor'], { env })
    expect(stdout.split('\n').map((line) => line.slice(0, 4))).not.toContain('FAIL')
    expect(code).toBe(0)
    for (const check of ['config', 'tenant acme', 'pii hash key', 'lock dir', 'clickhouse data dir', 'monitoring', 'metrics file dir', 'alert state dir', 'qtickets api acme', 'partners api acme', 'clickhouse connection', 'clickhouse schema']) {
      expect(stdout, check).toMatch(new RegExp(`^PASS ${check} `, 'm'))
    }
    expect(stdout).toMatch(/^SKIP clickhouse grants +n\/a \(embedded engine has no access control\)$/m)
    expect(stdout).toMatch(/^PASS monitoring +metrics file .*qtickets\.prom; alerts to webhook hooks\.example\.com \(state in .*alerts\.json\); thresholds 60m \/ 180m$/m)
    for (const secret of [TOKEN, PARTNERS, 'pii-key-0123456789abcdef', 'secret-part']) expect(stdout).not.toContain(secret)
  })

  it('a rejected token: FAIL with what to do, exit 78', async () => {
    const { code, stdout } = await runCli(['doctor'], { env: { ...env, QTICKETS_TOKEN: 'sim-token-wrong-0' } })
    expect(code).toBe(78)
    expect(stdout).toMatch(
      /^FAIL qtickets api acme +token rejected \(HTTP 403\): check QTICKETS_TOKEN \(from the environment or \.env\)\n +→ copy the REST token from the QTickets cabinet/m,
    )
    expect(stdout).not.toContain('sim-token-wrong-0')
  })

  it('broken monitoring settings fail with the setting named', async () => {
    const { code, stdout } = await runCli(['doctor'], { env: { ...env, QTICKETS_ALERT_STATE_FILE: '' } })
    expect(code).toBe(78)
    expect(stdout).toMatch(/^FAIL monitoring +QTICKETS_ALERT_STATE_FILE is required when alerts are configured/m)
  })
})
