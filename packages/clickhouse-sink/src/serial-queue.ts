/** Runs a task after every task handed in before it has settled. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>

/** A queue that runs tasks one at a time, in call order; a failed task does not stop the ones after it. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}

/** A queue that runs every task at once (for servers, where settings travel with each request). */
export const noQueue: SerialQueue = (task) => task()
