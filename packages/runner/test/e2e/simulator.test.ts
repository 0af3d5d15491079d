import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createQticketsClient, Temporal } from '@zakaz/qtickets-sdk'
import { afterAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { main } from '../../src/cli/main.js'
import { cli } from '../support/cli.js'
import { removeDir, tmpDir } from '../support/engine.js'

// `qtickets-load simulator` as the README uses it: start it, point `migrate`, `run` and `status` at the printed
// QTICKETS_BASE_URL and QTICKETS_TOKEN, let time pass, run again. The simulator and the runs share one test clock.
const dataDir = tmpDir('runner-sim-cmd-')
const cwd = tmpDir('runner-sim-cmd-cwd-')
let nowMs = Math.floor(Date.now() / 1000) * 1000
const now = () => new Date(nowMs)

afterAll(() => {
  removeDir(dataDir)
  removeDir(cwd)
})

/** Starts `qtickets-load simulator <args>` in-process; resolves once it printed its instructions. */
async function startSimulator(args: string[]) {
  const interrupt = new AbortController()
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    env: {},
    cwd,
    signal: interrupt.signal,
    now,
  }
  const exit = main(['simulator', ...args], io)
  const printed = await Promise.race([until(() => stdout.endsWith('\n')), exit.then((code) => new Error(`simulator exited with ${code}: ${stderr}`))])
  if (printed instanceof Error) throw printed
  return { stdout: () => stdout, stop: () => (interrupt.abort(), exit) }
}

/** Waits until `done()` is true (checked every 20 ms, for at most 15 s). */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 15_000; waited += 20) {
    if (await done()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('gave up waiting')
}

describe('qtickets-load simulator', () => {
  it('serves an account whose clock follows the real one; run loads it, and a later run finds the new orders', async () => {
    const simulator = await startSimulator(['--port', '0', '--orders-per-day', '60', '--days', '5', '--json'])
    try {
      const printed = JSON.parse(simulator.stdout()) as { restUrl: string; token: string; database: string; now: string }
      expect(printed.restUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/rest\/v1$/)
      expect(Temporal.Instant.from(printed.now).epochMilliseconds).toBe(nowMs)
      const env = { QTICKETS_BASE_URL: printed.restUrl, QTICKETS_TOKEN: printed.token, CLICKHOUSE_DATABASE: printed.database, CLICKHOUSE_DATA_DIR: dataDir, PII_HASH_KEY: 'sim-pepper-0123456789abcdef' }
      expect(await cli(['migrate'], { env, cwd })).toMatchObject({ code: 0 })
      const first = await cli(['run', '--json'], { env, cwd, now })
      expect(first.code, first.stderr).toBe(0)
      const firstRun = (JSON.parse(first.stdout) as { tenants: Array<{ rowsRead: Record<string, number> }> }).tenants[0]!
      expect(firstRun.rowsRead.orders).toBeGreaterThan(100) // five days of history at about 60 a day

      // a day passes: the simulator's clock catches up (it checks every second) and creates new orders
      const before = Temporal.Instant.fromEpochMilliseconds(nowMs)
      nowMs += 24 * 3_600_000
      const client = createQticketsClient({ token: printed.token, baseUrl: printed.restUrl })
      await until(async () => (await client.orders.list({ where: [['created_at', '>=', before]], perPage: 1 })).items.length > 0)
      const second = await cli(['run', '--json'], { env, cwd, now })
      expect(second.code, second.stderr).toBe(0)
      const secondRun = (JSON.parse(second.stdout) as { tenants: Array<{ rowsWritten: Record<string, number> }> }).tenants[0]!
      expect(secondRun.rowsWritten.orders).toBeGreaterThan(0)
    } finally {
      expect(await simulator.stop()).toBe(0)
    }
  })

  it('prints the variables to export and the commands to run', async () => {
    const simulator = await startSimulator(['--port', '0'])
    try {
      expect(simulator.stdout()).toMatch(
        /^ {2}export QTICKETS_BASE_URL=http:\/\/127\.0\.0\.1:\d+\/api\/rest\/v1 QTICKETS_TOKEN=sim-token-0001 CLICKHOUSE_DATABASE=qtickets_sim$/m,
      )
      expect(simulator.stdout()).toContain('pnpm qtickets-load migrate && pnpm qtickets-load run && pnpm qtickets-load status')
    } finally {
      expect(await simulator.stop()).toBe(0)
    }
  })

  it('exits 69 naming the port when it is in use', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = taken.address() as AddressInfo
      const result = await cli(['simulator', '--port', String(port)], { env: {}, cwd })
      expect(result.code).toBe(69)
      expect(result.stderr).toContain(`port ${port} is in use`)
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })
})
