import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSink, type OrderRow, type Sink } from '@zakaz/clickhouse-sink'
import { afterAll, describe, expect, it } from 'vitest'
import { renderPrometheus } from '../../observability/prometheus'
import { createRunMetrics } from '../../observability/run-metrics'
import { closedPort, logMessages, runCli } from './test-support.js'
import { tempDirs } from '../../../test/support/temp-dirs.js'

const temp = tempDirs('status-cli-')
afterAll(() => temp.removeAll())

const dataDir = temp.make()
const HOUR = 3_600_000

/** Opens the sink on a fresh database of this file's data folder, migrated, runs `fill`, and closes it. */
async function database(name: string, fill: (sink: Sink) => Promise<void> = async () => undefined) {
  const sink = await createSink({ dataDir, database: name, logger: { warn: () => undefined } })
  await sink.migrate()
  await fill(sink)
  await sink.close()
  return { CLICKHOUSE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: name }
}

async function run(sink: Sink, tenant: string, runId: string, status: 'ok' | 'partial' | 'error', job = 'run') {
  await sink.startRun({ job, tenant, runId })
  await sink.finishRun({ job, tenant, runId, status, rowsByResource: status === 'error' ? {} : { orders: 2, events: 1 }, ...(status === 'error' ? { error: 'orders: server HTTP 503' } : {}) })
}

function order(tenant: string, id: number, payedAt: Date | null): OrderRow {
  const at = (payedAt ?? new Date()).toISOString()
  return {
    tenant,
    order_id: id,
    uniqid: null,
    payed: payedAt !== null,
    payed_at: payedAt?.toISOString() ?? null,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    price: 1500,
    original_price: 1500,
    currency_id: 'RUB',
    event_id: 1,
    client_id: null,
    client_email_hash: null,
    client_phone_hash: null,
    discount_id: null,
    promo_code_id: null,
    payment_type_id: null,
    _ver: id,
  }
}

const later = (ms: number) => () => new Date(Date.now() + ms)

