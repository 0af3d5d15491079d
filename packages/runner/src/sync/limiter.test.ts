import { describe, expect, it } from 'vitest'
import { createLimiter, forEachConcurrently } from './limiter.js'

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('createLimiter', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const limit = createLimiter(2)
    let active = 0
    let peak = 0
    const done: number[] = []
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        limit(async () => {
          active++
          peak = Math.max(peak, active)
          await tick()
          active--
          done.push(n)
        }),
      ),
    )
    expect(peak).toBe(2)
    expect(done.sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('frees the slot when a task fails', async () => {
    const limit = createLimiter(1)
    await expect(limit(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(limit(async () => 'next')).resolves.toBe('next')
  })

  it('rejects a non-positive limit', () => {
    expect(() => createLimiter(0)).toThrow('concurrency must be a positive integer, got 0')
  })

  it('forEachConcurrently visits every item', async () => {
    const seen: string[] = []
    await forEachConcurrently(['a', 'b', 'c'], 2, async (item) => {
      await tick()
      seen.push(item)
    })
    expect(seen.sort()).toEqual(['a', 'b', 'c'])
  })
})
