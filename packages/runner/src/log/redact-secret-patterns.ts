import { REDACTED, redactUrl } from './redact-url.js'

const AUTHORIZATION_VALUE = /(authorization["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"',}][^"'\n,}]*/gi
const BEARER_VALUE = /\b(Bearer\s+)(?!\[redacted\])[A-Za-z0-9\-._~+/]+=*/gi
const SECRET_ASSIGNMENT =
  /(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]*(?:token|password|passwd|pwd|secret|key)s?["']?\s*[:=]\s*["']?)(?!\[redacted\])([^\s"'&,;})\]]+)/gi

/**
 * Redacts secrets recognisable by shape, whatever their value: `Authorization:` headers, `Bearer …`,
 * URL passwords and secret query parameters, and `token=…` / `"password": "…"` / `PII_HASH_KEY=…` assignments.
 */
export function redactSecretPatterns(text: string): string {
  return redactUrl(text)
    .replace(AUTHORIZATION_VALUE, `$1${REDACTED}`)
    .replace(BEARER_VALUE, `$1${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, `$1${REDACTED}`)
}
