import { describe, expect, it } from 'vitest'
import { createSerialQueue } from './serial-queue'

describe('createSerialQueue', () => {
  it('runs tasks one at a time in call order, and keeps going after a failure', async () => {
    const queue = createSerialQueue()
    const events: string[] = []
    const task = (name: string, fail = false) => async () => {
      events.push(`start ${name}`)
      await new Promise((resolve) => setImmediate(resolve))
      events.push(`end ${name}`)
      if (fail) throw new Error(name)
      return name
    }
    const results = await Promise.allSettled([queue(task('a')), queue(task('b', true)), queue(task('c'))])
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })
})
