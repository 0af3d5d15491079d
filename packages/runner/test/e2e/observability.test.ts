import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createSink } from '@zakaz/clickhouse-sink'
import { createQticketsClient } from '@zakaz/qtickets-sdk'
import type { FaultHandle } from '@zakaz/qtickets-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseExposition } from '../../src/observability/prometheus-parse.js'
import { cli, logLines, type CliRun } from '../support/cli.js'
import { freshDatabase, removeDir, TEST_PII_KEY, tmpDir, withSink } from '../support/engine.js'
import { expectFactsEqualTruth, startSim, type SimHarness } from '../support/harness.js'

// The monitoring issue's acceptance test: `qtickets-load run` again and again against the simulator, with a webhook,
// a metrics file and an alert state file, through a 503 storm on orders and back. One PROBLEM and one RECOVERED
// message per storm, the breaker visible in the metrics, `status` exiting 3 on stale data and 0 on fresh data, and a
// notifier that is down never failing a load. Nothing secret or personal in any alert body or log line.
const TENANT = 'obs'
const TOKEN = 'sim-obs-token-7f3a9c2e'
const WEBHOOK_PATH = '/hooks/qtickets-7d1e4b'
const MINUTE = 60_000
const MAX_DATA_AGE_MINUTES = 60

const dataDir = tmpDir('runner-obs-')
const cwd = tmpDir('runner-obs-cwd-')
const metricsFile = join(cwd, 'qtickets.prom')
const database = freshDatabase('obs')
let harness: SimHarness
let webhook: Webhook
let env: Record<string, string>
/** Everything the runs and status calls wrote to stderr, for the leak checks. */
const logs: string[] = []

/** A loopback webhook that records every body it receives and answers 200. */
interface Webhook {
  url: string
  bodies: string[]
  messages(): Array<{ kind: string; tenant: string; problem: string; message: string; at: string }>
  close(): Promise<void>
}

