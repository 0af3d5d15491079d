import { maskPii, MASKED_EMAIL, MASKED_PHONE } from './mask-pii.js'
import { redactSecretPatterns } from './redact-secret-patterns.js'
import { REDACTED } from './redact-url.js'
import { serializeError } from './serialize-error.js'

/** Removes secrets and personal data from log messages and fields. */
export interface Redactor {
  /** `text` with known secrets, secret-shaped values, e-mails and phones replaced. */
  redactString(text: string): string
  /** A redacted deep copy of `value`: Errors serialised, secret-named keys replaced, long strings clipped, cycles and depth cut. */
  redactValue(value: unknown): unknown
  /** Adds exact secrets to hide (values shorter than 4 characters are ignored: they would mangle every line). */
  addSecrets(secrets: Iterable<string | undefined>): void
}

/** Shortest secret value replaced by exact match. */
export const MIN_SECRET_LENGTH = 4
const MAX_DEPTH = 8
const MAX_STRING = 16_384

const SECRET_WORDS = new Set(['token', 'tokens', 'authorization', 'auth', 'password', 'passwd', 'pwd', 'secret', 'secrets', 'key', 'apikey', 'cookie', 'credentials', 'signature'])

/** Creates a redactor that also hides every given secret wherever it occurs. */
export function createRedactor(secrets: Iterable<string | undefined> = []): Redactor {
  const known = new Set<string>()
  let exact: RegExp | undefined

  const redactString = (text: string): string => {
    const withoutKnown = exact ? text.replace(exact, REDACTED) : text
    return maskPii(redactSecretPatterns(withoutKnown))
  }

  const redactValue = (value: unknown, depth = 0, seen = new WeakSet<object>()): unknown => {
    if (typeof value === 'string') return redactString(clip(value))
    if (typeof value === 'bigint') return value.toString()
    if (typeof value !== 'object' || value === null) return typeof value === 'function' ? '[function]' : value
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
    if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[binary ${value.byteLength} bytes]`
    if (seen.has(value)) return '[circular]'
    if (depth >= MAX_DEPTH) return '[too deep]'
    seen.add(value)
    const plain = toPlain(value)
    const result: unknown = Array.isArray(plain)
      ? plain.map((item) => redactValue(item, depth + 1, seen))
      : redactEntries(plain as Record<string, unknown>, (item) => redactValue(item, depth + 1, seen), redactString)
    seen.delete(value)
    return result
  }

  const addSecrets = (values: Iterable<string | undefined>): void => {
    for (const value of values) {
      if (!value || value.length < MIN_SECRET_LENGTH) continue
      known.add(value)
      known.add(encodeURIComponent(value))
      known.add(JSON.stringify(value).slice(1, -1))
    }
    exact = buildExactPattern(known)
  }

  addSecrets(secrets)
  return { redactString, redactValue: (value) => redactValue(value), addSecrets }
}

function clip(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[${text.length - MAX_STRING} more chars]` : text
}

/** Errors, Maps and Headers as plain objects or arrays. */
function toPlain(value: object): unknown {
  if (value instanceof Error) return serializeError(value)
  if (value instanceof Map) return Object.fromEntries(value)
  if (value instanceof Set) return [...value]
  if (typeof Headers !== 'undefined' && value instanceof Headers) return Object.fromEntries(value.entries())
  return value
}

function redactEntries(
  object: Record<string, unknown>,
  redactItem: (item: unknown) => unknown,
  redactString: (text: string) => string,
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(object)) {
    result[redactString(key)] = redactByKey(key, item) ?? redactItem(item)
  }
  return result
}

/** The replacement a field's name alone calls for (`token`, `apiKey`, `Authorization`, `email`…), or undefined. */
function redactByKey(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
  if (words.at(-1) === 'env') return undefined // names an environment variable, not a secret
  if (words.some((word) => SECRET_WORDS.has(word))) return REDACTED
  if (words.includes('email')) return MASKED_EMAIL
  if (words.includes('phone')) return MASKED_PHONE
  return undefined
}

function buildExactPattern(secrets: Set<string>): RegExp | undefined {
  if (secrets.size === 0) return undefined
  const sorted = [...secrets].sort((a, b) => b.length - a.length)
  return new RegExp(sorted.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g')
}
