import { describe, expect, test } from 'vitest'
import { redactText } from './redact'

describe('redactText', () => {
  test('masks e-mails, phones and secrets', () => {
    const text = 'client anna@example.org +7 (000) 000-01-01 token tok-123 not found'
    expect(redactText(text, ['tok-123'])).toBe('client [email] [phone] token [secret] not found')
  })

  test('keeps ordinary messages and short numbers', () => {
    expect(redactText('Resource "Order" not found, id 2750119')).toBe('Resource "Order" not found, id 2750119')
  })

  test('caps the length', () => {
    expect(redactText('x'.repeat(500))).toHaveLength(201)
  })
})
