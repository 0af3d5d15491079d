import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.js'
import { checkReadOnlyQuery } from './read-only-query.js'

describe('checkReadOnlyQuery', () => {
  it('accepts read statements and drops a trailing semicolon', () => {
    expect(checkReadOnlyQuery('SELECT 1;')).toBe('SELECT 1')
    expect(checkReadOnlyQuery('  with d as (select 1) select * from d')).toBe('with d as (select 1) select * from d')
    expect(checkReadOnlyQuery('-- daily\nSHOW TABLES')).toBe('-- daily\nSHOW TABLES')
    expect(checkReadOnlyQuery("SELECT 'DROP TABLE x; INSERT' AS s")).toBe("SELECT 'DROP TABLE x; INSERT' AS s")
    expect(checkReadOnlyQuery('(SELECT 1) UNION ALL (SELECT 2)')).toBe('(SELECT 1) UNION ALL (SELECT 2)')
  })

  it('rejects writes, several statements and file output', () => {
    for (const [sql, message] of [
      ['DROP TABLE zakaz.meta_sync_state', 'sql runs read-only queries (SELECT, WITH, SHOW, DESCRIBE, DESC, EXPLAIN, EXISTS), got DROP'],
      ['INSERT INTO t SELECT 1', 'got INSERT'],
      ['/* SELECT */ ALTER TABLE t DELETE WHERE 1', 'got ALTER'],
      ['SELECT 1; DROP TABLE t', 'sql runs one statement at a time'],
      ["SELECT * FROM t INTO OUTFILE '/tmp/x.csv'", 'sql does not write files (INTO OUTFILE)'],
      ['   ', 'sql needs a query'],
    ] as const) {
      expect(() => checkReadOnlyQuery(sql), sql).toThrow(UsageError)
      expect(() => checkReadOnlyQuery(sql), sql).toThrow(message)
    }
  })
})
