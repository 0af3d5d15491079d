import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { TENANT_NAME_PATTERN } from '../config/validate.js'
import { ConfigError } from '../errors.js'
import type { Logger } from '../log/logger.js'
import { LockHeldError } from './lock-held-error.js'
import { parseLockInfo, type LockInfo } from './lock-info.js'
import { isProcessAlive } from './process-alive.js'

/** Options of `acquireTenantLock`. */
export interface AcquireTenantLockOptions {
  /** Directory of the lock files (created if missing). */
  dir: string
  tenant: string
  runId: string
  /** How long the lock stays valid without a heartbeat; default 2 minutes. */
  ttlMs?: number
  /** Heartbeat period; default a third of `ttlMs`. */
  heartbeatMs?: number
  /** false (default): fail at once when held; true: wait until free; a number: wait up to that many ms. */
  wait?: boolean | number
  /** Poll period while waiting; default 1 s. */
  pollMs?: number
  /** Receives a warning when a stale lock is taken over or ours is lost. */
  logger?: Logger
  /** Clock in ms; default `Date.now`. */
  now?: () => number
  /** This machine's name; default `os.hostname()`. */
  host?: string
}

/** A held tenant lock. */
export interface TenantLock {
  /** The lock file. */
  readonly path: string
  /** What we wrote into it (expiresAt is refreshed by the heartbeat). */
  readonly info: LockInfo
  /** Aborted when the lock is lost (its file removed or taken over): stop writing. */
  readonly signal: AbortSignal
  /** Stops the heartbeat and deletes the lock file if it is still ours; true when it was. Idempotent. */
  release(): Promise<boolean>
}

/** Default lifetime of a lock without heartbeat. */
export const DEFAULT_LOCK_TTL_MS = 120_000
const TAKEOVER_GUARD_STALE_MS = 30_000

/**
 * Takes the tenant's lock file `<dir>/<tenant>.lock`, created atomically (`open(…, 'wx')`), or throws LockHeldError (exit 75).
 * A lock is stale — and taken over with a warning — when its expiry has passed or its pid is dead on this host.
 */
export async function acquireTenantLock(options: AcquireTenantLockOptions): Promise<TenantLock> {
  if (!TENANT_NAME_PATTERN.test(options.tenant)) throw new Error(`invalid tenant name for a lock: ${JSON.stringify(options.tenant)}`)
  const now = options.now ?? Date.now
  const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS
  const host = options.host ?? hostname()
  const path = join(options.dir, `${options.tenant}.lock`)
  const deadline = waitDeadline(options.wait, now())
  await mkdir(options.dir, { recursive: true }).catch((error: unknown) => rethrowUnusableDir(options.dir, error))

  let unreadableReads = 0
  for (;;) {
    const info: LockInfo = {
      pid: process.pid,
      host,
      runId: options.runId,
      acquiredAt: new Date(now()).toISOString(),
      expiresAt: new Date(now() + ttlMs).toISOString(),
    }
    if (await createExclusive(path, info)) return holdLock({ path, info, ttlMs, now, logger: options.logger, heartbeatMs: options.heartbeatMs })
    const holder = await readHolder(path)
    if (!holder) continue // released between our attempt and the read
    const staleReason = whyStale(holder, { host, now: now(), ttlMs })
    if (staleReason) {
      if (await takeOver(path, holder.raw)) {
        options.logger?.warn('took over a stale tenant lock', { tenant: options.tenant, reason: staleReason, previous_run_id: holder.info?.runId, lock: path })
      } else {
        await sleep(50)
      }
      continue
    }
    if (!holder.info && unreadableReads++ < 20) {
      await sleep(5) // the holder is most likely writing its lock file right now
      continue
    }
    const remaining = deadline - now()
    if (remaining <= 0) throw new LockHeldError({ tenant: options.tenant, lockPath: path, holder: holder.info, now: now() })
    await sleep(Math.min(options.pollMs ?? 1000, remaining))
  }
}

