import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Sink } from '@zakaz/clickhouse-sink'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDir, TEST_PII_KEY, tmpDir, withSink } from '../support/engine.js'
import { startSim, type SimHarness } from '../support/harness.js'
import { expectInvariant } from './support/invariant.js'
import { describeKillPoint, type KillPoint, type TraceLine } from './support/kill-switch.js'
import { bundleLoaderChild, removeBundle, runLoaderChild, type ChildRun } from './support/loader-child.js'
import { createPrng } from './support/prng.js'
import { printScenarioTable, scenario } from './support/scenario-report.js'
import { advanceClock, cursorAtNow, settleClock } from './support/world.js'

// `qtickets-load run` is SIGKILLed for real, in a child process, at operations chosen by a seeded PRNG: an HTTP request
// (before it is sent or after its answer arrived: between pages), or a ClickHouse insert or command (before it is sent
// or after it committed: between an insert and the cursor write, between a recompute and the cursor write…). Each
// kill (every fourth case: two kills in a row) is followed by a clean run in a new child, then the parent opens the data
// directory (the children have exited: chDB binds one directory per process) and checks the invariant.
// RELIABILITY_KILL_POINTS (cases, default 16) and RELIABILITY_SEED choose how many and which.
const KILL_POINTS = Number(process.env.RELIABILITY_KILL_POINTS ?? 16)
const SEED = Number(process.env.RELIABILITY_SEED ?? 20251116)
const TENANT = 'crash'
const TOKEN = 'sim-reliability-crash-0001'
const DATABASE = 'crash'
const dataDir = tmpDir('reliability-crash-')
const cwd = tmpDir('reliability-crash-cwd-')
const prng = createPrng(SEED)
let harness: SimHarness
let bundle: string
let env: Record<string, string>
/** Operations of the last complete run, by label: where the next kill point is drawn from. */
let lastLabels: Record<string, number> | null = null

const crash = scenario(`SIGKILL at a random operation, then a clean run (seed ${SEED})`)
const hits: Record<string, number> = {}
let pointsTried = 0
let ranToTheEnd = 0
let doubleKills = 0
/** Clock nudges off a moment where an order is updated at or after now (see `settleClock`). */
let nudges = 0

beforeAll(async () => {
  harness = await startSim({ seed: 303, historyDays: 5, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 300, events: 4 }] })
  settleClock(harness.sim)
  bundle = await bundleLoaderChild()
  env = {
    QTICKETS_TOKEN: TOKEN,
    QTICKETS_TENANT: TENANT,
    QTICKETS_BASE_URL: harness.restUrl,
    QTICKETS_PAGE_SIZE: '100',
    QTICKETS_INITIAL_DAYS: '30',
    CLICKHOUSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: DATABASE,
    PII_HASH_KEY: TEST_PII_KEY,
    LOG_LEVEL: 'info',
  }
  const migrated = await child(['migrate'])
  expect(migrated.code, migrated.stderr).toBe(0)
})

afterAll(async () => {
  crash.note(`kill points tried: ${pointsTried} in ${crash.tried} cases (${doubleKills} killed twice before the clean run); the process was killed at ${pointsTried - ranToTheEnd}, ${ranToTheEnd} lay beyond the end of their run`)
  crash.note(`clock nudged by 5 s ${nudges} times off moments with an order updated at or after now`)
  crash.note(`operations hit: ${Object.entries(hits).sort(([a], [b]) => a.localeCompare(b)).map(([label, n]) => `${label} ×${n}`).join(', ')}`)
  printScenarioTable('crash recovery (test/reliability/crash-recovery.test.ts)')
  await harness?.close()
  if (bundle) removeBundle(bundle)
  removeDir(dataDir)
  removeDir(cwd)
})

function child(argv: string[], killAt?: KillPoint): Promise<ChildRun> {
  return runLoaderChild(bundle, argv, { env, cwd, nowMs: harness.sim.clock.nowMs(), traceFile: join(cwd, 'trace.jsonl'), ...(killAt ? { killAt } : {}) })
}

/** The operations that carry orders to the facts and the cursor: pages, staging inserts, recomputes, cursor and pending-days writes. */
const ORDERS_PATH = /^(GET orders$|insert stg_qtickets_api_(orders|baskets)_raw|command fact_|insert meta_sync_state)/

