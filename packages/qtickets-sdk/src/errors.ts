/** Every kind of failure the SDK reports; `error.kind` is the literal to switch on. */
export type QticketsErrorKind =
  | 'auth'
  | 'not_found'
  | 'unknown_route'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'rejected'
  | 'circuit_open'

/** Where a failed request went: method and API path (no host, no query string, no token). */
export interface RequestInfo {
  method: string
  path: string
}

/** Optional details carried by an error. */
export interface QticketsErrorDetails {
  status?: number
  code?: string
  retryAfterMs?: number
}

/** Base class of every SDK error. Never holds the token, headers, query values or response bodies. */
export abstract class QticketsError extends Error {
  abstract readonly kind: QticketsErrorKind
  /** HTTP status of the answer, when there was one. */
  readonly status?: number
  /** API error code such as `UNKNOWN_ERROR`, `RESOURCE_NOT_FOUND` or `WRONG_AUTHORIZATION`. */
  readonly code?: string
  /** HTTP method of the request (always `GET` for reads). */
  readonly method: string
  /** API path relative to the base URL, e.g. `/orders/2750119`. */
  readonly path: string
  /** Wait asked for by the server (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number

  constructor(message: string, request: RequestInfo, details: QticketsErrorDetails = {}) {
    super(message)
    this.name = new.target.name
    this.method = request.method
    this.path = request.path
    if (details.status !== undefined) this.status = details.status
    if (details.code !== undefined) this.code = details.code
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs
  }

  /** A plain object for structured logs. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      code: this.code,
      retryAfterMs: this.retryAfterMs,
    }
  }
}

/** 403 (or 401): missing or wrong token; Partners `WRONG_AUTHORIZATION`. */
export class QticketsAuthError extends QticketsError {
  readonly kind = 'auth' as const
}

/** JSON 404: the id does not exist or belongs to another organiser; Partners `*_NOT_FOUND`. */
export class QticketsNotFoundError extends QticketsError {
  readonly kind = 'not_found' as const
}

/** HTML 404: the route does not exist (a bug in the caller's path). */
export class QticketsUnknownRouteError extends QticketsError {
  readonly kind = 'unknown_route' as const
}

/** 429 (or 425): too many requests; `retryAfterMs` holds the server's wish when given. */
export class QticketsRateLimitedError extends QticketsError {
  readonly kind = 'rate_limited' as const
}

/** 5xx, or Partners `UNKNOWN_ERROR`. On this API a 503 can be deterministic. */
export class QticketsServerError extends QticketsError {
  readonly kind = 'server' as const
}

/** The connection failed before an answer arrived. `causeCode` is the system code such as `ECONNRESET`. */
export class QticketsNetworkError extends QticketsError {
  readonly kind = 'network' as const
  /** System error code of the underlying failure, when known. */
  readonly causeCode?: string

  constructor(message: string, request: RequestInfo, causeCode?: string) {
    super(message, request)
    if (causeCode !== undefined) this.causeCode = causeCode
  }
}

/** No answer within `timeoutMs` (or the retry deadline), or HTTP 408. */
export class QticketsTimeoutError extends QticketsError {
  readonly kind = 'timeout' as const
}

/** Where a schema check failed. */
export interface InvalidResponseDetails extends QticketsErrorDetails {
  /** Resource name, e.g. `orders`. */
  resource?: string
  /** Id of the record that failed, when it has one. */
  itemId?: number | string
  /** Dotted path of the bad field inside the record, e.g. `baskets.0.price`. */
  fieldPath?: string
  /** What the schema expected, e.g. `number`. */
  expected?: string
  /** JavaScript type of the value received (never the value). */
  receivedType?: string
}

/** The answer could not be used: not JSON, truncated JSON, HTML with 200, an unexpected envelope or a schema failure. */
export class InvalidResponseError extends QticketsError {
  readonly kind = 'invalid_response' as const
  readonly resource?: string
  readonly itemId?: number | string
  readonly fieldPath?: string
  readonly expected?: string
  readonly receivedType?: string

  constructor(message: string, request: RequestInfo, details: InvalidResponseDetails = {}) {
    super(message, request, details)
    if (details.resource !== undefined) this.resource = details.resource
    if (details.itemId !== undefined) this.itemId = details.itemId
    if (details.fieldPath !== undefined) this.fieldPath = details.fieldPath
    if (details.expected !== undefined) this.expected = details.expected
    if (details.receivedType !== undefined) this.receivedType = details.receivedType
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      resource: this.resource,
      itemId: this.itemId,
      fieldPath: this.fieldPath,
      expected: this.expected,
      receivedType: this.receivedType,
    }
  }
}

/** Any other refusal: other 4xx statuses, Partners `VALIDATION_ERROR`, `SEAT_NOT_AVAILABLE` and unknown codes. */
export class QticketsRejectedError extends QticketsError {
  readonly kind = 'rejected' as const
}

/** The client's circuit breaker is open: the request was not sent. */
export class QticketsCircuitOpenError extends QticketsError {
  readonly kind = 'circuit_open' as const
}

/** Type guard for SDK errors. */
export function isQticketsError(error: unknown): error is QticketsError {
  return error instanceof QticketsError
}
