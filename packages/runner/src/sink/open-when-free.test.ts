import { spawn } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SinkError } from '@zakaz/clickhouse-sink'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { tempDirs } from '../../test/support/temp-dirs.js'
import { createLogger } from '../log/logger.js'
import { openWhenFree } from './open-when-free.js'

const temp = tempDirs('runner-open-when-free-')
afterAll(() => temp.removeAll())

/** What the sink throws when chDB cannot bind a folder another process holds. */
const busy = (dir: string) => new SinkError('config', `cannot open the embedded ClickHouse at ${dir}: Failed to create connection for path '${dir}'`)

function memoryLogger() {
  const lines: string[] = []
  const logger = createLogger({ sink: { write: (chunk: string) => lines.push(chunk) }, format: 'json', level: 'info' })
  return { logger, records: () => lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>) }
}

/** An `open` that fails as busy `times` times, then returns 'sink'; counts its attempts. */
function busyFor(dir: string, times: number) {
  let attempts = 0
  return {
    open: async () => {
      attempts += 1
      if (attempts <= times) throw busy(dir)
      return 'sink'
    },
    attempts: () => attempts,
  }
}

describe('openWhenFree', () => {
  it('keeps trying while the folder is busy, logging the wait once, and returns the sink once it is free', async () => {
    const dir = temp.make()
    const { logger, records } = memoryLogger()
    const engine = busyFor(dir, 3)
    expect(await openWhenFree(engine.open, { dataDir: dir, waitMs: 60_000, logger, pollMs: 1 })).toBe('sink')
    expect(engine.attempts()).toBe(4)
    expect(records()).toEqual([
      expect.objectContaining({ level: 'info', msg: `waiting for the embedded ClickHouse at ${dir}, held by another qtickets-load process`, wait_s: expect.any(Number) }),
    ])
  })

  it('without a wait, fails at once with the busy error and logs nothing', async () => {
    const dir = temp.make()
    const { logger, records } = memoryLogger()
    const engine = busyFor(dir, 1)
    await expect(openWhenFree(engine.open, { dataDir: dir, waitMs: 0, logger })).rejects.toThrow('Failed to create connection for path')
    expect(engine.attempts()).toBe(1)
    expect(records()).toEqual([])
  })

  it('gives up with the busy error when the wait is over', async () => {
    const dir = temp.make()
    const { logger } = memoryLogger()
    const engine = busyFor(dir, Number.POSITIVE_INFINITY)
    await expect(openWhenFree(engine.open, { dataDir: dir, waitMs: 50, logger, pollMs: 5 })).rejects.toThrow(busy(dir).message)
    expect(engine.attempts()).toBeGreaterThan(1)
  })

  it('does not wait on other failures (an unreachable server, a bug)', async () => {
    const { logger } = memoryLogger()
    let attempts = 0
    const unreachable = async () => {
      attempts += 1
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), { code: 'ECONNREFUSED' })
    }
    await expect(openWhenFree(unreachable, { dataDir: temp.make(), waitMs: 60_000, logger, pollMs: 1 })).rejects.toThrow('ECONNREFUSED')
    expect(attempts).toBe(1)
  })

  it('does not try again while the folder names a live holder, and tries as soon as it is gone', async () => {
    const dir = temp.make()
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
    try {
      writeFileSync(join(dir, 'status'), `PID: ${holder.pid}\n`)
      const { logger, records } = memoryLogger()
      const engine = busyFor(dir, 1)
      const opened = openWhenFree(engine.open, { dataDir: dir, waitMs: 60_000, logger, pollMs: 5 })
      await vi.waitFor(() => expect(records()).toHaveLength(1))
      expect(records()[0]).toMatchObject({ holder_pid: holder.pid })
      await new Promise((resolve) => setTimeout(resolve, 100)) // a few polls
      expect(engine.attempts()).toBe(1)
      rmSync(join(dir, 'status'))
      expect(await opened).toBe('sink')
      expect(engine.attempts()).toBe(2)
    } finally {
      holder.kill()
    }
  })

  it('stops waiting when interrupted', async () => {
    const dir = temp.make()
    const { logger } = memoryLogger()
    const interrupt = new AbortController()
    const opened = openWhenFree(busyFor(dir, Number.POSITIVE_INFINITY).open, { dataDir: dir, waitMs: 60_000, logger, pollMs: 5, signal: interrupt.signal })
    interrupt.abort()
    await expect(opened).rejects.toMatchObject({ name: 'AbortError' })
  })
})
