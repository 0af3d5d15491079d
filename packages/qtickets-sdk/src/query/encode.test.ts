import { describe, expect, test } from 'vitest'
import { toJsonBody, toSearchParams } from './encode'

const query = {
  where: [{ column: 'payed_at', operator: '>=' as const, value: '2025-11-10T12:00:00+03:00' }],
  orderBy: { id: 'asc' as const },
  page: 2,
}

describe('toSearchParams', () => {
  test('JSON-encodes structures and percent-encodes +', () => {
    const text = toSearchParams(query).toString()
    expect(text).toContain('%2B03%3A00')
    expect(text).not.toContain('+')
    expect(text).toContain('page=2')
  })

  test('round-trips through a URL parser', () => {
    const url = new URL(`https://x.test/orders?${toSearchParams(query).toString()}`)
    expect(JSON.parse(url.searchParams.get('where') ?? '')).toEqual(query.where)
    expect(JSON.parse(url.searchParams.get('orderBy') ?? '')).toEqual({ id: 'asc' })
  })
})

describe('toJsonBody', () => {
  test('sends nothing for an empty query', () => {
    expect(toJsonBody({})).toBeUndefined()
  })

  test('keeps the + of offsets as is', () => {
    expect(toJsonBody(query)).toContain('"2025-11-10T12:00:00+03:00"')
  })
})