describe('qtickets-load status', () => {
  it('without a token, checks the tenants recorded in meta_job_runs: healthy → exit 0', async () => {
    const env = await database('st_healthy', async (sink) => {
      await run(sink, 'acme', 'run-1', 'ok')
      await sink.writeOrders([order('acme', 1, new Date(Date.now() - 20 * 60_000)), order('acme', 2, null)])
      await sink.setCursor('acme', 'orders', '2025-11-03T12:00:00+03:00', 'run-1')
    })
    const result = await runCli(['status'], { env })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^tenant acme: healthy$/m)
    expect(result.stdout).toMatch(/^ {2}last run +ok at \S+Z \(\d+s ago, took \d+ms, 3 rows; job run, run run-1\)$/m)
    expect(result.stdout).toMatch(/^ {2}newest paid +\S+Z \(20m ago; threshold 180m\)$/m)
    expect(result.stdout).toMatch(/^ {4}orders +2025-11-03T12:00:00\+03:00 \/ 2 rows$/m)
    expect(result.stdout).toMatch(/^ {4}clients +—$/m)
    expect(result.stdout).toMatch(/^healthy: 1 tenant checked$/m)
  })

  it('exits 3 with one line per problem when the last success or the newest data is too old', async () => {
    const env = await database('st_stale', async (sink) => {
      await run(sink, 'acme', 'run-1', 'ok')
      await sink.writeOrders([order('acme', 1, new Date(Date.now() - 20 * 60_000))])
    })
    const stale = await runCli(['status', '--max-data-age', '60'], { env, now: later(2 * HOUR) })
    expect(stale.code).toBe(3)
    expect(stale.stdout).toMatch(/^tenant acme: UNHEALTHY$/m)
    expect(stale.stdout).toMatch(/^tenant acme: last successful run 2h0m ago \(threshold 60m\)\ntenant acme: newest paid order is 2h20m old \(threshold 60m\)\n$/m)

    const relaxed = await runCli(['status'], { env: { ...env, QTICKETS_MAX_RUN_AGE_MINUTES: '180' }, now: later(2 * HOUR) })
    expect(relaxed.code).toBe(0)
  })

  it('a failed last run, a tenant that never ran and an open breaker are problems; --json has the metrics', async () => {
    const env = await database('st_problems', async (sink) => {
      await run(sink, 'acme', 'run-1', 'ok')
      await run(sink, 'acme', 'run-2', 'error')
      await run(sink, 'acme', 'bf-1', 'ok', 'backfill')
      await sink.writeOrders([order('acme', 1, new Date(Date.now() - 5 * 60_000))])
    })
    const metrics = createRunMetrics()
    metrics.breaker('acme', { state: 'open' })
    metrics.runFinished({ tenant: 'acme', status: 'error', durationMs: 1000, finishedAt: new Date() })
    const metricsFile = join(temp.make('status-metrics-'), 'qtickets.prom')
    writeFileSync(metricsFile, renderPrometheus(metrics.registry))

    const text = await runCli(['status', '--metrics-file', metricsFile], { env })
    expect(text.code).toBe(3)
    expect(text.stdout).toContain('tenant acme: last run ended with status error\ntenant acme: circuit breaker is open')
    expect(text.stdout).toMatch(/^ {2}error +orders: server HTTP 503$/m)
    expect(text.stdout).toMatch(/^ {2}last backfill +ok at /m)
    expect(text.stdout).toMatch(/^ {2}breaker +open \(at the end of the last run, from .*qtickets\.prom\)$/m)

    const configured = await runCli(['status', '--json', '--metrics-file', metricsFile], {
      env: { ...env, QTICKETS_TOKEN: 'qt-status-token-1', QTICKETS_TENANT: 'globex' },
    })
    expect(configured.code).toBe(3)
    const doc = JSON.parse(configured.stdout) as Record<string, unknown>
    expect(doc).toMatchObject({
      healthy: false,
      database: 'st_problems',
      thresholds: { maxRunAgeMinutes: 60, maxDataAgeMinutes: 180 },
      tenants: [{ tenant: 'globex', healthy: false, lastRun: null, lastSuccessAt: null, breakerState: null, problems: [{ kind: 'never_ran', detail: 'no run recorded yet' }] }],
      problems: [{ tenant: 'globex', kind: 'never_ran', message: 'tenant globex: no run recorded yet' }],
      metricsFile: { path: metricsFile, found: true },
    })
    const names = (doc.metrics as { metrics: { name: string }[] }).metrics.map((metric) => metric.name)
    expect(names).toContain('qtickets_load_breaker_state')
    expect(configured.stdout).not.toContain('qt-status-token-1')
  })

  it('--tenant without a token checks that tenant as recorded in meta_job_runs, and only that one', async () => {
    const env = await database('st_named', async (sink) => {
      await run(sink, 'acme', 'run-1', 'ok')
      await sink.writeOrders([order('acme', 1, new Date(Date.now() - 10 * 60_000))])
      await run(sink, 'globex', 'run-2', 'error')
    })
    expect((await runCli(['status'], { env })).code).toBe(3)
    const acme = await runCli(['status', '--tenant', 'acme'], { env })
    expect(acme.code, acme.stderr).toBe(0)
    expect(acme.stdout).toMatch(/^tenant acme: healthy$/m)
    expect(acme.stdout).not.toContain('globex')
    const unknown = await runCli(['status', '--tenant', 'initech'], { env })
    expect(unknown.code).toBe(3)
    expect(unknown.stdout).toMatch(/^tenant initech: no run recorded yet$/m)
  })

  it('works with a config file whose token variables are unset: its tenants are checked by name', async () => {
    const env = await database('st_config', async (sink) => {
      await run(sink, 'acme', 'run-1', 'ok')
      await sink.writeOrders([order('acme', 1, new Date(Date.now() - 10 * 60_000))])
      await run(sink, 'stray', 'run-2', 'error')
    })
    const cwd = temp.make('status-config-')
    writeFileSync(join(cwd, 'tenants.json'), JSON.stringify({ tenants: [{ name: 'acme', tokenEnv: 'ACME_TOKEN' }, { name: 'globex', tokenEnv: 'GLOBEX_TOKEN' }] }))
    const all = await runCli(['status', '--config', 'tenants.json'], { env, cwd })
    expect(all.code, all.stderr).toBe(3)
    expect(all.stdout).toMatch(/^tenant acme: healthy$/m)
    expect(all.stdout).toMatch(/^tenant globex: no run recorded yet$/m)
    expect(all.stdout).not.toContain('stray')
    expect(await runCli(['status', '--config', 'tenants.json', '--tenant', 'acme'], { env, cwd })).toMatchObject({ code: 0 })
    // The commands that call the API still need the token.
    const load = await runCli(['run', '--config', 'tenants.json', '--tenant', 'acme'], { env, cwd })
    expect(load.code).toBe(78)
    expect(logMessages(load.stderr)).toEqual(['tenants.json: tenants[0].tokenEnv names ACME_TOKEN, which is not set'])
  })

  it('with no tenant configured and none recorded: exit 3 saying so', async () => {
    const env = await database('st_empty')
    const result = await runCli(['status'], { env })
    expect(result.code).toBe(3)
    expect(result.stdout).toBe(
      'no tenant to check: QTICKETS_TOKEN is not set (or list tenants in a config file, see --config), and no run is recorded in st_empty.meta_job_runs\n',
    )
  })

  it('an unmigrated database exits 78; an unreachable server 69; a bad threshold 64', async () => {
    const fresh = await runCli(['status'], { env: { CLICKHOUSE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: 'st_unmigrated' } })
    expect(fresh.code).toBe(78)
    expect(logMessages(fresh.stderr)).toEqual(['ClickHouse database st_unmigrated is not migrated yet: run `qtickets-load migrate`, then `qtickets-load run`'])

    const port = await closedPort()
    const down = await runCli(['status'], { env: { CLICKHOUSE_URL: `http://127.0.0.1:${port}` } })
    expect(down.code).toBe(69)
    expect(logMessages(down.stderr)).toEqual([`ClickHouse unreachable: 127.0.0.1:${port} (ECONNREFUSED)`])

    expect(await runCli(['status', '--max-run-age', '0'], { env: { CLICKHOUSE_DATA_DIR: dataDir } })).toMatchObject({
      code: 64,
      stderr: 'qtickets-load: --max-run-age must be a whole number from 1 to 525600, got "0"\n',
    })
  })
})
