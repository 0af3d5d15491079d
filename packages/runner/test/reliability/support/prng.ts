/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence, so a failure can be replayed. */
export interface Prng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
}

/** Creates a PRNG from a 32-bit seed. */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick: the list is empty')
      return items[Math.floor(next() * items.length)] as (typeof items)[number]
    },
  }
}
