import { describe, expect, it } from 'vitest'
import { parseDotenv } from './parse-dotenv.js'

describe('parseDotenv', () => {
  it('reads plain, exported, quoted and commented lines', () => {
    const text = [
      '# a comment',
      'QTICKETS_TOKEN=abc123',
      'export CLICKHOUSE_DATABASE = analytics  # trailing comment',
      'SINGLE=\'keep # this and $HOME\'',
      'DOUBLE="line1\\nline2 \\"quoted\\""',
      'EMPTY=',
      'not a variable line',
      'URL=https://example.com/path#fragment',
    ].join('\n')
    expect(parseDotenv(text)).toEqual({
      QTICKETS_TOKEN: 'abc123',
      CLICKHOUSE_DATABASE: 'analytics',
      SINGLE: 'keep # this and $HOME',
      DOUBLE: 'line1\nline2 "quoted"',
      EMPTY: '',
      URL: 'https://example.com/path#fragment',
    })
  })

  it('handles CRLF line endings and multi-line quoted values', () => {
    expect(parseDotenv('A=1\r\nKEY="first\r\nsecond"\r\nB=2')).toEqual({ A: '1', KEY: 'first\nsecond', B: '2' })
  })

  it('lets a later line win', () => {
    expect(parseDotenv('A=1\nA=2')).toEqual({ A: '2' })
  })
})
