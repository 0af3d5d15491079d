import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { ConfigError } from '../errors.js'
import { createLogger } from '../log/logger.js'
import { acquireTenantLock } from './acquire-tenant-lock.js'
import { LockHeldError } from './lock-held-error.js'
import type { LockInfo } from './lock-info.js'
import { withTenantLock } from './with-tenant-lock.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('runner-lock-')
afterAll(() => temp.removeAll())

function lockDir(): string {
  return temp.make()
}

function readLock(dir: string, tenant = 'acme'): LockInfo {
  return JSON.parse(readFileSync(join(dir, `${tenant}.lock`), 'utf8')) as LockInfo
}

function writeLock(dir: string, info: Partial<LockInfo>, tenant = 'acme'): void {
  const full: LockInfo = {
    pid: process.pid,
    host: hostname(),
    runId: 'other-run',
    acquiredAt: new Date(Date.now() - 60_000).toISOString(),
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    ...info,
  }
  writeFileSync(join(dir, `${tenant}.lock`), JSON.stringify(full))
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''])
  return child.pid
}

function memoryLogger() {
  let text = ''
  return { logger: createLogger({ sink: { write: (chunk: string) => (text += chunk) } }), text: () => text }
}

describe('acquireTenantLock', () => {
  it('lets exactly one of many concurrent runs win', async () => {
    const dir = lockDir()
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => acquireTenantLock({ dir, tenant: 'acme', runId: `run-${i}` })),
    )
    const winners = attempts.filter((attempt) => attempt.status === 'fulfilled')
    const losers = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected')
    expect(winners).toHaveLength(1)
    expect(losers).toHaveLength(7)
    const winner = (winners[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireTenantLock>>>).value
    for (const loser of losers) {
      expect(loser.reason).toBeInstanceOf(LockHeldError)
      expect((loser.reason as LockHeldError).holder?.runId).toBe(winner.info.runId)
      expect((loser.reason as LockHeldError).exitCode).toBe(75)
    }
    expect(readLock(dir)).toMatchObject({ pid: process.pid, host: hostname(), runId: winner.info.runId })
    await winner.release()
  })

  it('keeps tenants independent', async () => {
    const dir = lockDir()
    const acme = await acquireTenantLock({ dir, tenant: 'acme', runId: 'a' })
    const globex = await acquireTenantLock({ dir, tenant: 'globex', runId: 'b' })
    expect(existsSync(join(dir, 'acme.lock')) && existsSync(join(dir, 'globex.lock'))).toBe(true)
    await Promise.all([acme.release(), globex.release()])
  })

  it('names the holder run, pid, host and age in the error', async () => {
    const dir = lockDir()
    writeLock(dir, { runId: 'run-42', host: 'worker-7', pid: 4242, acquiredAt: new Date(Date.now() - 192_000).toISOString() })
    const error = await acquireTenantLock({ dir, tenant: 'acme', runId: 'mine' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LockHeldError)
    expect((error as Error).message).toMatch(/^tenant "acme" is locked by run run-42 \(pid 4242 on worker-7, for 3m1\ds\): another run is in progress/)
    expect((error as LockHeldError).ageMs).toBeGreaterThanOrEqual(192_000)
  })

  it('takes over a lock whose pid is dead on this host, with a warning', async () => {
    const dir = lockDir()
    const pid = deadPid()
    writeLock(dir, { pid, runId: 'crashed-run' })
    const { logger, text } = memoryLogger()
    const lock = await acquireTenantLock({ dir, tenant: 'acme', runId: 'mine', logger })
    expect(readLock(dir).runId).toBe('mine')
    const warning = JSON.parse(text().trim())
    expect(warning).toMatchObject({ level: 'warn', msg: 'took over a stale tenant lock', previous_run_id: 'crashed-run' })
    expect(warning.reason).toContain(`pid ${pid} is not running`)
    await lock.release()
  })

  it('does not take over a live lock held on another host, even with a pid unknown here', async () => {
    const dir = lockDir()
    writeLock(dir, { pid: deadPid(), host: 'another-host', runId: 'remote-run' })
    await expect(acquireTenantLock({ dir, tenant: 'acme', runId: 'mine' })).rejects.toBeInstanceOf(LockHeldError)
  })

  it('takes over an expired lock from any host', async () => {
    const dir = lockDir()
    writeLock(dir, { host: 'another-host', runId: 'expired-run', expiresAt: new Date(Date.now() - 1000).toISOString() })
    const { logger, text } = memoryLogger()
    const lock = await acquireTenantLock({ dir, tenant: 'acme', runId: 'mine', logger })
    expect(readLock(dir).runId).toBe('mine')
    expect(text()).toContain('expired at')
    await lock.release()
  })

  it('treats an unreadable lock file as held until it is older than the ttl', async () => {
    const dir = lockDir()
    const path = join(dir, 'acme.lock')
    writeFileSync(path, '')
    await expect(acquireTenantLock({ dir, tenant: 'acme', runId: 'mine', ttlMs: 60_000 })).rejects.toBeInstanceOf(LockHeldError)
    const old = new Date(Date.now() - 120_000)
    utimesSync(path, old, old)
    const lock = await acquireTenantLock({ dir, tenant: 'acme', runId: 'mine', ttlMs: 60_000 })
    expect(readLock(dir).runId).toBe('mine')
    await lock.release()
  })

  it('release removes only our own lock', async () => {
    const dir = lockDir()
    const lock = await acquireTenantLock({ dir, tenant: 'acme', runId: 'mine' })
    writeLock(dir, { runId: 'usurper' })
    expect(await lock.release()).toBe(false)
    expect(readLock(dir).runId).toBe('usurper')

    const second = await acquireTenantLock({ dir: lockDir(), tenant: 'acme', runId: 'mine' })
    expect(await second.release()).toBe(true)
    expect(existsSync(second.path)).toBe(false)
    expect(await second.release()).toBe(false)
  })

  it('refreshes expiresAt with a heartbeat while held', async () => {
    const dir = lockDir()
    const lock = await acquireTenantLock({ dir, tenant: 'acme', runId: 'mine', ttlMs: 60_000, heartbeatMs: 20 })
    const first = readLock(dir).expiresAt
    await vi.waitFor(() => expect(Date.parse(readLock(dir).expiresAt)).toBeGreaterThan(Date.parse(first)), { timeout: 5000, interval: 20 })
    expect(readLock(dir)).toMatchObject({ runId: 'mine', acquiredAt: lock.info.acquiredAt })
    await lock.release()
  })

  it('aborts its signal when the lock is taken away', async () => {
    const dir = lockDir()
    const { logger, text } = memoryLogger()
    const lock = await acquireTenantLock({ dir, tenant: 'acme', runId: 'mine', heartbeatMs: 20, logger })
    writeLock(dir, { runId: 'usurper' })
    await vi.waitFor(() => expect(lock.signal.aborted).toBe(true), { timeout: 5000, interval: 20 })
    expect(text()).toContain('lost the tenant lock')
    expect(readLock(dir).runId).toBe('usurper')
    await lock.release()
  })

  it('waits for the holder to release when asked to wait', async () => {
    const dir = lockDir()
    const first = await acquireTenantLock({ dir, tenant: 'acme', runId: 'first' })
    const second = acquireTenantLock({ dir, tenant: 'acme', runId: 'second', wait: 30_000, pollMs: 10 })
    setTimeout(() => void first.release(), 50)
    const lock = await second
    expect(readLock(dir).runId).toBe('second')
    await lock.release()
  })

  it('gives up after the wait budget', async () => {
    const dir = lockDir()
    const first = await acquireTenantLock({ dir, tenant: 'acme', runId: 'first' })
    await expect(acquireTenantLock({ dir, tenant: 'acme', runId: 'second', wait: 50, pollMs: 10 })).rejects.toBeInstanceOf(LockHeldError)
    await first.release()
  })

  it('says which lock directory is unusable, as a configuration error', async () => {
    const parent = lockDir()
    writeFileSync(join(parent, 'file'), 'not a directory')
    const error = await acquireTenantLock({ dir: join(parent, 'file', 'locks'), tenant: 'acme', runId: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toMatch(/^lock directory .*file\/locks is not usable \((ENOTDIR|EEXIST)\); set QTICKETS_LOCK_DIR/)
  })

  it('refuses a tenant name that could escape the lock directory', async () => {
    await expect(acquireTenantLock({ dir: lockDir(), tenant: '../etc', runId: 'x' })).rejects.toThrow('invalid tenant name')
  })
})

describe('withTenantLock', () => {
  it('releases the lock after the work, even when it throws', async () => {
    const dir = lockDir()
    await expect(
      withTenantLock({ dir, tenant: 'acme', runId: 'mine' }, async (lock) => {
        expect(existsSync(lock.path)).toBe(true)
        throw new Error('sync failed')
      }),
    ).rejects.toThrow('sync failed')
    expect(existsSync(join(dir, 'acme.lock'))).toBe(false)
    expect(await withTenantLock({ dir, tenant: 'acme', runId: 'again' }, async () => 'done')).toBe('done')
  })
})
