/**
 * Seeded, stateless pseudo-random numbers. Every random choice in the simulator is
 * `rand(seed, ...keys)`: the same inputs always give the same number, so an order is a
 * pure function of (seed, index) and nothing depends on call order. No Math.random.
 */

/** Mixes a 32-bit state with one more integer (murmur3-style finaliser). */
function mix(h: number, k: number): number {
  let x = Math.imul(k | 0, 0xcc9e2d51)
  x = (x << 15) | (x >>> 17)
  x = Math.imul(x, 0x1b873593)
  let y = (h ^ x) | 0
  y = (y << 13) | (y >>> 19)
  return (Math.imul(y, 5) + 0xe6546b64) | 0
}

/** Final avalanche so that close inputs give unrelated outputs. */
function finalise(h: number): number {
  let x = h ^ (h >>> 16)
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** An unsigned 32-bit hash of the given integers (non-integers are truncated). */
export function hash32(...keys: number[]): number {
  let h = 0x9747b28c
  for (const key of keys) {
    h = mix(h, key)
    // Keep the high part of large integers (ids above 2^32) in the hash too.
    h = mix(h, Math.floor(key / 4294967296))
  }
  return finalise(h ^ keys.length)
}

/** A number in [0, 1) derived from the given integers. */
export function rand(...keys: number[]): number {
  return hash32(...keys) / 4294967296
}

/** An integer in [min, max] (inclusive) derived from the given integers. */
export function randInt(min: number, max: number, ...keys: number[]): number {
  return min + Math.floor(rand(...keys) * (max - min + 1))
}

/** Picks an element of a non-empty list from the given integers. */
export function pick<T>(list: readonly T[], ...keys: number[]): T {
  const item = list[Math.floor(rand(...keys) * list.length)]
  if (item === undefined) throw new Error('pick: empty list')
  return item
}

/** Turns a seed given as a number or a string into a 32-bit integer. */
export function seedToInt(seed: number | string): number {
  if (typeof seed === 'number') return hash32(seed)
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193)
  return hash32(h)
}

/** A lowercase hex string of `length` characters derived from the given integers. */
export function hexOf(length: number, ...keys: number[]): string {
  let out = ''
  for (let part = 0; out.length < length; part++) out += hash32(...keys, part).toString(16).padStart(8, '0')
  return out.slice(0, length)
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** An alphanumeric string (like QTickets' `uniqid`) derived from the given integers. */
export function alnumOf(length: number, ...keys: number[]): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALNUM[hash32(...keys, i) % ALNUM.length]
  return out
}
