import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSink } from '@zakaz/clickhouse-sink'
import { calendarDate, Temporal } from '@zakaz/qtickets-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acquireTenantLock } from '../../src/lock/acquire-tenant-lock.js'
import { cli, logLines } from '../support/cli.js'
import { countRows, freshDatabase, removeDir, TEST_PII_KEY, tmpDir, withSink } from '../support/engine.js'
import { expectFactsEqualTruth, startSim, type SimHarness } from '../support/harness.js'

// `qtickets-load migrate / run / backfill` in-process against the simulator on loopback and the embedded engine:
// summaries, exit codes (0, 2, 69, 75), --dry-run, --json, --metrics-file, progress lines and the lock.
const TENANT = 'cli'
const TOKEN = 'sim-cli-token-0001'
const dataDir = tmpDir('runner-cli-')
const cwd = tmpDir('runner-cli-cwd-')
const database = freshDatabase('cli')
let harness: SimHarness
let env: Record<string, string>

beforeAll(async () => {
  harness = await startSim({ seed: 33, historyDays: 20, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 30, events: 5 }] })
  env = {
    QTICKETS_TOKEN: TOKEN,
    QTICKETS_TENANT: TENANT,
    QTICKETS_BASE_URL: harness.restUrl,
    CLICKHOUSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: database,
    PII_HASH_KEY: TEST_PII_KEY,
    QTICKETS_PAGE_SIZE: '200',
  }
})

afterAll(async () => {
  await harness?.close()
  removeDir(dataDir)
  removeDir(cwd)
})

const run = (argv: string[], extra: Record<string, string> = {}) => cli(argv, { env: { ...env, ...extra }, cwd, now: () => new Date(harness.sim.clock.nowMs()) })

/** Opens the CLI's database for a look (the embedded engine binds one folder per process: closed again before the next CLI call). */
function inspect<T>(look: (sink: Awaited<ReturnType<typeof createSink>>) => Promise<T>): Promise<T> {
  return withSink({ dataDir, database }, look)
}

