import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Sink } from '@zakaz/clickhouse-sink'
import { createSimulator, createSimulatorServer, type Simulator, type SimulatorServer } from '@zakaz/qtickets-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../support/cli.js'
import { removeDir, rowsOf, tmpDir, withSink } from '../support/engine.js'
import { bundleLoaderChild, removeBundle, runLoaderChild } from './support/loader-child.js'
import { printScenarioTable, scenario } from './support/scenario-report.js'
import { advanceClock, settleClock } from './support/world.js'

// With every log level on (LOG_LEVEL=debug and --verbose), the REST token, the Partners key and PII_HASH_KEY never
// appear in stderr, stdout, errors, the metrics file, meta_job_runs or any column of any table; the buyers' e-mails and
// phones never appear in clear text in ClickHouse. Commands run in child processes (the real process streams) and in
// process, through successes and failures (403, 503, broken pages, a rejected token).
const TENANT = 'secrets'
const TOKEN = 'qt-SECRET-token-7f3a9c2e5108'
const PARTNERS_KEY = 'qt-SECRET-partners-91b4d7e0'
const PII_KEY = 'qt-SECRET-pii-pepper-5d2c8e4a'
const WRONG_TOKEN = 'qt-SECRET-wrong-token-0c41f2'
const SECRETS = [TOKEN, PARTNERS_KEY, PII_KEY, WRONG_TOKEN]
const DATABASE = 'secrets'
const dataDir = tmpDir('reliability-secrets-')
const cwd = tmpDir('reliability-secrets-cwd-')
let sim: Simulator
let server: SimulatorServer
let bundle: string
let env: Record<string, string>
/** Everything the commands printed, with where it came from. */
const outputs: Array<{ what: string; text: string }> = []

const logs = scenario('secrets never in stdout, stderr, errors or the metrics file (debug + --verbose)')
const stored = scenario('secrets never stored; e-mails and phones stored only as keyed hashes')

beforeAll(async () => {
  sim = createSimulator({ seed: 606, historyDays: 4, tenants: [{ name: TENANT, token: TOKEN, partnersToken: PARTNERS_KEY, ordersPerDay: 40, events: 3 }] })
  settleClock(sim)
  server = createSimulatorServer(sim)
  const { restUrl, partnersUrl } = await server.listen()
  bundle = await bundleLoaderChild()
  env = {
    QTICKETS_TOKEN: TOKEN,
    QTICKETS_TENANT: TENANT,
    QTICKETS_BASE_URL: restUrl,
    QTICKETS_PARTNERS_TOKEN: PARTNERS_KEY,
    QTICKETS_PARTNERS_BASE_URL: partnersUrl,
    QTICKETS_INITIAL_DAYS: '30',
    CLICKHOUSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: DATABASE,
    PII_HASH_KEY: PII_KEY,
    LOG_LEVEL: 'debug',
  }
  await exercise()
})

afterAll(async () => {
  printScenarioTable('secrets and personal data (test/reliability/secrets.test.ts)')
  await server?.close()
  if (bundle) removeBundle(bundle)
  removeDir(dataDir)
  removeDir(cwd)
})

/** Runs `qtickets-load <argv>` in a child process and keeps what it printed. */
async function child(argv: string[], extra: Record<string, string> = {}): Promise<number | null> {
  const result = await runLoaderChild(bundle, argv, { env: { ...env, ...extra }, cwd, nowMs: sim.clock.nowMs(), traceFile: join(cwd, 'trace.jsonl') })
  outputs.push({ what: `child ${argv.join(' ')} (stdout)`, text: result.stdout }, { what: `child ${argv.join(' ')} (stderr)`, text: result.stderr })
  return result.code
}

/** Runs `qtickets-load <argv>` in this process and keeps what it printed. */
async function inProcess(argv: string[]): Promise<number> {
  const result = await cli(argv, { env, cwd, now: () => new Date(sim.clock.nowMs()) })
  outputs.push({ what: `in-process ${argv.join(' ')} (stdout)`, text: result.stdout }, { what: `in-process ${argv.join(' ')} (stderr)`, text: result.stderr })
  return result.code
}

/** Every command, through failures and successes, with debug logs. */
async function exercise(): Promise<void> {
  const metricsFile = join(cwd, 'metrics.prom')
  expect(await child(['migrate', '--verbose'])).toBe(0)
  sim.faults.add({ route: 'clients', kind: 'status', status: 403, times: 'always' })
  sim.faults.add({ route: 'discounts', kind: 'status503', times: 'always' })
  sim.faults.add({ route: /^shows\/\d+\/seats$/, kind: 'html', status: 404, times: 1 })
  expect(await child(['run', '--verbose', '--metrics-file', metricsFile])).toBe(2) // partial
  sim.faults.clear()
  advanceClock(sim, { hours: 3 })
  sim.faults.add({ route: 'orders', kind: 'wrongType', field: 'client.email', value: 12345, times: 1 })
  expect(await child(['run', '--verbose', '--json', '--metrics-file', metricsFile])).not.toBe(0)
  sim.faults.add({ route: 'orders', kind: 'truncate', times: 1 })
  expect(await inProcess(['run', '--verbose', '--json'])).not.toBe(0)
  sim.faults.clear()
  expect(await child(['run', '--verbose'], { QTICKETS_TOKEN: WRONG_TOKEN })).not.toBe(0)
  advanceClock(sim, { hours: 2 })
  expect(await child(['run', '--verbose', '--metrics-file', metricsFile])).toBe(0)
  expect(await inProcess(['run', '--verbose'])).toBe(0)
  expect(await child(['backfill', '--from', '2025-11-14', '--to', '2025-11-16', '--verbose'])).toBe(0)
  await child(['status', '--verbose', '--metrics-file', metricsFile])
  await child(['doctor', '--verbose'])
  await child(['doctor', '--verbose', '--json'], { QTICKETS_PARTNERS_TOKEN: WRONG_TOKEN })
  expect(await child(['sql', '--verbose', '--json', 'SELECT * FROM meta_job_runs FINAL'])).toBe(0)
  outputs.push({ what: 'metrics file', text: readFileSync(metricsFile, 'utf8') })
}