/** Named points every campaign covers (after the initial load): between pages, between an insert and the cursor write, between the recompute and the cursor write. */
const NAMED_POINTS: readonly KillPoint[] = [
  { label: 'GET orders', nth: 1, moment: 'after' },
  { label: 'insert stg_qtickets_api_baskets_raw', nth: 1, moment: 'after' },
  { label: 'command fact_qtickets_sales_utm_daily', nth: 1, moment: 'after' },
]

/**
 * The first kill lands inside the initial load, the next ones on the named points. Later ones take, in turn, each label
 * of the orders path seen in the last complete run and, every third time, any label (events, optional resources, run
 * records) drawn by the PRNG; then one of its occurrences, before or after it, drawn by the PRNG.
 */
function nextKillPoint(k: number): KillPoint {
  const named = NAMED_POINTS[k - 2]
  if (k > 1 && named) return named
  const moment = prng.pick(['before', 'after'] as const)
  if (!lastLabels) return { nth: prng.int(1, 40), moment }
  const all = Object.keys(lastLabels).sort()
  const ordersPath = all.filter((label) => ORDERS_PATH.test(label))
  const label = k % 3 === 0 || ordersPath.length === 0 ? prng.pick(all) : ordersPath[k % ordersPath.length]!
  return { label, nth: prng.int(1, lastLabels[label] ?? 1), moment }
}

function finishedLabels(trace: TraceLine[]): Record<string, number> | null {
  for (const line of trace) if ('finished' in line) return line.finished.labels
  return null
}

function inspect<T>(look: (sink: Sink) => Promise<T>): Promise<T> {
  return withSink({ dataDir, database: DATABASE }, look)
}

/** Runs `run` with a kill point and tallies where it died (or that it ran to the end, which must then be a success). */
async function killedRun(point: KillPoint): Promise<void> {
  pointsTried += 1
  const killed = await child(['run'], point)
  const died = killed.trace.find((line): line is Extract<TraceLine, { killed: unknown }> => 'killed' in line)
  if (died) {
    expect(killed.signal, `${describeKillPoint(point)}: ${killed.stderr.slice(-2000)}`).toBe('SIGKILL')
    const where = `${died.killed.moment} ${died.killed.label}`
    hits[where] = (hits[where] ?? 0) + 1
  } else {
    ranToTheEnd += 1
    expect(killed.code, `a run that was not killed must succeed: ${killed.stderr.slice(-2000)}`).toBe(0)
  }
}

describe('the loader is killed at random points of a run', () => {
  for (let k = 1; k <= KILL_POINTS; k++) {
    const twice = k % 4 === 0
    it(`kill point ${k} of ${KILL_POINTS}${twice ? ' (killed twice in a row)' : ''}: the next run recovers with nothing lost or doubled`, () =>
      crash.run(async () => {
        if (k > 1) nudges += advanceClock(harness.sim, { minutes: prng.int(30, 8 * 60) })
        const point = nextKillPoint(k)
        await killedRun(point)
        if (twice) {
          // the scheduler's next run, a few minutes later, dies too before a clean one gets through
          nudges += advanceClock(harness.sim, { minutes: 5 })
          await killedRun(nextKillPoint(k + 1))
          doubleKills += 1
        }
        const lockLeft = existsSync(join(dataDir, 'locks', `${TENANT}.lock`))
        const recovery = await child(['run', '--json'])
        expect(recovery.code, `recovery after ${describeKillPoint(point)}: ${recovery.stderr.slice(-3000)}`).toBe(0)
        if (lockLeft) expect(recovery.stderr).toContain('took over a stale tenant lock')
        lastLabels = finishedLabels(recovery.trace)
        await inspect(async (sink) => {
          await expectInvariant(sink, harness.sim, TENANT)
          expect(await sink.getCursor(TENANT, 'orders')).toBe(cursorAtNow(harness.sim))
          expect(await sink.getCursor(TENANT, 'orders:pending_days')).toBe('[]')
          const [last] = await sink.lastRuns({ tenant: TENANT, job: 'run', limit: 1 })
          expect(last?.status).toBe('ok')
        })
      }))
  }
})