async function startWebhook(): Promise<Webhook> {
  const bodies: string[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => (body += chunk))
    request.on('end', () => {
      bodies.push(body)
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${WEBHOOK_PATH}`,
    bodies,
    messages: () => bodies.map((body) => JSON.parse(body) as ReturnType<Webhook['messages']>[number]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A loopback port nothing listens on: a notifier that is down. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/**
 * The simulator's start: 20:30 Moscow time (busy hours, so a fresh load always has paid orders of the last hour) on
 * the last evening before the real now. Runs are recorded on the real clock while the simulated one is moved by hand;
 * the run-age threshold is set to a day below, so that only the data age is under test.
 */
function lastEveningBefore(nowMs: number): Date {
  const evening = new Date(nowMs)
  evening.setUTCHours(17, 30, 0, 0)
  if (evening.getTime() > nowMs) evening.setUTCDate(evening.getUTCDate() - 1)
  return evening
}

beforeAll(async () => {
  harness = await startSim({
    seed: 71,
    start: lastEveningBefore(Date.now()),
    historyDays: 3,
    tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 300, events: 4 }],
  })
  webhook = await startWebhook()
  env = {
    QTICKETS_TOKEN: TOKEN,
    QTICKETS_TENANT: TENANT,
    QTICKETS_BASE_URL: harness.restUrl,
    CLICKHOUSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: database,
    PII_HASH_KEY: TEST_PII_KEY,
    LOG_LEVEL: 'debug',
    // Two failed attempts open the breaker: a 503 is tried twice, so every run of the storm opens it (the default
    // of five consecutive failures is never reached within one run, and each run is a new client).
    QTICKETS_BREAKER_FAILURES: '2',
    QTICKETS_ALERT_WEBHOOK_URL: webhook.url,
    QTICKETS_ALERT_STATE_FILE: join(cwd, 'alert-state.json'),
    QTICKETS_MAX_DATA_AGE_MINUTES: String(MAX_DATA_AGE_MINUTES),
    QTICKETS_MAX_RUN_AGE_MINUTES: '1440',
  }
})

afterAll(async () => {
  await webhook?.close()
  await harness?.close()
  removeDir(dataDir)
  removeDir(cwd)
})

/** `qtickets-load <argv>` in-process on the simulated clock (shifted by `aheadMs` for status checks). */
async function qtl(argv: string[], options: { extraEnv?: Record<string, string>; aheadMs?: number } = {}): Promise<CliRun> {
  const ahead = options.aheadMs ?? 0
  const result = await cli(argv, { env: { ...env, ...options.extraEnv }, cwd, now: () => new Date(harness.sim.clock.nowMs() + ahead) })
  logs.push(result.stderr)
  return result
}

/** A `run --json` after moving the simulated clock; returns the exit code and the tenant's summary. */
async function load(options: { advanceMinutes?: number; extraEnv?: Record<string, string> } = {}) {
  harness.sim.clock.advance({ minutes: options.advanceMinutes ?? 5 })
  const result = await qtl(['run', '--json', '--metrics-file', metricsFile], options)
  const summary = JSON.parse(result.stdout) as { tenants: Array<{ status: string; rowsWritten: Record<string, number> }> }
  return { code: result.code, tenant: summary.tenants[0]!, stderr: result.stderr }
}

/** The value of one series of the metrics file (labels matched exactly), or undefined. */
function metric(name: string, labels: Record<string, string>): number | undefined {
  const samples = parseExposition(readFileSync(metricsFile, 'utf8')).filter((sample) => sample.name === name)
  return samples.find((sample) => JSON.stringify(Object.entries(sample.labels).sort()) === JSON.stringify(Object.entries(labels).sort()))?.value
}

/** Opens the CLI's database for a look (closed again before the next CLI call: chDB binds one folder per process). */
function inspect<T>(look: (sink: Awaited<ReturnType<typeof createSink>>) => Promise<T>): Promise<T> {
  return withSink({ dataDir, database }, look)
}

describe('monitoring end to end: metrics file, pushed alerts and status', () => {
  let storm: FaultHandle | undefined

  it('(a) a good run: exit 0, a metrics file with the run, no alert', async () => {
    expect((await qtl(['migrate'])).code).toBe(0)
    const first = await load({ advanceMinutes: 0 })
    expect(first.code, first.stderr).toBe(0)
    expect(first.tenant.rowsWritten.orders).toBeGreaterThan(0)
    expect(metric('qtickets_load_runs_total', { tenant: TENANT, status: 'ok' })).toBe(1)
    expect(metric('qtickets_load_breaker_state', { tenant: TENANT })).toBe(0)
    expect(metric('qtickets_load_newest_paid_order_timestamp_seconds', { tenant: TENANT })).toBeGreaterThan(0)
    expect(webhook.messages()).toEqual([])
  })

  it('(b) a 503 storm on orders over three runs: each run fails and opens the breaker, exactly one outage alert', async () => {
    storm = harness.sim.faults.outage({ route: 'orders' })
    for (let run = 1; run <= 3; run++) {
      const failed = await load()
      expect(failed.code, `storm run ${run}`).toBe(69)
      expect(failed.tenant.status).toBe('error')
      expect(logLines(failed.stderr).some((line) => line.msg === 'API circuit breaker opened: requests fail fast for a while')).toBe(true)
    }
    expect(storm.fired).toBeGreaterThanOrEqual(6)

    const alerts = webhook.messages()
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ kind: 'problem', tenant: TENANT, problem: 'outage' })
    expect(alerts[0]!.message).toMatch(/^\[qtickets-load\] PROBLEM tenant obs: loading is failing since \S+Z \(run ended with status error: orders server HTTP 503; circuit breaker open\)$/)

    expect(metric('qtickets_load_breaker_transitions_total', { tenant: TENANT, state: 'open' })).toBe(3)
    expect(metric('qtickets_load_breaker_state', { tenant: TENANT })).toBe(2)
    expect(metric('qtickets_load_runs_total', { tenant: TENANT, status: 'error' })).toBe(3)
    expect(metric('qtickets_load_last_run_status', { tenant: TENANT, status: 'error' })).toBe(1)
    expect(metric('qtickets_load_last_run_status', { tenant: TENANT, status: 'ok' })).toBe(0)
    expect(metric('qtickets_load_http_responses_total', { tenant: TENANT, resource: 'orders', method: 'GET', status: '503' })).toBe(6)
    expect(metric('qtickets_load_retries_total', { tenant: TENANT, resource: 'orders', kind: 'server' })).toBe(3)

    const status = await qtl(['status', '--metrics-file', metricsFile])
    expect(status.code).toBe(3)
    expect(status.stdout).toContain('tenant obs: last run ended with status error\ntenant obs: circuit breaker is open\n')
  })

  it('(c) the storm ends: the next good run sends exactly one recovery; the run after it sends nothing', async () => {
    storm?.remove()
    const recovered = await load()
    expect(recovered.code, recovered.stderr).toBe(0)
    const alerts = webhook.messages()
    expect(alerts.map((alert) => `${alert.kind} ${alert.problem}`)).toEqual(['problem outage', 'recovery outage'])
    // The storm began with the first failed run and ended with this one, three runs of 5 simulated minutes later.
    expect(alerts[1]!.message).toMatch(/^\[qtickets-load\] RECOVERED tenant obs: loading works again at \S+Z after 15m \(problem since \S+Z\)$/)
    expect(alerts[1]!.at).toBe(new Date(harness.sim.clock.nowMs()).toISOString())
    expect(metric('qtickets_load_breaker_state', { tenant: TENANT })).toBe(0)
    expect(metric('qtickets_load_last_run_status', { tenant: TENANT, status: 'ok' })).toBe(1)

    expect((await load()).code).toBe(0)
    expect(webhook.messages()).toHaveLength(2)
    await inspect((sink) => expectFactsEqualTruth(sink, harness.sim, TENANT))
  })

  it('(d) status exits 3 on stale data, saying why in one line, and 0 again after a good run with fresh data', async () => {
    const fresh = await qtl(['status', '--metrics-file', metricsFile])
    expect(fresh.code, fresh.stdout).toBe(0)
    expect(fresh.stdout).toMatch(/^healthy: 1 tenant checked$/m)

    const later = (MAX_DATA_AGE_MINUTES + 30) * MINUTE
    const stale = await qtl(['status', '--metrics-file', metricsFile], { aheadMs: later })
    expect(stale.code).toBe(3)
    const problems = stale.stdout.split('\n').filter((line) => line.startsWith('tenant obs: ') && line !== 'tenant obs: UNHEALTHY')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(new RegExp(`^tenant obs: newest paid order is \\dh\\d{1,2}m old \\(threshold ${MAX_DATA_AGE_MINUTES}m\\)$`))

    const caughtUp = await load({ advanceMinutes: later / MINUTE })
    expect(caughtUp.code).toBe(0)
    expect(caughtUp.tenant.rowsWritten.orders).toBeGreaterThan(0)
    const again = await qtl(['status', '--metrics-file', metricsFile])
    expect(again.code, again.stdout).toBe(0)
    expect(webhook.messages()).toHaveLength(2)
  })

  it('(e) a notifier that is down never fails a load; the recovery it missed is delivered by the next run', async () => {
    const down = { QTICKETS_ALERT_WEBHOOK_URL: `http://127.0.0.1:${await closedPort()}${WEBHOOK_PATH}` }
    storm = harness.sim.faults.outage({ route: 'orders' })
    expect((await load()).code).toBe(69)
    expect(webhook.messages().map((alert) => `${alert.kind} ${alert.problem}`)).toEqual(['problem outage', 'recovery outage', 'problem outage'])
    storm.remove()

    const before = await inspect((sink) => sink.getCursor(TENANT, 'orders'))
    const unnoticed = await load({ extraEnv: down })
    expect(unnoticed.code, unnoticed.stderr).toBe(0)
    expect(unnoticed.tenant.status).toBe('ok')
    expect(unnoticed.tenant.rowsWritten.orders).toBeGreaterThan(0)
    const warnings = logLines(unnoticed.stderr).filter((line) => line.level === 'warn').map((line) => String(line.msg))
    expect(warnings).toContain('alert not delivered (recovery outage); it is retried after the next run')
    expect(webhook.messages()).toHaveLength(3)
    await inspect(async (sink) => {
      expect(await sink.getCursor(TENANT, 'orders')).not.toBe(before)
      await expectFactsEqualTruth(sink, harness.sim, TENANT)
    })

    expect((await load()).code).toBe(0)
    expect(webhook.messages().map((alert) => `${alert.kind} ${alert.problem}`)).toEqual(['problem outage', 'recovery outage', 'problem outage', 'recovery outage'])
    expect((await load()).code).toBe(0)
    expect(webhook.messages()).toHaveLength(4)
  })

  it('no token, key, webhook path, e-mail or phone in any alert body or log line', async () => {
    const pii = await simulatorPii()
    expect(pii.length).toBeGreaterThan(10)
    const texts = [...webhook.bodies, ...logs]
    expect(logs.length).toBeGreaterThan(10)
    for (const text of texts) {
      for (const secret of [TOKEN, TEST_PII_KEY, WEBHOOK_PATH]) expect(text).not.toContain(secret)
      for (const value of pii) expect(text).not.toContain(value)
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[a-z]{2,}/i)
    }
    expect(existsSync(join(cwd, 'alert-state.json'))).toBe(true)
    expect(readFileSync(join(cwd, 'alert-state.json'), 'utf8')).not.toContain(TOKEN)
  })
})

/** The buyers' e-mails and phones the simulator serves (what must never leave the loader in clear). */
async function simulatorPii(): Promise<string[]> {
  const client = createQticketsClient({ token: TOKEN, baseUrl: harness.restUrl, retry: false })
  const values = new Set<string>()
  for await (const order of client.orders.iterate({ perPage: 500 })) {
    const contacts = [order.client.email, order.client.details.phone, ...order.baskets.flatMap((basket) => [basket.client_email, basket.client_phone])]
    for (const value of contacts) if (value && value.length >= 6) values.add(value)
    if (values.size >= 300) break
  }
  return [...values]
}
