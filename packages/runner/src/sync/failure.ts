import { isSinkError } from '@zakaz/clickhouse-sink'
import { isQticketsError } from '@zakaz/qtickets-sdk'
import { createRedactor } from '../log/redactor.js'
import type { ResourceFailure, SyncResource } from './types.js'

/** A required resource (events, orders) failed: the run is `error`; `failure` is already recorded. */
export class RequiredResourceError extends Error {
  readonly failure: ResourceFailure
  constructor(failure: ResourceFailure, options: { cause: unknown }) {
    super(`${failure.resource} failed (${failure.kind}): ${failure.message}`, options)
    this.name = 'RequiredResourceError'
    this.failure = failure
  }
}

const fallbackRedactor = createRedactor()

/**
 * A structured failure from any error: the SDK's `kind` and HTTP status, `sink` for ClickHouse, `aborted` for an
 * interruption, `internal` otherwise. The message is one redacted line (secrets, e-mails and phones removed).
 */
export function toFailure(resource: SyncResource, error: unknown, redact: (text: string) => string = fallbackRedactor.redactString): ResourceFailure {
  const message = redact(firstLine(error instanceof Error ? error.message : String(error)))
  if (isQticketsError(error)) return { resource, kind: error.kind, ...(error.status !== undefined ? { status: error.status } : {}), message }
  if (isSinkError(error)) return { resource, kind: 'sink', message }
  const kind = (error as { kind?: unknown } | null)?.kind
  if (typeof kind === 'string') return { resource, kind, message }
  if (error instanceof Error && error.name === 'AbortError') return { resource, kind: 'aborted', message }
  return { resource, kind: 'internal', message }
}

/** One line describing failures for the run record: `clients: auth (HTTP 403): …; inventory: …`. */
export function describeFailures(failures: readonly ResourceFailure[]): string {
  return failures.map((f) => `${f.resource}: ${f.kind}${f.status !== undefined ? ` (HTTP ${f.status})` : ''}: ${f.message}`).join('; ')
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? ''
  return line.length > 500 ? `${line.slice(0, 500)}…` : line
}
