import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.js'
import { listOption, nonNegativeIntegerOption, positiveIntegerOption, stringOption } from './option-values.js'

describe('option values', () => {
  it('reads strings, integers and lists', () => {
    const options = { format: 'CSV', days: '7', wait: '0', resource: ['orders,events', ' clients '] }
    expect(stringOption(options, 'format')).toBe('CSV')
    expect(positiveIntegerOption(options, 'days', 365)).toBe(7)
    expect(nonNegativeIntegerOption(options, 'wait', 60)).toBe(0)
    expect(listOption(options, 'resource')).toEqual(['orders', 'events', 'clients'])
    expect(listOption({}, 'resource')).toEqual([])
    expect(positiveIntegerOption({}, 'days', 3)).toBeUndefined()
  })

  it('names the option and the bad value', () => {
    expect(() => positiveIntegerOption({ days: '0' }, 'days', 365)).toThrow(new UsageError('--days must be a whole number from 1 to 365, got "0"'))
    expect(() => positiveIntegerOption({ days: '1.5' }, 'days', 365)).toThrow(UsageError)
    expect(() => nonNegativeIntegerOption({ wait: '-1' }, 'wait', 10)).toThrow('--wait must be a whole number from 0 to 10, got "-1"')
  })
})
