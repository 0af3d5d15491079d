import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { Sink } from '@zakaz/clickhouse-sink'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, logLines, type CliRun } from '../support/cli.js'
import { removeDir, TEST_PII_KEY, tmpDir, withSink } from '../support/engine.js'
import { startSim, type SimHarness } from '../support/harness.js'
import { expectInvariant } from './support/invariant.js'
import { bundleLoaderChild, removeBundle, runLoaderChild, type ChildRun } from './support/loader-child.js'
import { printScenarioTable, scenario } from './support/scenario-report.js'
import { advanceClock, settleClock } from './support/world.js'

// Two runs of one tenant never overlap. Started together, one runs and the other exits 75 naming the holder (or waits
// with --lock-wait); a lock left by a killed run, or one that expired, is taken over with a warning and the run proceeds.
const TENANT = 'locks'
const TOKEN = 'sim-reliability-locks-0001'
const DATABASE = 'locks'
const dataDir = tmpDir('reliability-locks-')
const cwd = tmpDir('reliability-locks-cwd-')
const lockFile = join(dataDir, 'locks', `${TENANT}.lock`)
let harness: SimHarness
let bundle: string
let env: Record<string, string>

const together = scenario('two runs of one tenant started together: one runs, the other exits 75 or waits')
const stale = scenario('a stale lock (killed run, expired) is taken over; a live one is respected')

beforeAll(async () => {
  harness = await startSim({ seed: 404, historyDays: 4, tenants: [{ name: TENANT, token: TOKEN, ordersPerDay: 60, events: 3 }] })
  settleClock(harness.sim)
  bundle = await bundleLoaderChild()
  env = {
    QTICKETS_TOKEN: TOKEN,
    QTICKETS_TENANT: TENANT,
    QTICKETS_BASE_URL: harness.restUrl,
    QTICKETS_INITIAL_DAYS: '30',
    CLICKHOUSE_DATA_DIR: dataDir,
    CLICKHOUSE_DATABASE: DATABASE,
    PII_HASH_KEY: TEST_PII_KEY,
  }
  const migrated = await run(['migrate'])
  expect(migrated.code, migrated.stderr).toBe(0)
})

afterAll(async () => {
  printScenarioTable('concurrent runs and locks (test/reliability/concurrent-runs.test.ts)')
  await harness?.close()
  if (bundle) removeBundle(bundle)
  removeDir(dataDir)
  removeDir(cwd)
})

/** `qtickets-load <argv>` in this process, at the simulator's now. */
const run = (argv: string[]): Promise<CliRun> => cli(argv, { env, cwd, now: () => new Date(harness.sim.clock.nowMs()) })

/** `qtickets-load <argv>` in a child process. */
const child = (argv: string[], traceName: string): Promise<ChildRun> =>
  runLoaderChild(bundle, argv, { env, cwd, nowMs: harness.sim.clock.nowMs(), traceFile: join(cwd, `${traceName}.jsonl`) })

function inspect<T>(look: (sink: Sink) => Promise<T>): Promise<T> {
  return withSink({ dataDir, database: DATABASE }, look)
}

const invariantHolds = () => inspect((sink) => expectInvariant(sink, harness.sim, TENANT))

/** The messages of the error lines of a run's stderr (JSON log lines, or plain text lines from a child). */
const errorMessages = (stderr: string): string[] => [
  ...logLines(stderr).flatMap((line) => (line.level === 'error' ? [String(line.msg)] : [])),
  ...stderr.split('\n').filter((line) => line.startsWith('qtickets-load: ')),
]
const LOCKED = new RegExp(`tenant "${TENANT}" is locked by run [0-9a-f-]+ \\(pid \\d+ on [^,]+, for [^)]+\\): another run is in progress`)

/** Makes the events listing slow, so a run holds its lock long enough for a second one to meet it. */
const slowEvents = () => harness.sim.faults.add({ route: 'events', kind: 'latency', ms: 1_500, times: 1 })

