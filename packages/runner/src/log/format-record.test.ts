import { describe, expect, it } from 'vitest'
import { formatJsonLine, formatPrettyLine } from './format-record.js'

const record = { time: '2025-11-03T18:03:51.123Z', level: 'warn', msg: 'slow page', tenant: 'acme', page: 3, note: 'two words' }

describe('formatJsonLine', () => {
  it('writes one parseable JSON object with the core fields first', () => {
    const line = formatJsonLine(record)
    expect(line).not.toContain('\n')
    expect(Object.keys(JSON.parse(line))).toEqual(['time', 'level', 'msg', 'tenant', 'page', 'note'])
  })
})

describe('formatPrettyLine', () => {
  it('writes time, level, message and key=value context', () => {
    expect(formatPrettyLine(record)).toBe('18:03:51.123 WARN  slow page tenant=acme page=3 note="two words"')
  })

  it('prints an error summary inline and its stack below', () => {
    const err = { name: 'Error', message: 'boom', stack: 'Error: boom\n    at f (x.ts:1:1)' }
    const lines = formatPrettyLine({ time: '2025-11-03T18:03:51.123Z', level: 'error', msg: 'failed', err }).split('\n')
    expect(lines[0]).toBe('18:03:51.123 ERROR failed err="Error: boom"')
    expect(lines.slice(1)).toEqual(['    Error: boom', '    at f (x.ts:1:1)'])
  })
})
