/** Runs async work with at most `limit` tasks in flight. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>

/** A small semaphore: `limit(() => work())` waits for a free slot, runs, and frees the slot however it ends. */
export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`)
  let active = 0
  const waiting: Array<() => void> = []
  const release = () => {
    active--
    waiting.shift()?.()
  }
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      release()
    }
  }
}

/** Calls `work` on every item with at most `concurrency` calls in flight; resolves when all have settled (work must not throw). */
export async function forEachConcurrently<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const limit = createLimiter(concurrency)
  await Promise.all(items.map((item) => limit(() => work(item))))
}
