import { describe, expect, it } from 'vitest'
import { closestMatch, editDistance } from './closest-match.js'

const commands = ['demo', 'migrate', 'run', 'backfill', 'status', 'doctor', 'sql', 'help']

describe('closestMatch', () => {
  it('suggests the command a typo meant', () => {
    expect(closestMatch('rnu', commands)).toBe('run')
    expect(closestMatch('mgirate', commands)).toBe('migrate')
    expect(closestMatch('backfil', commands)).toBe('backfill')
    expect(closestMatch('STATUS', commands)).toBe('status')
  })

  it('suggests by prefix', () => {
    expect(closestMatch('doc', commands)).toBe('doctor')
  })

  it('suggests nothing for unrelated words', () => {
    expect(closestMatch('deploy-everything', commands)).toBeUndefined()
    expect(closestMatch('x', [])).toBeUndefined()
  })
})

describe('editDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })
})