describe('qtickets-load run and backfill', () => {
  it('a dry run before anything exists reads the API, says what it would write, and writes nothing', async () => {
    expect((await run(['migrate'])).code).toBe(0)
    const dry = await run(['run', '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    const summary = JSON.parse(dry.stdout) as { dryRun: boolean; tenants: Array<{ status: string; rowsRead: Record<string, number>; rowsByTable: Record<string, number>; recomputedDays: string[] }> }
    expect(summary.dryRun).toBe(true)
    expect(summary.tenants[0]).toMatchObject({ status: 'ok' })
    expect(summary.tenants[0]!.rowsByTable.stg_qtickets_api_orders_raw).toBeGreaterThan(0)
    expect(summary.tenants[0]!.recomputedDays.length).toBeGreaterThan(0)
    await inspect(async (sink) => {
      for (const table of ['stg_qtickets_api_orders_raw', 'dim_events', 'fact_qtickets_sales_daily', 'meta_job_runs', 'meta_sync_state']) expect(await countRows(sink, table), table).toBe(0)
    })
  })

  it('backfill loads the history window by window with progress lines, and prints a summary', async () => {
    const now = harness.sim.clock.now()
    const from = calendarDate(now.subtract({ hours: 24 * 21 }), 'Europe/Moscow')
    const to = calendarDate(now, 'Europe/Moscow')
    const backfill = await run(['backfill', '--from', from, '--to', to, '--window-days', '5'])
    expect(backfill.code, backfill.stderr).toBe(0)
    expect(backfill.stdout).toMatch(new RegExp(`^${TENANT}: backfill ok in .* \\(exit 0\\)$`, 'm'))
    expect(backfill.stdout).toMatch(/^ {2}orders +\d+ +\d+$/m)
    const progress = logLines(backfill.stderr).filter((line) => line.msg === `backfill ${TENANT} progress`)
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.at(-1)).toMatchObject({ done: 5, total: 5, percent: 100 })
    await inspect(async (sink) => {
      expect(await countRows(sink, 'stg_qtickets_api_orders_raw', { final: true })).toBe(harness.sim.stats({ tenant: TENANT }).orders)
      expect(await sink.getCursor(TENANT, 'orders')).toBeNull()
    })
  })

  it('run syncs every resource, writes the metrics file, and the facts equal the truth', async () => {
    harness.sim.clock.advance({ hours: 4 })
    const metricsFile = join(cwd, 'metrics.prom')
    const result = await run(['run', '--metrics-file', metricsFile])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(new RegExp(`^${TENANT}: run ok in `, 'm'))
    for (const resource of ['events', 'orders', 'clients', 'discounts', 'promo_codes', 'color_themes', 'inventory', 'barcodes']) {
      expect(result.stdout).toMatch(new RegExp(`^ {2}${resource} +\\d+ +\\d+$`, 'm'))
    }
    expect(existsSync(metricsFile)).toBe(true)
    expect(readFileSync(metricsFile, 'utf8')).toContain('qtickets_load_')
    await inspect(async (sink) => {
      await expectFactsEqualTruth(sink, harness.sim, TENANT)
      expect(await sink.getCursor(TENANT, 'orders')).toBe(Temporal.Instant.fromEpochMilliseconds(harness.sim.clock.nowMs()).toString())
    })
  })

  it('an optional resource answering 403 gives exit 2 and names it', async () => {
    const fault = harness.sim.faults.add({ route: 'discounts', kind: 'status', status: 403, times: 'always' })
    try {
      const result = await run(['run'])
      expect(result.code).toBe(2)
      expect(result.stdout).toMatch(/^ {2}failed: discounts: auth \(HTTP 403\): /m)
    } finally {
      fault.remove()
    }
  })

  it('orders failing with 503s gives exit 69 and leaves the cursor alone', async () => {
    const cursor = await inspect((sink) => sink.getCursor(TENANT, 'orders'))
    harness.sim.clock.advance({ hours: 1 })
    const fault = harness.sim.faults.add({ route: 'orders', kind: 'status503', times: 'always' })
    try {
      const result = await run(['run', '--json'])
      expect(result.code).toBe(69)
      expect(JSON.parse(result.stdout).tenants[0]).toMatchObject({ status: 'error', exitCode: 69 })
    } finally {
      fault.remove()
    }
    expect(await inspect((sink) => sink.getCursor(TENANT, 'orders'))).toBe(cursor)
  })

  it('a tenant locked by another run gives exit 75 with a clear message', async () => {
    const lock = await acquireTenantLock({ dir: join(dataDir, 'locks'), tenant: TENANT, runId: 'other-run-4242' })
    try {
      const result = await run(['run'])
      expect(result.code).toBe(75)
      const error = logLines(result.stderr).find((line) => line.level === 'error')
      expect(error?.msg).toMatch(new RegExp(`^tenant "${TENANT}" is locked by run other-run-4242 \\(pid \\d+ on .*\\): another run is in progress`))
      expect(result.stdout).toMatch(new RegExp(`^${TENANT}: not run \\(exit 75\\)`, 'm'))
    } finally {
      await lock.release()
    }
    expect((await run(['run'])).code).toBe(0)
  })

  it('a database that was never migrated gives exit 78 and says to migrate', async () => {
    const result = await run(['run'], { CLICKHOUSE_DATABASE: freshDatabase('unmigrated') })
    expect(result.code).toBe(78)
    expect(result.stdout).toMatch(/not run \(exit 78\): .*UNKNOWN_DATABASE.*\(run `qtickets-load migrate` first\)/)
  })

  it('never sends anything but GET to the API', () => {
    expect(harness.sim.requests.filter((request) => request.method !== 'GET')).toEqual([])
  })
})
