import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createJsonFileAlertStore, createMemoryAlertStore } from './alert-store'
import { type AlertMessage, createAlertManager, type TenantObservation } from './alerts'
import { evaluateHealth, type TenantHealthInput } from './health'

const t0 = Date.parse('2025-11-03T09:00:00Z')
const at = (minutes: number) => new Date(t0 + minutes * 60_000)

/** A sender that records what it was given and answers with `deliver` (true unless told otherwise). */
function recorder() {
  const sent: AlertMessage[] = []
  let deliver = true
  return {
    sent,
    setDelivering(value: boolean) {
      deliver = value
    },
    send: async (message: AlertMessage) => {
      sent.push(message)
      return deliver
    },
  }
}

/** Health as `run` would evaluate it after recording the run. */
function healthOf(input: Omit<TenantHealthInput, 'tenant'>, now: Date) {
  return evaluateHealth({ now, tenants: [{ tenant: 'acme', ...input }], maxRunAgeMinutes: 60, maxDataAgeMinutes: 180 }).problems
}

const storm503 = { status: 'error' as const, failures: [{ resource: 'orders', kind: 'server', status: 503 }] }

describe('alert manager across processes (JSON file store)', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qtl-alerts-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('a 503 storm over several runs gives exactly one outage alert and one recovery', async () => {
    const file = join(dir, 'alerts.json')
    const notifier = recorder()
    const lastOk = at(0)
    const newestPaid = at(-10)
    /** Each run is a new process: a new store and a new manager reading the same file. */
    const runProcess = (observation: TenantObservation, now: Date) =>
      createAlertManager({ store: createJsonFileAlertStore(file), send: notifier.send }).observe([observation], now)

    await runProcess(
      {
        tenant: 'acme',
        run: { status: 'ok' },
        breakerState: 'closed',
        healthProblems: healthOf({ lastSuccessAt: lastOk, lastRunStatus: 'ok', newestDataAt: newestPaid }, at(0)),
      },
      at(0),
    )
    for (const minutes of [5, 45, 200]) {
      await runProcess(
        {
          tenant: 'acme',
          run: storm503,
          breakerState: 'open',
          healthProblems: healthOf(
            { lastSuccessAt: lastOk, lastRunStatus: 'error', newestDataAt: newestPaid, breakerState: 'open' },
            at(minutes),
          ),
        },
        at(minutes),
      )
    }
    const deliveries = await runProcess(
      {
        tenant: 'acme',
        run: { status: 'ok' },
        breakerState: 'closed',
        healthProblems: healthOf({ lastSuccessAt: at(205), lastRunStatus: 'ok', newestDataAt: at(204) }, at(205)),
      },
      at(205),
    )

    expect(notifier.sent).toEqual([
      {
        kind: 'problem',
        tenant: 'acme',
        problem: 'outage',
        at: '2025-11-03T09:05:00.000Z',
        message:
          '[qtickets-load] PROBLEM tenant acme: loading is failing since 2025-11-03T09:05:00Z ' +
          '(run ended with status error: orders server HTTP 503; circuit breaker open)',
      },
      {
        kind: 'recovery',
        tenant: 'acme',
        problem: 'outage',
        at: '2025-11-03T12:25:00.000Z',
        message:
          '[qtickets-load] RECOVERED tenant acme: loading works again at 2025-11-03T12:25:00Z after 3h20m ' +
          '(problem since 2025-11-03T09:05:00Z)',
      },
    ])
    expect(deliveries.map((d) => [d.message.kind, d.delivered])).toEqual([['recovery', true]])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, problems: {} })
  })

  it('starts from an empty state, logging a warning, when the state file is corrupt', async () => {
    const file = join(dir, 'alerts.json')
    await writeFile(file, '{not json')
    const warnings: string[] = []
    const notifier = recorder()
    const manager = createAlertManager({
      store: createJsonFileAlertStore(file),
      send: notifier.send,
      logger: { warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields)}`) },
    })
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(0))
    expect(notifier.sent.map((m) => m.kind)).toEqual(['problem'])
    expect(warnings).toEqual([
      `alert state unreadable, starting from an empty state {"error":"alert state file ${file}: not valid JSON"}`,
    ])
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).problems)).toHaveLength(1)
  })
})

describe('alert manager rules', () => {
  it('retries an undelivered problem alert on the next run and then suppresses repeats', async () => {
    const store = createMemoryAlertStore()
    const notifier = recorder()
    const manager = createAlertManager({ store, send: notifier.send })
    notifier.setDelivering(false)
    const first = await manager.observe([{ tenant: 'acme', run: storm503 }], at(0))
    expect(first.map((d) => d.delivered)).toEqual([false])
    notifier.setDelivering(true)
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(5))
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(10))
    expect(notifier.sent.map((m) => [m.kind, m.at])).toEqual([
      ['problem', at(0).toISOString()],
      ['problem', at(0).toISOString()],
    ])
  })

  it('drops a problem that resolved before any alert about it was delivered', async () => {
    const notifier = recorder()
    const manager = createAlertManager({ store: createMemoryAlertStore(), send: notifier.send })
    notifier.setDelivering(false)
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(0))
    notifier.setDelivering(true)
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' } }], at(5))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' } }], at(10))
    expect(notifier.sent.map((m) => m.kind)).toEqual(['problem'])
  })

  it('retries an undelivered recovery, and a recurrence before it is delivered stays one ongoing problem', async () => {
    const notifier = recorder()
    const manager = createAlertManager({ store: createMemoryAlertStore(), send: notifier.send })
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(0))
    notifier.setDelivering(false)
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' } }], at(5))
    notifier.setDelivering(true)
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(10))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' } }], at(15))
    expect(notifier.sent.map((m) => [m.kind, m.at])).toEqual([
      ['problem', at(0).toISOString()],
      ['recovery', at(5).toISOString()],
      ['recovery', at(15).toISOString()],
    ])
  })

  it('tracks a failing optional resource on its own and keeps it through an error run', async () => {
    const notifier = recorder()
    const manager = createAlertManager({ store: createMemoryAlertStore(), send: notifier.send })
    const partial = { status: 'partial' as const, failures: [{ resource: 'barcodes', kind: 'auth', status: 403 }] }
    await manager.observe([{ tenant: 'acme', run: partial }], at(0))
    await manager.observe([{ tenant: 'acme', run: partial }], at(5))
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(10))
    await manager.observe([{ tenant: 'acme', run: partial }], at(15))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' } }], at(20))
    expect(notifier.sent.map((m) => [m.kind, m.problem, m.resource ?? '-', m.at])).toEqual([
      ['problem', 'partial', 'barcodes', at(0).toISOString()],
      ['problem', 'outage', '-', at(10).toISOString()],
      ['recovery', 'outage', '-', at(15).toISOString()],
      ['recovery', 'partial', 'barcodes', at(20).toISOString()],
    ])
    expect(notifier.sent[0]?.message).toBe(
      '[qtickets-load] PROBLEM tenant acme: resource barcodes is failing (the other resources load) since ' +
        '2025-11-03T09:00:00Z (barcodes auth HTTP 403)',
    )
  })

  it('holds back stale data during an outage and announces it only if it outlasts the outage', async () => {
    const notifier = recorder()
    const manager = createAlertManager({ store: createMemoryAlertStore(), send: notifier.send })
    const stale = healthOf({ lastSuccessAt: at(-1), lastRunStatus: 'ok', newestDataAt: at(-500) }, at(0))
    await manager.observe([{ tenant: 'acme', run: storm503, healthProblems: stale }], at(0))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' }, healthProblems: stale }], at(5))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' }, healthProblems: stale }], at(10))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' }, healthProblems: [] }], at(15))
    expect(notifier.sent.map((m) => [m.kind, m.problem, m.at])).toEqual([
      ['problem', 'outage', at(0).toISOString()],
      ['recovery', 'outage', at(5).toISOString()],
      ['problem', 'stale_data', at(0).toISOString()],
      ['recovery', 'stale_data', at(15).toISOString()],
    ])
  })

  it('says nothing about stale data that clears together with the outage', async () => {
    const notifier = recorder()
    const manager = createAlertManager({ store: createMemoryAlertStore(), send: notifier.send })
    const stale = healthOf({ lastSuccessAt: at(-1), lastRunStatus: 'error', newestDataAt: at(-500) }, at(0))
    await manager.observe([{ tenant: 'acme', run: storm503, healthProblems: stale }], at(0))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' }, healthProblems: [] }], at(5))
    expect(notifier.sent.map((m) => [m.kind, m.problem])).toEqual([
      ['problem', 'outage'],
      ['recovery', 'outage'],
    ])
  })

  it('leaves the problems of tenants that were not observed as they are', async () => {
    const notifier = recorder()
    const manager = createAlertManager({ store: createMemoryAlertStore(), send: notifier.send })
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(0))
    await manager.observe([{ tenant: 'beta', run: { status: 'ok' }, healthProblems: [] }], at(5))
    await manager.observe([{ tenant: 'acme', run: storm503 }], at(10))
    expect(notifier.sent.map((m) => [m.kind, m.tenant])).toEqual([['problem', 'acme']])
  })

  it('keeps an outage open while the breaker stays open even if a run was not reported', async () => {
    const notifier = recorder()
    const manager = createAlertManager({ store: createMemoryAlertStore(), send: notifier.send })
    await manager.observe([{ tenant: 'acme', run: storm503, breakerState: 'open' }], at(0))
    await manager.observe([{ tenant: 'acme', breakerState: 'open' }], at(5))
    await manager.observe([{ tenant: 'acme', run: { status: 'ok' } }], at(10))
    expect(notifier.sent.map((m) => m.kind)).toEqual(['problem'])
    await manager.observe([{ tenant: 'acme', breakerState: 'closed' }], at(15))
    expect(notifier.sent.map((m) => m.kind)).toEqual(['problem', 'recovery'])
  })

  it('counts messages as delivered when no sender is configured, and never throws on a failing store', async () => {
    const warnings: string[] = []
    const manager = createAlertManager({
      store: { load: async () => ({ version: 1, problems: {} }), save: async () => Promise.reject(new Error('disk full')) },
      logger: { warn: (message) => warnings.push(message) },
    })
    const deliveries = await manager.observe([{ tenant: 'acme', run: storm503 }], at(0))
    expect(deliveries.map((d) => [d.message.kind, d.delivered])).toEqual([['problem', true]])
    expect(warnings).toEqual(['alert state could not be saved'])
  })
})
