import { createHmac } from 'node:crypto'
import type { SinkLogger } from './logger'

/** Keyed hashes of personal data; null when the input is empty or no key is configured. */
export interface PiiHasher {
  /** HMAC-SHA256 hex of the trimmed, lower-cased e-mail. */
  email(value: string | null | undefined): string | null
  /** HMAC-SHA256 hex of the phone as digits with the country code (`8XXXXXXXXXX` and 10-digit `9XXXXXXXXX` → `7…`). */
  phone(value: string | null | undefined): string | null
  /** False when no key was given (every hash is null). */
  readonly enabled: boolean
}

/** Trimmed, lower-cased e-mail, or null when empty. */
export function normalizeEmail(value: string | null | undefined): string | null {
  const email = (value ?? '').trim().toLowerCase()
  return email === '' ? null : email
}

/** Digits with a leading country code (Russian `8XXXXXXXXXX` and `9XXXXXXXXX` become `7XXXXXXXXXX`), or null when there are no digits. */
export function normalizePhone(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/\D/g, '')
  if (digits === '') return null
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`
  return digits
}

/** Creates the hasher for `PII_HASH_KEY`; without a key it returns null for everything and warns once through the logger. */
export function createPiiHasher(key?: string, logger?: SinkLogger): PiiHasher {
  if (!key) return disabledHasher(logger)
  const hash = (normalized: string | null): string | null =>
    normalized === null ? null : createHmac('sha256', key).update(normalized, 'utf8').digest('hex')
  return {
    enabled: true,
    email: (value) => hash(normalizeEmail(value)),
    phone: (value) => hash(normalizePhone(value)),
  }
}

function disabledHasher(logger: SinkLogger | undefined): PiiHasher {
  let warned = false
  const warnOnce = (): null => {
    if (!warned) {
      warned = true
      logger?.warn('PII_HASH_KEY is not set: e-mail and phone hashes are stored as null')
    }
    return null
  }
  return { enabled: false, email: warnOnce, phone: warnOnce }
}
