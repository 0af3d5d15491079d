import { describe, expect, it } from 'vitest'
import { createPrng } from './prng.js'
import { renderScenarioTable, type ScenarioTally } from './scenario-report.js'

describe('the scenario table', () => {
  it('shows cases tried and passed per scenario, marks a scenario with a failed or no case, and lists the notes', () => {
    const row = (name: string, tried: number, passed: number, notes: string[] = []): ScenarioTally => ({ name, tried, passed, notes, run: async (check) => check(), note() {} })
    const table = renderScenarioTable('demo', [row('storm', 2, 2, ['3 requests']), row('kill', 16, 15), row('never ran', 0, 0)])
    expect(table.split('\n')).toEqual([
      'reliability · demo',
      'scenario   tried  passed  result',
      '---------  -----  ------  ------',
      'storm          2       2      ok',
      'kill          16      15  FAILED',
      'never ran      0       0  FAILED',
      '  storm: 3 requests',
      '',
    ])
  })
})

describe('the seeded PRNG', () => {
  it('replays the same sequence for the same seed and stays in range', () => {
    const draw = (seed: number) => {
      const prng = createPrng(seed)
      return Array.from({ length: 200 }, () => prng.int(3, 7))
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    expect(new Set(draw(42))).toEqual(new Set([3, 4, 5, 6, 7]))
    expect(() => createPrng(1).pick([])).toThrow('the list is empty')
  })
})