function inspect<T>(look: (sink: Sink) => Promise<T>): Promise<T> {
  return withSink({ dataDir, database: DATABASE, piiHashKey: PII_KEY }, look)
}

/** Every table of the database as JSON lines (all columns: strings, maps, arrays), for scanning. */
async function dumpTables(sink: Sink): Promise<Map<string, string>> {
  const tables = await rowsOf<{ name: string }>(sink, "SELECT name FROM system.tables WHERE database = {db:String} AND engine NOT LIKE '%View'", { db: sink.database })
  const dump = new Map<string, string>()
  for (const { name } of tables) {
    const result = await sink.client.query({ query: `SELECT * FROM ${sink.database}.${name}`, format: 'JSONEachRow' })
    dump.set(name, await result.text())
  }
  return dump
}

/** The e-mails and phones the simulator serves (clients, order buyers and ticket holders), as served and normalised. */
function servedPii(): string[] {
  const values = new Set<string>()
  const add = (value: unknown) => {
    if (typeof value !== 'string' || value === '') return
    values.add(value)
    if (value.startsWith('+')) values.add(`"${value.slice(1)}"`) // the normalised phone as a whole JSON string
  }
  for (const route of ['clients', 'orders']) {
    for (let page = 1; ; page++) {
      const answer = sim.handle({ method: 'GET', url: `/api/rest/v1/${route}`, headers: { authorization: `Bearer ${TOKEN}` }, body: Buffer.from(JSON.stringify({ page, perPage: 1000 })) })
      const { data } = JSON.parse(answer.body) as { data: Array<Record<string, any>> }
      for (const record of data) {
        add(record.email)
        add(record.details?.phone)
        add(record.client?.email)
        add(record.client?.details?.phone)
        for (const basket of record.baskets ?? []) {
          add(basket.client_email)
          add(basket.client_phone)
        }
      }
      if (data.length < 1000) break
    }
  }
  return [...values]
}

const leaks = (text: string, needles: readonly string[]) => needles.filter((needle) => text.includes(needle))

describe('logs and output', () => {
  it('debug logging was really on, and failures were really logged (the check is not vacuous)', () =>
    logs.run(() => {
      const stderr = outputs.filter((output) => output.what.includes('run') && output.what.endsWith('(stderr)')).map((output) => output.text).join('\n')
      expect(stderr).toContain('"level":"debug"')
      expect(stderr).toContain('"level":"error"')
      expect(stderr).toMatch(/clients.*auth/)
      expect(stderr).toContain('client.email')
    }))

  it('no command printed the token, the Partners key, the PII key or a rejected token, anywhere', () =>
    logs.run(() => {
      expect(outputs.length).toBeGreaterThan(20)
      for (const output of outputs) expect(leaks(output.text, SECRETS), output.what).toEqual([])
    }))

  it('no command printed a buyer e-mail or phone', () =>
    logs.run(() => {
      const pii = servedPii().filter((value) => !value.startsWith('"'))
      expect(pii.length).toBeGreaterThan(50)
      for (const output of outputs) expect(leaks(output.text, pii), output.what).toEqual([])
    }))
})

describe('what is stored', () => {
  it('no table holds a secret in any column; meta_job_runs holds the failures, without them', () =>
    stored.run(async () => {
      const dump = await inspect(dumpTables)
      expect(dump.size).toBeGreaterThan(10)
      for (const [table, text] of dump) expect(leaks(text, SECRETS), table).toEqual([])
      expect(dump.get('meta_job_runs')).toMatch(/auth \(HTTP 403\)/)
    }))

  it('no table holds an e-mail or phone in clear text; buyers are stored as keyed hashes', () =>
    stored.run(async () => {
      const dump = await inspect(dumpTables)
      const pii = servedPii()
      for (const [table, text] of dump) expect(leaks(text, pii), table).toEqual([])
      const hashes = await inspect((sink) =>
        rowsOf<{ n: string | number }>(sink, 'SELECT countIf(match(client_email_hash, \'^[0-9a-f]{64}$\')) AS n FROM {db}.stg_qtickets_api_orders_raw FINAL'),
      )
      expect(Number(hashes[0]?.n)).toBeGreaterThan(0)
    }))
})
