import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, logLines, type CliRun } from '../support/cli.js'
import { removeDir, tmpDir } from '../support/engine.js'
import { holdEmbeddedEngine, type EngineHolder } from '../support/hold-engine.js'

// The embedded engine binds its folder to one process. While another process holds it, `run` and `backfill` wait for
// it up to --lock-wait (logging that once) and then exit 75 saying so; `demo` exits 75 saying so (it has no wait).
const dataDir = tmpDir('runner-engine-busy-')
const cwd = tmpDir('runner-engine-busy-cwd-')
// The API is never reached while the engine is busy.
const env = { CLICKHOUSE_DATA_DIR: dataDir, QTICKETS_TOKEN: 'busy-engine-token-0001', QTICKETS_BASE_URL: 'http://127.0.0.1:9/api/rest/v1' }
const WAITING = `waiting for the embedded ClickHouse at ${dataDir}, held by another qtickets-load process`
const BUSY = `the embedded engine in ${dataDir} is in use by another process (a run in progress?): the embedded engine allows one process per folder, try again when it is done`
let holder: EngineHolder

beforeAll(async () => {
  holder = await holdEmbeddedEngine(dataDir)
})

afterAll(async () => {
  await holder?.release()
  removeDir(dataDir)
  removeDir(cwd)
})

const messages = (run: CliRun) => logLines(run.stderr).map((line) => ({ level: line.level, msg: line.msg }))

describe('another process holds the embedded engine', () => {
  it('run without --lock-wait exits 75 at once, saying the folder is in use', async () => {
    const run = await cli(['run', '--json'], { env, cwd })
    expect(run.code, run.stderr).toBe(75)
    expect(messages(run)).toEqual([{ level: 'error', msg: BUSY }])
  })

  it('run and backfill with --lock-wait wait for it (logging that once), then exit 75 saying so', async () => {
    for (const argv of [
      ['run', '--lock-wait', '1'],
      ['backfill', '--from', '2025-11-01', '--to', '2025-11-02', '--lock-wait', '1'],
    ]) {
      const run = await cli([...argv, '--json'], { env, cwd })
      expect(run.code, run.stderr).toBe(75)
      expect(messages(run).filter((line) => line.level !== 'info' || line.msg === WAITING)).toEqual([
        { level: 'info', msg: WAITING },
        { level: 'error', msg: BUSY },
      ])
    }
  })

  it('demo exits 75 saying the folder is in use', async () => {
    const run = await cli(['demo', '--days', '1', '--json'], { env: { CLICKHOUSE_DATA_DIR: dataDir }, cwd })
    expect(run.code, run.stderr).toBe(75)
    expect(messages(run)).toContainEqual({ level: 'error', msg: BUSY })
  })

  it('backfill with --lock-wait opens the engine as soon as the other process lets it go, and goes on', async () => {
    let released: Promise<void> | undefined
    const run = await cli(['backfill', '--from', '2025-11-01', '--to', '2025-11-02', '--lock-wait', '60', '--json'], {
      env,
      cwd,
      onStderr: (chunk) => {
        if (chunk.includes(WAITING)) released ??= holder.release()
      },
    })
    await released
    expect(released, 'the backfill never waited').toBeDefined()
    // It got the engine: the database this test never migrated is what stops it now.
    expect(run.code, run.stderr).toBe(78)
    expect(messages(run)).not.toContainEqual(expect.objectContaining({ msg: BUSY }))
    expect(run.stdout).toContain('run `qtickets-load migrate` first')
  })
})
