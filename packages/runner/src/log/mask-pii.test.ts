import { describe, expect, it } from 'vitest'
import { maskPii } from './mask-pii.js'

describe('maskPii', () => {
  it('masks e-mail addresses, including non-Latin ones', () => {
    expect(maskPii('buyer ivan.petrov+tickets@example.co.uk paid')).toBe('buyer [email] paid')
    expect(maskPii('контакт: иван@почта.рф')).toBe('контакт: [email]')
  })

  it('masks phones in the usual Russian and international shapes', () => {
    for (const phone of ['+7 (999) 123-45-67', '+79991234567', '8 999 123 45 67', '89991234567', '(999) 123-45-67', '+44 20 7946 0958']) {
      expect(maskPii(`call ${phone} now`), phone).toBe('call [phone] now')
    }
  })

  it('finds a phone next to other numbers', () => {
    expect(maskPii('order 12345 79991234567')).toBe('order 12345 [phone]')
  })

  it('leaves dates, times, ids and amounts alone', () => {
    const text = 'window 2025-11-03 21:03:51 to 2025-11-04, order 123456789, amount 1500.00, ts 20251103210351'
    expect(maskPii(text)).toBe(text)
  })
})
