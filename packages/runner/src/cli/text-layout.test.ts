import { describe, expect, it } from 'vitest'
import { formatParagraph, formatRows, wrapText } from './text-layout.js'

describe('wrapText', () => {
  it('wraps on word boundaries', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four'])
  })
})

describe('formatRows', () => {
  it('aligns descriptions and wraps them under their column', () => {
    const text = formatRows([['--from <date>', 'first day to load, inclusive'], ['--json', 'JSON output']], { width: 40 })
    expect(text.split('\n')).toEqual([
      '  --from <date>  first day to load,',
      '                 inclusive',
      '  --json         JSON output',
    ])
  })

  it('puts the description of a long term on the next line', () => {
    const text = formatRows([['a-very-long-term-that-is-long', 'desc'], ['b', 'other']], { maxTerm: 5 })
    expect(text.split('\n')).toEqual(['  a-very-long-term-that-is-long', '         desc', '  b      other'])
  })
})

describe('formatParagraph', () => {
  it('indents every wrapped line', () => {
    expect(formatParagraph('alpha beta gamma', { indent: 4, width: 14 })).toBe('    alpha beta\n    gamma')
  })
})
