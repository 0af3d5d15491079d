/** The `fetch` a notifier uses (the global one unless a test or the runner gives another). */
export type FetchLike = typeof fetch

/** Options of `postJson`. */
export interface PostJsonOptions {
  /** Names the target in errors (`webhook alerts.example.com`, `telegram`); never the full URL. */
  label: string
  timeoutMs: number
  fetch?: FetchLike
  headers?: Record<string, string>
}

/**
 * A send that failed. The message is built only from the label, the HTTP status or an error code: never the
 * URL, and the original error is not attached as `cause` (it may carry the URL).
 */
export class NotifierError extends Error {
  override name = 'NotifierError'
  constructor(
    message: string,
    /** HTTP status of a non-2xx answer. */
    readonly status?: number,
    /** Body of a non-2xx answer (for a notifier to pick a safe description from). */
    readonly responseBody?: string,
  ) {
    super(message)
  }
}

/** POSTs a JSON body and reads the answer within `timeoutMs`; resolves on 2xx, throws a `NotifierError` otherwise. */
export async function postJson(
  url: string,
  body: unknown,
  options: PostJsonOptions,
): Promise<{ status: number; text: string }> {
  const fetchImpl = options.fetch ?? fetch
  let response: Response
  let text: string
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    })
    text = await response.text()
  } catch (error) {
    throw describeFailure(error, options)
  }
  if (!response.ok) throw new NotifierError(`${options.label}: HTTP ${response.status}`, response.status, text)
  return { status: response.status, text }
}

function describeFailure(error: unknown, options: PostJsonOptions): NotifierError {
  const name = (error as { name?: unknown } | null)?.name
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new NotifierError(`${options.label}: no answer within ${options.timeoutMs}ms`)
  }
  return new NotifierError(`${options.label}: request failed (${errorCode(error)})`)
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause
  const code = (error as { code?: unknown } | null)?.code ?? cause?.code
  return typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? code : 'network error'
}
