import { describe, expect, it } from 'vitest'
import { resolvePageSize } from './page-size.js'

describe('resolvePageSize', () => {
  it('takes the option, then QTICKETS_PAGE_SIZE, then 500', () => {
    expect(resolvePageSize('200', { QTICKETS_PAGE_SIZE: '900' })).toBe(200)
    expect(resolvePageSize(undefined, { QTICKETS_PAGE_SIZE: '900' })).toBe(900)
    expect(resolvePageSize(undefined, { QTICKETS_PAGE_SIZE: ' ' })).toBe(500)
    expect(resolvePageSize(undefined, {})).toBe(500)
  })

  it('names the source and the bad value', () => {
    expect(() => resolvePageSize('0', {})).toThrow('--page-size must be a whole number from 1 to 5000, got "0"')
    expect(() => resolvePageSize(undefined, { QTICKETS_PAGE_SIZE: 'lots' })).toThrow('QTICKETS_PAGE_SIZE must be a whole number from 1 to 5000, got "lots"')
  })
})
