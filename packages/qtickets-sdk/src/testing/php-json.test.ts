import { describe, expect, it } from 'vitest'
import { phpJson } from './php-json'

describe('phpJson', () => {
  it('escapes slashes and non-ASCII like PHP json_encode', () => {
    expect(phpJson({ url: 'https://qtickets.test/pay/x', city: 'Москва' })).toBe(
      '{"url":"https:\\/\\/qtickets.test\\/pay\\/x","city":"\\u041c\\u043e\\u0441\\u043a\\u0432\\u0430"}',
    )
  })

  it('writes astral characters as surrogate pairs and keeps \\r\\n escapes', () => {
    expect(phpJson('😀\r\n')).toBe('"\\ud83d\\ude00\\r\\n"')
  })

  it('round-trips through JSON.parse', () => {
    const value = { a: [1, 2.5, null, true], s: 'Вечер «Пример» / 18+', empty: [], nested: { x: '' } }
    expect(JSON.parse(phpJson(value))).toEqual(value)
  })
})
