import { describe, expect, it } from 'vitest'
import { MalformedRequest, type RawCondition } from './query'
import { compileOrderBy, compileWhere, type Columns } from './where'

interface Row { id: number; flag: boolean; name: string | null; at: number | null; tags: number[] }

const columns: Columns = { id: 'number', flag: 'bool', name: 'string', at: 'timestamp', tags: 'array' }
const rows: Row[] = [
  { id: 1, flag: true, name: 'a', at: Date.parse('2025-11-10T00:00:00+03:00'), tags: [3101] },
  { id: 2, flag: false, name: null, at: null, tags: [] },
  { id: 3, flag: true, name: 'c', at: Date.parse('2025-11-12T00:00:00+03:00'), tags: [7] },
]
const get = (row: Row, column: string) => row[column as keyof Row]
const cond = (column: string, operator: string, value?: unknown): RawCondition => ({ column, operator, value, hasValue: value !== undefined })
const ids = (...conditions: RawCondition[]) => rows.filter(compileWhere(conditions, columns, get)).map((r) => r.id)

describe('where', () => {
  it('treats a NULL column as matching nothing but null', () => {
    expect(ids(cond('name', '!=', 'a'))).toEqual([3])
    expect(ids(cond('name', 'not in', ['a']))).toEqual([3])
    expect(ids(cond('name', 'null'))).toEqual([2])
    expect(ids(cond('name', 'not null'))).toEqual([1, 3])
    expect(ids({ column: 'name', operator: '!=', value: null, hasValue: true })).toEqual([1, 3])
  })

  it('compares timestamps as instants', () => {
    expect(ids(cond('at', '>', '2025-11-10T04:59:59+08:00'))).toEqual([1, 3])
    expect(ids(cond('at', '>', '2025-11-10T05:00:00+08:00'))).toEqual([3])
    expect(ids(cond('at', '<', '2025-11-09T21:00:01Z'.replace('Z', '+00:00')))).toEqual([1])
    expect(ids(cond('at', '=', '2025-11-09T16:00:00-05:00'))).toEqual([1])
  })

  it('tests membership in array columns', () => {
    expect(ids(cond('tags', 'in array', 3101))).toEqual([1])
    expect(ids(cond('tags', 'in array', '7'))).toEqual([3])
    expect(ids(cond('tags', 'not in array', [3101, 7]))).toEqual([2])
  })

  it('rejects what the real service cannot process', () => {
    const bad = [
      cond('at', '>', '2025-11-10T00:00:00+0300'),
      cond('at', '>', '2025-11-10 00:00:00'),
      cond('at', '>', 1731196800),
      cond('id', 'like', 1),
      cond('id', '<>', 1),
      cond('nope', '=', 1),
      cond('id', '=', 'abc'),
      cond('flag', '=', 'yes'),
      cond('id', 'in', 1),
      cond('id', 'in array', 1),
      cond('tags', '=', 1),
      cond('id', '<'),
    ]
    for (const c of bad) expect(() => compileWhere([c], columns, get), JSON.stringify(c)).toThrow(MalformedRequest)
  })
})

describe('orderBy', () => {
  it('sorts by several keys with NULLs first ascending', () => {
    const compare = compileOrderBy([['flag', 'desc'], ['at', 'asc']], columns, get)
    expect([...rows].sort(compare ?? undefined).map((r) => r.id)).toEqual([1, 3, 2])
    const byName = compileOrderBy([['name', 'asc']], columns, get)
    expect([...rows].sort(byName ?? undefined).map((r) => r.id)).toEqual([2, 1, 3])
    expect(() => compileOrderBy([['tags', 'asc']], columns, get)).toThrow(MalformedRequest)
  })
})
