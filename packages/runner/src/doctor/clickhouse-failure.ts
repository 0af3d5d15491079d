import type { ClickHouseConfig } from '../config/types.js'
import { RunnerError } from '../errors.js'
import { ExitCode, type ExitCodeValue } from '../exit-codes.js'

/** What went wrong talking to ClickHouse, in the terms a user can act on. */
export type ClickHouseFailureKind = 'unreachable' | 'busy' | 'auth' | 'access' | 'config' | 'query' | 'other'

/** A classified ClickHouse failure: kind, codes and the first line of the message. */
export interface ClickHouseFailure {
  kind: ClickHouseFailureKind
  /** ClickHouse error code (`516`), when ClickHouse answered. */
  code?: string
  /** ClickHouse error type (`AUTHENTICATION_FAILED`), when known. */
  type?: string
  /** System error code (`ECONNREFUSED`) or `timeout`, when no answer arrived. */
  systemCode?: string
  /** First line of the message, at most 300 characters. */
  message: string
}

// UNKNOWN_USER, WRONG_PASSWORD, REQUIRED_PASSWORD (old servers) and AUTHENTICATION_FAILED (current ones).
const AUTH_CODES = new Set(['192', '193', '194', '516'])
// ACCESS_DENIED, NOT_ENOUGH_PRIVILEGES.
const ACCESS_CODES = new Set(['497', '241'])
const SYSTEM_CODE = /\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|EPIPE|ECONNABORTED|EPROTO|CERT_[A-Z_]+|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN)\b/

/** Classifies an error from `@clickhouse/client`, chDB or the sink (`SinkError`, whose raw cause is not kept). */
export function describeClickHouseFailure(error: unknown): ClickHouseFailure {
  const full = error instanceof Error ? error.message : String(error)
  const message = firstLine(full)
  const ownCode = field(error, 'code')
  const code = ownCode !== undefined && /^\d+$/.test(ownCode) ? ownCode : /\bCode: (\d+)[.,]/.exec(full)?.[1]
  const type = field(error, 'type') ?? /\(([A-Z][A-Z0-9_]{2,})\)/.exec(full)?.[1]
  const systemCode = ownCode !== undefined && SYSTEM_CODE.test(ownCode) ? ownCode : transportCode(full)
  const base = { message, ...(code ? { code } : {}), ...(code && type ? { type } : {}) }
  if ((code && AUTH_CODES.has(code)) || /authentication failed|wrong password|password is incorrect/i.test(full)) return { ...base, kind: 'auth' }
  if (code && ACCESS_CODES.has(code)) return { ...base, kind: 'access' }
  if (code) return { ...base, kind: 'query' }
  if (systemCode) return { ...base, kind: 'unreachable', systemCode }
  // chDB binds one data folder per process: another process (a run in progress) holds it.
  if (/Failed to create connection for path/.test(full)) return { ...base, kind: 'busy' }
  if (field(error, 'kind') === 'config') return { ...base, kind: 'config' }
  return { ...base, kind: 'other' }
}

/** Where ClickHouse is, for messages: `host:port` of a server, or the embedded engine's folder. Never credentials. */
export function clickhouseTarget(clickhouse: ClickHouseConfig): string {
  if (clickhouse.mode === 'embedded' || !clickhouse.url) return `embedded engine in ${clickhouse.dataDir}`
  try {
    const url = new URL(clickhouse.url)
    const port = url.port || (url.protocol === 'https:' ? '443' : '80')
    return `${url.hostname}:${port}`
  } catch {
    return 'the configured server'
  }
}

/** The exit code a ClickHouse failure stands for: 69 unreachable, 75 embedded engine busy, 78 credentials/grants/setup, 65 a query ClickHouse refused. */
export function clickhouseExitCode(failure: ClickHouseFailure): ExitCodeValue {
  if (failure.kind === 'unreachable') return ExitCode.UNAVAILABLE
  if (failure.kind === 'busy') return ExitCode.LOCK_HELD
  if (failure.kind === 'auth' || failure.kind === 'access' || failure.kind === 'config') return ExitCode.CONFIG
  if (failure.kind === 'query') return ExitCode.DATA_ERROR
  return ExitCode.INTERNAL
}

/** One line saying what failed, naming the target and the ClickHouse or system code; never a password. */
export function clickhouseFailureText(failure: ClickHouseFailure, clickhouse: ClickHouseConfig): string {
  const target = clickhouseTarget(clickhouse)
  const codeText = failure.code ? `ClickHouse ${failure.code}${failure.type ? ` ${failure.type}` : ''}` : undefined
  switch (failure.kind) {
    case 'unreachable':
      return `ClickHouse unreachable: ${target} (${failure.systemCode})`
    case 'busy':
      return `the ${target} is in use by another process (a run in progress?): the embedded engine allows one process per folder, try again when it is done`
    case 'auth':
      return `ClickHouse authentication failed for user ${clickhouse.user ?? 'default'} at ${target}${codeText ? ` (${codeText})` : ''}`
    case 'access':
      return `ClickHouse refused access (${codeText}): ${failure.message}`
    case 'query':
      return `ClickHouse error (${codeText}): ${failure.message}`
    default:
      return failure.message
  }
}

/**
 * The error to throw for a failure while talking to ClickHouse: a RunnerError with a one-line message and the matching
 * exit code. Errors that are not ClickHouse failures (bugs) are returned as they are, stack and all.
 */
export function clickhouseRunnerError(error: unknown, clickhouse: ClickHouseConfig): unknown {
  if (error instanceof RunnerError) return error
  const failure = describeClickHouseFailure(error)
  if (failure.kind === 'other') return error
  return new RunnerError(clickhouseFailureText(failure, clickhouse), clickhouseExitCode(failure))
}

function transportCode(message: string): string | undefined {
  const code = SYSTEM_CODE.exec(message)?.[1]
  if (code) return code
  if (/Timeout error|timed out/i.test(message)) return 'timeout'
  if (/socket hang up/i.test(message)) return 'ECONNRESET'
  return undefined
}

function firstLine(message: string): string {
  const line = message.split('\n').map((part) => part.trim()).find(Boolean) ?? ''
  return line.length > 300 ? `${line.slice(0, 299)}…` : line
}

function field(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const value = (error as Record<string, unknown>)[name]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}
