import { describe, expect, it } from 'vitest'
import { readOnlySettings } from './read-only-settings'

describe('readOnlySettings', () => {
  it('puts readonly last, after the caller settings, and never lets a caller turn it off', () => {
    const settings = readOnlySettings({ readonly: '0', default_format: 'CSV' })
    expect(Object.entries(settings)).toEqual([
      ['default_format', 'CSV'],
      ['readonly', '1'],
    ])
  })
})
