import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { QticketsEvent } from '@zakaz/qtickets-sdk'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config/load-config.js'
import { createLogger } from '../log/logger.js'
import type { TenantRunResult } from '../sync/types.js'
import { createRunObserver } from './run-observer'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('run-observer-')
afterAll(() => temp.removeAll())

const T0 = Date.parse('2025-11-03T09:00:00Z')
const MINUTE = 60_000

/** A loopback webhook that records every JSON body it receives and answers 200. */
async function startWebhook() {
  const bodies: Record<string, unknown>[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      bodies.push(JSON.parse(body) as Record<string, unknown>)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/qtickets`, bodies }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

function setup(env: Record<string, string>, options: { dryRun?: boolean } = {}) {
  const dir = temp.make()
  const config = loadConfig({ env: { QTICKETS_TOKEN: 'qt-observer-token-0123' }, cwd: dir, flags: { dryRun: options.dryRun ?? false } })
  const lines: string[] = []
  const logger = createLogger({ sink: { write: (line: string) => lines.push(line) }, level: 'debug' })
  const metricsFile = join(dir, 'qtickets.prom')
  const stateFile = join(dir, 'alert-state.json')
  const observerEnv: Record<string, string> = { QTICKETS_ALERT_STATE_FILE: stateFile, ...env }
  return { dir, config, logger, lines, metricsFile, stateFile, env: observerEnv }
}

function result(minute: number, status: TenantRunResult['status']): TenantRunResult {
  const finishedAt = new Date(T0 + minute * MINUTE)
  return {
    tenant: 'acme',
    runId: `run-${minute}`,
    job: 'run',
    status,
    startedAt: new Date(finishedAt.getTime() - 30_000),
    finishedAt,
    durationMs: 30_000,
    rowsRead: status === 'error' ? {} : { orders: 50, events: 4 },
    rowsWritten: status === 'error' ? {} : { orders: 50, events: 4 },
    failures: status === 'error' ? [{ resource: 'orders', kind: 'server', status: 503, message: 'GET /orders answered 503' }] : [],
    newestPaidAt: status === 'error' ? null : new Date(finishedAt.getTime() - 5 * MINUTE),
    recomputedDays: [],
  }
}

const failing503: QticketsEvent[] = [
  { type: 'request', method: 'GET', path: '/orders', status: 503, ms: 40, attempt: 1, errorKind: 'server' },
  { type: 'retry', method: 'GET', path: '/orders', attempt: 2, delayMs: 250, errorKind: 'server', status: 503 },
  { type: 'request', method: 'GET', path: '/orders', status: 503, ms: 40, attempt: 2, errorKind: 'server' },
]

/** One `run` process: a fresh observer over the same files, fed SDK events and one tenant result, then closed. */
async function runOnce(ctx: ReturnType<typeof setup>, minute: number, status: TenantRunResult['status'], events: QticketsEvent[]) {
  const observer = await createRunObserver({
    config: ctx.config,
    logger: ctx.logger,
    metricsFile: ctx.metricsFile,
    env: ctx.env,
    now: () => new Date(T0 + minute * MINUTE + 1000),
  })
  for (const event of events) observer.onSdkEvent('acme', event, 'orders')
  observer.onTenantFinished(result(minute, status))
  await observer.close()
  return readFileSync(ctx.metricsFile, 'utf8')
}

describe('createRunObserver', () => {
  it('over ok, three failed runs with the breaker open, ok: the metrics file shows the breaker and one outage alert and one recovery arrive', async () => {
    const webhook = await startWebhook()
    const ctx = setup({ QTICKETS_ALERT_WEBHOOK_URL: webhook.url })

    await runOnce(ctx, 0, 'ok', [{ type: 'request', method: 'GET', path: '/orders', status: 200, ms: 30, attempt: 1 }])
    expect(webhook.bodies).toEqual([])

    const afterFirstFailure = await runOnce(ctx, 5, 'error', [...failing503, { type: 'breaker', state: 'open' }])
    expect(afterFirstFailure).toContain('qtickets_load_breaker_state{tenant="acme"} 2')
    expect(afterFirstFailure).toContain('qtickets_load_breaker_transitions_total{tenant="acme",state="open"} 1')
    expect(afterFirstFailure).toContain('qtickets_load_last_run_status{tenant="acme",status="error"} 1')
    expect(webhook.bodies).toHaveLength(1)

    for (const minute of [10, 15]) {
      await runOnce(ctx, minute, 'error', [{ type: 'breaker', state: 'half_open' }, ...failing503, { type: 'breaker', state: 'open' }])
    }
    expect(webhook.bodies).toHaveLength(1)

    const recovered = await runOnce(ctx, 20, 'ok', [
      { type: 'breaker', state: 'half_open' },
      { type: 'request', method: 'GET', path: '/orders', status: 200, ms: 30, attempt: 1 },
      { type: 'breaker', state: 'closed' },
    ])
    expect(recovered).toContain('qtickets_load_breaker_state{tenant="acme"} 0')
    expect(recovered).toContain('qtickets_load_breaker_transitions_total{tenant="acme",state="open"} 3')
    expect(recovered).toContain('qtickets_load_runs_total{tenant="acme",status="error"} 3')
    expect(recovered).toContain('qtickets_load_runs_total{tenant="acme",status="ok"} 2')
    expect(recovered).toContain('qtickets_load_rows_written_total{tenant="acme",resource="orders"} 100')
    expect(recovered).toContain('qtickets_load_http_responses_total{tenant="acme",resource="orders",method="GET",status="503"} 6')
    expect(recovered).toContain(`qtickets_load_last_success_timestamp_seconds{tenant="acme"} ${(T0 + 20 * MINUTE) / 1000}`)

    expect(webhook.bodies).toEqual([
      {
        kind: 'problem',
        tenant: 'acme',
        problem: 'outage',
        message: expect.stringMatching(/^\[qtickets-load\] PROBLEM tenant acme: loading is failing since 2025-11-03T09:05:01Z \(.*orders server HTTP 503.*circuit breaker open/),
        at: '2025-11-03T09:05:01.000Z',
      },
      {
        kind: 'recovery',
        tenant: 'acme',
        problem: 'outage',
        message: '[qtickets-load] RECOVERED tenant acme: loading works again at 2025-11-03T09:20:01Z after 15m (problem since 2025-11-03T09:05:01Z)',
        at: '2025-11-03T09:20:01.000Z',
      },
    ])
  })

  it('a notifier that is down does not fail close(); the alert is retried after the next run', async () => {
    const down = setup({ QTICKETS_ALERT_WEBHOOK_URL: `http://127.0.0.1:${await closedPort()}/hook` })
    await runOnce(down, 0, 'error', failing503)
    expect(down.lines.join('')).toContain('alert not delivered (problem outage); it is retried after the next run')
    expect(readFileSync(down.metricsFile, 'utf8')).toContain('qtickets_load_runs_total{tenant="acme",status="error"} 1')

    const webhook = await startWebhook()
    await runOnce({ ...down, env: { ...down.env, QTICKETS_ALERT_WEBHOOK_URL: webhook.url } }, 5, 'error', failing503)
    expect(webhook.bodies).toMatchObject([{ kind: 'problem', problem: 'outage', at: '2025-11-03T09:00:01.000Z' }])
  })

  it('a backfill adds its rows but is no run: it neither sets the last success nor raises an alert', async () => {
    const webhook = await startWebhook()
    const ctx = setup({ QTICKETS_ALERT_WEBHOOK_URL: webhook.url })
    const observer = await createRunObserver({ config: ctx.config, logger: ctx.logger, metricsFile: ctx.metricsFile, env: ctx.env, now: () => new Date(T0) })
    observer.onTenantFinished({ ...result(0, 'ok'), job: 'backfill' })
    observer.onTenantFinished({ ...result(1, 'error'), job: 'backfill', tenant: 'globex' })
    await observer.close()
    const text = readFileSync(ctx.metricsFile, 'utf8')
    expect(text).toContain('qtickets_load_rows_written_total{tenant="acme",resource="orders"} 50')
    expect(text).not.toContain('qtickets_load_runs_total')
    expect(text).not.toContain('qtickets_load_last_success_timestamp_seconds')
    expect(webhook.bodies).toEqual([])
  })

  it('never throws when the metrics file cannot be written: it logs a warning', async () => {
    const ctx = setup({})
    const observer = await createRunObserver({ config: ctx.config, logger: ctx.logger, metricsFile: join(ctx.dir, 'missing', 'q.prom'), env: {} })
    observer.onTenantFinished(result(0, 'ok'))
    await expect(observer.close()).resolves.toBeUndefined()
    expect(ctx.lines.join('')).toContain('metrics file could not be written')
  })

  it('a dry run leaves the metrics file and the alert state alone', async () => {
    const webhook = await startWebhook()
    const ctx = setup({ QTICKETS_ALERT_WEBHOOK_URL: webhook.url }, { dryRun: true })
    const observer = await createRunObserver({ config: ctx.config, logger: ctx.logger, metricsFile: ctx.metricsFile, env: ctx.env })
    observer.onTenantFinished(result(0, 'error'))
    await observer.close()
    expect(existsSync(ctx.metricsFile)).toBe(false)
    expect(existsSync(ctx.stateFile)).toBe(false)
    expect(webhook.bodies).toEqual([])
  })

  it('refuses monitoring settings that would silently not work, naming the setting', async () => {
    const ctx = setup({})
    await expect(createRunObserver({ config: ctx.config, logger: ctx.logger, metricsFile: join(ctx.dir, 'q.txt'), env: {} })).rejects.toThrow(
      /--metrics-file must end in \.prom/,
    )
    await expect(
      createRunObserver({ config: ctx.config, logger: ctx.logger, env: { QTICKETS_ALERT_WEBHOOK_URL: 'https://hooks.example.com/x' } }),
    ).rejects.toMatchObject({ exitCode: 78, message: expect.stringContaining('QTICKETS_ALERT_STATE_FILE is required') })
  })
})
