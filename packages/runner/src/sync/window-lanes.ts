/**
 * Reads `items` in up to `lanes` concurrent lanes and reports each one, with what its read returned, through `done` in
 * ITEM order, once it and every item before it have been read — so a caller can store "done through item i" however
 * the lanes finish. When a read fails, the other lanes are told to stop (`signal`), every lane is waited for, and the
 * first failure is thrown.
 */
export async function readInLanes<T, R>(
  items: readonly T[],
  lanes: number,
  read: (item: T, signal: AbortSignal) => Promise<R>,
  done: (item: T, index: number, result: R) => void | Promise<void>,
): Promise<void> {
  const stop = new AbortController()
  const finished = new Map<number, R>()
  let nextToRead = 0
  let nextToReport = 0
  let failure: { error: unknown } | undefined
  const report = async () => {
    while (finished.has(nextToReport)) {
      const result = finished.get(nextToReport) as R
      finished.delete(nextToReport)
      await done(items[nextToReport] as T, nextToReport, result)
      nextToReport += 1
    }
  }
  const lane = async () => {
    while (!failure && nextToRead < items.length) {
      const index = nextToRead++
      try {
        finished.set(index, await read(items[index] as T, stop.signal))
        await report()
      } catch (error) {
        failure ??= { error }
        stop.abort(error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane))
  if (failure) throw failure.error
}
