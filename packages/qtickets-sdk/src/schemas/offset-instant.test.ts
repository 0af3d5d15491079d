import { Temporal } from 'temporal-polyfill'
import { describe, expect, it } from 'vitest'
import { parseOffsetInstant } from './offset-instant'

/** What Temporal itself makes of a string: epoch ms, or the error class it throws. */
function temporalAnswer(text: string): number | string {
  try {
    return Temporal.Instant.from(text).epochMilliseconds
  } catch (error) {
    return (error as Error).constructor.name
  }
}

function fastAnswer(text: string): number | string {
  try {
    return parseOffsetInstant(text).epochMilliseconds
  } catch (error) {
    return (error as Error).constructor.name
  }
}

/** A small deterministic PRNG, so the sample is the same on every run. */
function numbers(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

describe('parseOffsetInstant', () => {
  it('reads the API shapes to the same instant as Temporal: +03:00, +0300, -05:00, Z and a space separator', () => {
    const texts = ['2025-11-10T12:15:31+03:00', '2025-11-10T12:15:31+0300', '2025-11-10 04:15:31-05:00', '2025-11-10T09:15:31Z', '2025-11-10t09:15:31z']
    for (const text of texts) expect(parseOffsetInstant(text).toString()).toBe(Temporal.Instant.from(text).toString())
    expect(parseOffsetInstant('2025-11-10T12:15:31+03:00').toString()).toBe('2025-11-10T09:15:31Z')
  })

  it('agrees with Temporal.Instant.from on 20 000 generated strings, valid and invalid (Feb 29/30, hour 24, second 60, fractions)', () => {
    const next = numbers(7)
    const pick = (max: number) => Math.floor(next() * max)
    const disagreements: string[] = []
    for (let i = 0; i < 20_000; i++) {
      const year = [1899, 1900, 2000, 2023, 2024, 2100, 2299, 9999, 50][pick(9)]!
      const fraction = pick(10) === 0 ? `.${pick(1000)}` : ''
      const offset = ['Z', '+03:00', '+0300', '-05:30', '+14:00', '+24:00', '-00:60', '+05:00'][pick(8)]!
      const text = `${pad(year, 4)}-${pad(pick(14))}-${pad(pick(33))}T${pad(pick(26))}:${pad(pick(61))}:${pad(pick(62))}${fraction}${offset}`
      if (fastAnswer(text) !== temporalAnswer(text)) disagreements.push(text)
    }
    expect(disagreements).toEqual([])
  })

  it('throws like Temporal for a day that does not exist', () => {
    expect(() => parseOffsetInstant('2025-02-29T10:00:00+03:00')).toThrow(RangeError)
    expect(parseOffsetInstant('2024-02-29T10:00:00+03:00').toString()).toBe('2024-02-29T07:00:00Z')
  })
})
