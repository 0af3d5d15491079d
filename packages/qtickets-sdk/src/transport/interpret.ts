import {
  InvalidResponseError,
  QticketsAuthError,
  QticketsNotFoundError,
  QticketsRateLimitedError,
  QticketsRejectedError,
  QticketsServerError,
  QticketsTimeoutError,
  QticketsUnknownRouteError,
  type QticketsError,
  type RequestInfo,
} from '../errors'
import { redactText } from '../redact'
import { parseRetryAfter } from './retry-after'

/** An HTTP answer as received. */
export interface RawAnswer {
  status: number
  contentType: string
  text: string
  retryAfter: string | null
}

/** The REST error body: `{error, status, code?, info?}`. */
interface ApiErrorBody {
  error?: string
  code?: string
}

/** True for JSON media types (`application/json`, `…+json`). */
export function isJsonContentType(contentType: string): boolean {
  return /\bjson\b/i.test(contentType)
}

/**
 * Checks the Content-Type, parses JSON and turns error statuses into typed errors.
 * Returns the parsed body of a 2xx JSON answer; throws a `QticketsError` otherwise.
 */
export function interpretAnswer(answer: RawAnswer, request: RequestInfo, secrets: readonly string[]): unknown {
  const json = isJsonContentType(answer.contentType)
  if (answer.status >= 200 && answer.status < 300) return parseSuccess(answer, json, request)
  throw errorForStatus(answer, json, request, secrets)
}

function parseSuccess(answer: RawAnswer, json: boolean, request: RequestInfo): unknown {
  const where = `${request.method} ${request.path} → ${answer.status}`
  if (!json) {
    const type = answer.contentType.split(';')[0]?.trim() || 'no content type'
    throw new InvalidResponseError(`${where}: expected JSON, received ${type}`, request, {
      status: answer.status,
      expected: 'application/json',
      receivedType: type,
    })
  }
  try {
    return JSON.parse(answer.text) as unknown
  } catch {
    throw new InvalidResponseError(`${where}: malformed or truncated JSON (${answer.text.length} characters)`, request, {
      status: answer.status,
      expected: 'JSON',
      receivedType: 'malformed JSON',
    })
  }
}

function errorForStatus(answer: RawAnswer, json: boolean, request: RequestInfo, secrets: readonly string[]): QticketsError {
  const body = json ? readErrorBody(answer.text) : {}
  const status = answer.status
  const details = { status, ...(body.code ? { code: body.code } : {}) }
  const label = [String(status), body.code, json ? undefined : '(not JSON)'].filter(Boolean).join(' ')
  const said = body.error ? `: ${redactText(body.error, secrets)}` : ''
  const message = `${request.method} ${request.path} → ${label}${said}`
  if (status === 401 || status === 403) return new QticketsAuthError(message, request, details)
  if (status === 404) {
    return json
      ? new QticketsNotFoundError(message, request, details)
      : new QticketsUnknownRouteError(`${message}: unknown route`, request, details)
  }
  if (status === 408) return new QticketsTimeoutError(message, request, details)
  const retryAfterMs = parseRetryAfter(answer.retryAfter)
  const withWait = retryAfterMs === undefined ? details : { ...details, retryAfterMs }
  if (status === 425 || status === 429) return new QticketsRateLimitedError(message, request, withWait)
  if (status >= 500) return new QticketsServerError(message, request, withWait)
  return new QticketsRejectedError(message, request, details)
}

function readErrorBody(text: string): ApiErrorBody {
  try {
    const parsed = JSON.parse(text) as unknown
    if (typeof parsed !== 'object' || parsed === null) return {}
    const { error, code } = parsed as Record<string, unknown>
    return {
      ...(typeof error === 'string' ? { error } : {}),
      ...(typeof code === 'string' ? { code } : {}),
    }
  } catch {
    return {}
  }
}
