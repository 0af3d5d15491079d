import { describe, expect, it } from 'vitest'
import { readInLanes } from './window-lanes.js'

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('readInLanes', () => {
  it('reads two at a time and reports each result in item order, whatever order the reads finish in', async () => {
    const events: string[] = []
    let running = 0
    let mostRunning = 0
    await readInLanes(
      ['a', 'b', 'c', 'd'],
      2,
      async (item) => {
        running += 1
        mostRunning = Math.max(mostRunning, running)
        await later(item === 'a' ? 30 : 5) // b, c and d finish before a
        running -= 1
        events.push(`read ${item}`)
        return item.toUpperCase()
      },
      (item, index, result) => void events.push(`done ${index} ${item} ${result}`),
    )
    expect(mostRunning).toBe(2)
    expect(events.filter((e) => e.startsWith('done'))).toEqual(['done 0 a A', 'done 1 b B', 'done 2 c C', 'done 3 d D'])
    expect(events.indexOf('done 1 b B')).toBeGreaterThan(events.indexOf('read a'))
  })

  it('on a failure, stops the other lanes, waits for them, reports nothing past the failed item and throws its error', async () => {
    const done: string[] = []
    let otherLaneSettled = false
    const run = readInLanes(
      ['a', 'b', 'c', 'd'],
      2,
      async (item, signal) => {
        if (item === 'a') {
          await later(5)
          throw new Error('503 on a')
        }
        await new Promise((resolve) => signal.addEventListener('abort', resolve))
        await later(5)
        otherLaneSettled = true
        signal.throwIfAborted()
      },
      (item) => void done.push(item),
    )
    await expect(run).rejects.toThrow('503 on a')
    expect(otherLaneSettled).toBe(true)
    expect(done).toEqual([])
  })

  it('one lane reads one item after another', async () => {
    const order: string[] = []
    await readInLanes(['a', 'b'], 1, async (item) => void order.push(item), () => {})
    expect(order).toEqual(['a', 'b'])
  })
})