describe('two runs of the same tenant started together', () => {
  it('in one process: one runs, the other exits 75 at once with a message naming the holder', () =>
    together.run(async () => {
      advanceClock(harness.sim, { hours: 3 })
      slowEvents()
      const results = await Promise.all([run(['run']), run(['run'])])
      const codes = results.map((result) => result.code).sort()
      expect(codes, results.map((result) => result.stderr).join('\n')).toEqual([0, 75])
      const loser = results.find((result) => result.code === 75)!
      expect(errorMessages(loser.stderr)).toContainEqual(expect.stringMatching(LOCKED))
      expect(loser.stdout).toContain('exit 75')
      expect(existsSync(lockFile)).toBe(false) // the winner released it
      await invariantHolds()
    }))

  it('with --lock-wait the second waits for the first and then runs too', () =>
    together.run(async () => {
      advanceClock(harness.sim, { hours: 3 })
      slowEvents()
      const results = await Promise.all([run(['run', '--lock-wait', '60']), run(['run', '--lock-wait', '60'])])
      expect(results.map((result) => result.code), results.map((result) => result.stderr).join('\n')).toEqual([0, 0])
      const runs = await inspect((sink) => sink.lastRuns({ tenant: TENANT, job: 'run', limit: 2 }))
      expect(runs.map((record) => record.status)).toEqual(['ok', 'ok'])
      const [later, earlier] = runs
      expect(Date.parse(later!.startedAt)).toBeGreaterThanOrEqual(Date.parse(earlier!.finishedAt!)) // they did not overlap
      await invariantHolds()
    }))

  it('in two processes: one runs, the other exits 75 with a clear message (the embedded engine or the lock is busy)', () =>
    together.run(async () => {
      advanceClock(harness.sim, { hours: 3 })
      slowEvents()
      const results = await Promise.all([child(['run'], 'first'), child(['run'], 'second')])
      expect(results.map((result) => result.code).sort(), results.map((result) => result.stderr).join('\n')).toEqual([0, 75])
      const loser = results.find((result) => result.code === 75)!
      expect(errorMessages(loser.stderr)).toContainEqual(expect.stringMatching(new RegExp(`${LOCKED.source}|is in use by another process \\(a run in progress\\?\\)`)))
      await invariantHolds()
    }))

  it('in two processes with --lock-wait: the second waits for the embedded engine the first holds, then runs after it', () =>
    together.run(async () => {
      advanceClock(harness.sim, { hours: 3 })
      slowEvents()
      const results = await Promise.all([child(['run', '--lock-wait', '60'], 'first'), child(['run', '--lock-wait', '60'], 'second')])
      expect(results.map((result) => result.code), results.map((result) => result.stderr).join('\n')).toEqual([0, 0])
      // chDB allows one process per data folder: the second process waited for it (saying so once), it did not exit 75
      const waits = results.map((result) => logLines(result.stderr).filter((line) => line.msg === `waiting for the embedded ClickHouse at ${dataDir}, held by another qtickets-load process`))
      expect(waits.map((lines) => lines.length).sort(), results.map((result) => result.stderr).join('\n')).toEqual([0, 1])
      const runs = await inspect((sink) => sink.lastRuns({ tenant: TENANT, job: 'run', limit: 2 }))
      expect(runs.map((record) => record.status)).toEqual(['ok', 'ok'])
      const [later, earlier] = runs
      expect(Date.parse(later!.startedAt)).toBeGreaterThanOrEqual(Date.parse(earlier!.finishedAt!)) // they did not overlap
      await invariantHolds()
    }))
})

describe('stale locks', () => {
  it('a lock left by a SIGKILLed run (its pid is gone) is taken over with a warning, and the run proceeds', () =>
    stale.run(async () => {
      advanceClock(harness.sim, { hours: 2 })
      const killed = await runLoaderChild(bundle, ['run'], {
        env,
        cwd,
        nowMs: harness.sim.clock.nowMs(),
        traceFile: join(cwd, 'killed.jsonl'),
        killAt: { label: 'GET orders', nth: 1, moment: 'after' },
      })
      expect(killed.signal).toBe('SIGKILL')
      const left = JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }
      const next = await run(['run', '--json'])
      expect(next.code, next.stderr).toBe(0)
      expect(logLines(next.stderr)).toContainEqual(
        expect.objectContaining({ level: 'warn', msg: 'took over a stale tenant lock', reason: `pid ${left.pid} is not running on ${hostname()}` }),
      )
      await invariantHolds()
    }))

  it('an expired lock from another machine is taken over; an unexpired one makes the run exit 75 naming it', () =>
    stale.run(async () => {
      advanceClock(harness.sim, { hours: 2 })
      const lock = (expiresAt: Date) => {
        mkdirSync(join(dataDir, 'locks'), { recursive: true })
        const acquiredAt = new Date(Date.now() - 10 * 60_000).toISOString()
        writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: 'worker-7', runId: 'run-on-worker-7', acquiredAt, expiresAt: expiresAt.toISOString() }))
      }
      lock(new Date(Date.now() + 10 * 60_000))
      const refused = await run(['run'])
      expect(refused.code).toBe(75)
      expect(errorMessages(refused.stderr)).toContainEqual(expect.stringContaining(`tenant "${TENANT}" is locked by run run-on-worker-7 (pid 4242 on worker-7, for 10m`))
      lock(new Date(Date.now() - 60_000))
      const next = await run(['run', '--json'])
      expect(next.code, next.stderr).toBe(0)
      expect(logLines(next.stderr)).toContainEqual(expect.objectContaining({ msg: 'took over a stale tenant lock', reason: expect.stringMatching(/^expired at /) }))
      await invariantHolds()
    }))
})
