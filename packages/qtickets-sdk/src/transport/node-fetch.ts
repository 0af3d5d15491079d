import http from 'node:http'
import https from 'node:https'

/** The subset of `fetch` the SDK needs. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/**
 * A `fetch` built on `node:http`/`node:https` that, unlike undici, sends a body with GET
 * (the API's documented way to pass filters). Honours `signal`; buffers the answer.
 */
export const nodeHttpFetch: FetchLike = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = headersToRecord(init.headers)
  const body = bodyToBuffer(init.body)
  if (body) headers['content-length'] = String(body.byteLength)
  const signal = init.signal ?? undefined
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const transport = url.protocol === 'https:' ? https : http
    const request = transport.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', fail)
      response.on('end', () => {
        cleanup()
        resolve(toResponse(response, Buffer.concat(chunks)))
      })
    })
    const onAbort = () => request.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
    function cleanup() {
      signal?.removeEventListener('abort', onAbort)
    }
    function fail(error: unknown) {
      cleanup()
      reject(signal?.aborted ? signal.reason : error)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    request.on('error', fail)
    request.end(body)
  })
}

function toResponse(response: http.IncomingMessage, body: Buffer): Response {
  const status = response.statusCode ?? 0
  const headers = new Headers()
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const payload = NULL_BODY_STATUSES.has(status) ? null : new Uint8Array(body)
  return new Response(payload, { status, statusText: response.statusMessage ?? '', headers })
}

function headersToRecord(input: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {}
  new Headers(input).forEach((value, name) => {
    out[name] = value
  })
  return out
}

function bodyToBuffer(body: RequestInit['body']): Buffer | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return Buffer.from(body, 'utf8')
  if (body instanceof Uint8Array) return Buffer.from(body)
  if (body instanceof ArrayBuffer) return Buffer.from(body)
  throw new TypeError('nodeHttpFetch supports string and byte bodies only')
}