function waitDeadline(wait: boolean | number | undefined, start: number): number {
  if (wait === true) return Number.POSITIVE_INFINITY
  if (typeof wait === 'number' && wait > 0) return start + wait
  return start
}

async function createExclusive(path: string, info: LockInfo): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'wx', 0o644)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    return rethrowUnusableDir(dirname(path), error)
  }
  try {
    await handle.writeFile(JSON.stringify(info))
  } finally {
    await handle.close()
  }
  return true
}

/** Turns "cannot write there" into a ConfigError naming the directory and the setting; rethrows anything else. */
function rethrowUnusableDir(dir: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST') {
    throw new ConfigError(`lock directory ${dir} is not usable (${code}); set QTICKETS_LOCK_DIR to a writable directory`)
  }
  throw error
}

interface Holder {
  raw: string
  info: LockInfo | undefined
  mtimeMs: number
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const [raw, stats] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    return { raw, info: parseLockInfo(raw), mtimeMs: stats.mtimeMs }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Why a holder's lock may be taken over, or undefined while it is valid. */
function whyStale(holder: Holder, here: { host: string; now: number; ttlMs: number }): string | undefined {
  const { info } = holder
  // A file without a valid lock is being written, or was left by a crash mid-write: stale once older than a TTL.
  if (!info) return here.now - holder.mtimeMs > here.ttlMs ? 'unreadable lock file older than the ttl' : undefined
  if (Date.parse(info.expiresAt) <= here.now) return `expired at ${info.expiresAt}`
  if (info.host === here.host && !isProcessAlive(info.pid)) return `pid ${info.pid} is not running on ${info.host}`
  return undefined
}

/**
 * Deletes a stale lock file if it still holds `staleRaw`. A short-lived guard file makes "check, then delete" atomic
 * among competing takers, so nobody deletes a fresh lock another process created in between.
 */
async function takeOver(path: string, staleRaw: string): Promise<boolean> {
  const guard = `${path}.takeover`
  let handle
  try {
    handle = await open(guard, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const guardStats = await stat(guard).catch(() => undefined)
    if (guardStats && Date.now() - guardStats.mtimeMs > TAKEOVER_GUARD_STALE_MS) await unlink(guard).catch(() => {})
    return false
  }
  try {
    await handle.close()
    const current = await readFile(path, 'utf8').catch(() => undefined)
    if (current !== staleRaw) return false
    await unlink(path)
    return true
  } finally {
    await unlink(guard).catch(() => {})
  }
}

function holdLock(options: {
  path: string
  info: LockInfo
  ttlMs: number
  heartbeatMs: number | undefined
  now: () => number
  logger: Logger | undefined
}): TenantLock {
  const { path, ttlMs, now, logger } = options
  const info = { ...options.info }
  const lost = new AbortController()
  let released = false
  let beat: Promise<void> = Promise.resolve()

  const stillOurs = async (): Promise<boolean> => {
    const current = await readFile(path, 'utf8').catch(() => undefined)
    return current !== undefined && parseLockInfo(current)?.runId === info.runId
  }
  const refresh = async (): Promise<void> => {
    if (released || lost.signal.aborted) return
    if (!(await stillOurs())) {
      logger?.warn('lost the tenant lock (removed or taken over); stopping', { lock: path })
      lost.abort(new Error(`lost the lock ${path}`))
      clearInterval(timer)
      return
    }
    info.expiresAt = new Date(now() + ttlMs).toISOString()
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(temporary, JSON.stringify(info))
    await rename(temporary, path) // atomic replace: readers never see a partial file
  }
  const timer = setInterval(() => {
    beat = beat.then(refresh).catch((error: unknown) => logger?.warn('lock heartbeat failed', { lock: path, err: error }))
  }, options.heartbeatMs ?? Math.max(10, Math.floor(ttlMs / 3)))
  timer.unref()

  return {
    path,
    get info() {
      return { ...info }
    },
    signal: lost.signal,
    release: async () => {
      if (released) return false
      released = true
      clearInterval(timer)
      await beat
      if (!(await stillOurs())) return false
      await unlink(path).catch(() => {})
      return true
    },
  }
}
