import { ConfigError } from '../errors.js'
import { isLogLevel, LOG_LEVELS, type LogLevel } from '../log/levels.js'
import { redactUrl } from '../log/redact-url.js'
import { closestMatch } from '../util/closest-match.js'

/** Tenant names: lowercase letters, digits, `_` and `-`, at most 63 characters. */
export const TENANT_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/

const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/
const CLUSTER_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

/** A positive integer ≤ `max` from a number or a decimal string; the error names `field` and the bad value. */
export function parsePositiveInt(field: string, raw: unknown, max: number): number {
  const value = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new ConfigError(`${field} must be a positive integer from 1 to ${max}, got ${show(raw)}`)
  }
  return value
}

/** An IANA time zone accepted by Intl; the error suggests the closest zone name. */
export function checkTimeZone(field: string, raw: unknown): string {
  const value = checkString(field, raw)
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return value
  } catch {
    const suggestion = closestMatch(value, Intl.supportedValuesOf('timeZone'))
    throw new ConfigError(`${field} is not an IANA time zone: ${show(value)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`)
  }
}

/** A tenant name matching `TENANT_NAME_PATTERN`. */
export function checkTenantName(field: string, raw: unknown): string {
  const value = checkString(field, raw)
  if (!TENANT_NAME_PATTERN.test(value)) {
    throw new ConfigError(`${field} must match ${TENANT_NAME_PATTERN.source} (lowercase letters, digits, _ and -), got ${show(value)}`)
  }
  return value
}

/** An absolute http(s) URL; the message never shows its password. */
export function checkHttpUrl(field: string, raw: unknown): URL {
  const value = checkString(field, raw)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`${field} is not a valid URL: ${show(redactUrl(value))}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${field} must be an http:// or https:// URL, got ${show(redactUrl(value))}`)
  }
  return url
}

/** A ClickHouse identifier (database name): letters, digits and `_`, not starting with a digit. */
export function checkIdentifier(field: string, raw: unknown): string {
  const value = checkString(field, raw)
  if (!IDENTIFIER_PATTERN.test(value)) throw new ConfigError(`${field} must be an identifier (${IDENTIFIER_PATTERN.source}), got ${show(value)}`)
  return value
}

/** A ClickHouse cluster name: letters, digits, `_`, `.` and `-`. */
export function checkClusterName(field: string, raw: unknown): string {
  const value = checkString(field, raw)
  if (!CLUSTER_PATTERN.test(value)) throw new ConfigError(`${field} must match ${CLUSTER_PATTERN.source}, got ${show(value)}`)
  return value
}

/** The name of an environment variable (used by `tokenEnv` and friends). */
export function checkEnvName(field: string, raw: unknown): string {
  const value = checkString(field, raw)
  if (!ENV_NAME_PATTERN.test(value)) throw new ConfigError(`${field} must name an environment variable, got ${show(value)}`)
  return value
}

/** A log level; the error lists the valid ones. */
export function checkLogLevel(field: string, raw: unknown): LogLevel {
  if (!isLogLevel(raw)) throw new ConfigError(`${field} must be one of ${LOG_LEVELS.join(', ')}, got ${show(raw)}`)
  return raw
}

/** A secret, trimmed: not empty, no inner whitespace, no `Bearer ` prefix. Messages name `field`, never the value. */
export function checkSecret(field: string, raw: unknown): string {
  if (typeof raw !== 'string') throw new ConfigError(`${field} must be a string`)
  const value = raw.trim()
  if (value === '') throw new ConfigError(`${field} is empty`)
  if (/^bearer\s/i.test(value)) throw new ConfigError(`${field} must be the bare token, without the "Bearer " prefix`)
  if (/[\s\p{Cc}]/u.test(value)) throw new ConfigError(`${field} contains whitespace or control characters`)
  return value
}

/** A password: any non-empty string, kept exactly (spaces may be part of it). Messages never show it. */
export function checkPassword(field: string, raw: unknown): string {
  if (typeof raw !== 'string') throw new ConfigError(`${field} must be a string`)
  if (raw === '') throw new ConfigError(`${field} is empty`)
  return raw
}

/** A non-empty string. */
export function checkString(field: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim() === '') throw new ConfigError(`${field} must be a non-empty string, got ${show(raw)}`)
  return raw.trim()
}

/** A value as it appears in an error message (only ever called with non-secret values). */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
  if (value === undefined) return 'nothing'
  return JSON.stringify(value) ?? String(value)
}

/** An http(s) base URL as given, without trailing slashes. */
export function checkBaseUrl(field: string, raw: unknown): string {
  checkHttpUrl(field, raw)
  return (raw as string).trim().replace(/\/+$/, '')
}
