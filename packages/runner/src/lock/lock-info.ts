/** What a lock file holds. */
export interface LockInfo {
  pid: number
  host: string
  runId: string
  /** ISO instant the lock was taken. */
  acquiredAt: string
  /** ISO instant after which the lock is stale unless its heartbeat renewed it. */
  expiresAt: string
}

/** A lock file's content, or undefined when it is empty, partial or not a lock (e.g. being written). */
export function parseLockInfo(text: string): LockInfo | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>
    const valid =
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.runId === 'string' &&
      typeof value.acquiredAt === 'string' &&
      typeof value.expiresAt === 'string' &&
      !Number.isNaN(Date.parse(value.expiresAt))
    return valid ? (value as LockInfo) : undefined
  } catch {
    return undefined
  }
}
