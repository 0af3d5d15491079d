import { describe, expect, it } from 'vitest'
import { groupDigits, textTable } from './text-table.js'

describe('textTable', () => {
  it('aligns columns left or right', () => {
    expect(textTable([['event', 'tickets'], ['Джаз', '12'], ['Концерт «Пример»', '3']], ['left', 'right'])).toBe(
      ['  event             tickets', '  Джаз                   12', '  Концерт «Пример»        3'].join('\n'),
    )
  })
})

describe('groupDigits', () => {
  it('groups thousands and keeps kopecks only when there are some', () => {
    expect(groupDigits(27900)).toBe('27 900')
    expect(groupDigits(1234567.5)).toBe('1 234 567.50')
    expect(groupDigits(0)).toBe('0')
  })
})
