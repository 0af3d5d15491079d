/**
 * Response values produced by the simulator's handler, and the error bodies of the real
 * service (shapes from fixtures/qtickets/errors).
 */
import { phpJson } from './php-json'

/** What the pure handler returns: status, headers and the exact body text. */
export interface SimResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** Transport-level fault the adapters must act out (the pure handler cannot). */
  transport?: TransportFault
}

/** Faults that need the socket: delay the answer, drop the connection, cut the body. */
export type TransportFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'reset' }
  | { kind: 'truncate'; bytes: number; abort: boolean }

/** Headers the real REST API sends with JSON (note: no charset). */
const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-cache, private', server: 'nginx' }

/** Headers the real REST API sends with its HTML pages. */
const HTML_HEADERS = { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-cache, private', server: 'nginx' }

/** A JSON response with PHP-style escaping. */
export function jsonResponse(status: number, value: unknown, extraHeaders: Record<string, string> = {}): SimResponse {
  return { status, headers: { ...JSON_HEADERS, ...extraHeaders }, body: phpJson(value) }
}

/** An HTML response. */
export function htmlResponse(status: number, html: string): SimResponse {
  return { status, headers: { ...HTML_HEADERS }, body: html }
}

/** 403 for a missing or unknown token. */
export function wrongAuthorization(): SimResponse {
  return jsonResponse(403, { error: 'Wrong authorization', status: 403 })
}

/** 404 for an unknown or foreign id of a resource (`Order`, `Event`, `Client`, `Discount`…). */
export function resourceNotFound(resource: string, id: number): SimResponse {
  return jsonResponse(404, {
    error: `Resource "${resource}" not found`,
    status: 404,
    code: 'RESOURCE_NOT_FOUND',
    info: { id, resource },
  })
}

/**
 * 503 UNKNOWN_ERROR: the real service's catch-all, also returned for malformed or unsupported
 * requests (POST on a list, a `payed_at` filter it cannot parse). The simulator uses it for every
 * request it judges malformed.
 */
export function unknownError(): SimResponse {
  return jsonResponse(503, { error: 'Unknown error', status: 503, code: 'UNKNOWN_ERROR', info: [] })
}

/** 429 with an optional Retry-After (never observed on the real service; for fault injection). */
export function tooManyRequests(retryAfterSeconds?: number): SimResponse {
  const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }
  return jsonResponse(429, { error: 'Too Many Requests', status: 429 }, headers)
}

/** The vendor's HTML "page not found" for unknown routes (shape of errors/404-unknown-route.html). */
export function unknownRoute(): SimResponse {
  return htmlResponse(404, NOT_FOUND_HTML)
}

/** An nginx-style HTML error page, e.g. for a 502 from a proxy or a 200 maintenance page. */
export function htmlErrorPage(status: number): SimResponse {
  const title = status === 200 ? 'Технические работы' : `${status} ${status === 502 ? 'Bad Gateway' : 'Error'}`
  const html = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  return htmlResponse(status, html)
}

const NOT_FOUND_HTML = `<!DOCTYPE html>
<html>
<head>
    <title>Страница не найдена 404 – Qtickets</title>
    <meta name="description" content=""/>
    <meta name="viewport" content="width=device-width, minimal-ui"/>
    <meta charset="utf-8"/>
    <style>body{font-family:sans-serif;text-align:center;padding-top:80px}</style>
</head>
<body>
    <div class="error-page">
        <svg width="120" height="60" viewBox="0 0 120 60"><text x="10" y="45" font-size="40">404</text></svg>
        <h1>Страница не найдена</h1>
        <p>Запрошенная страница не существует.</p>
        <a href="https://qtickets.test/">На главную</a>
    </div>
</body>
</html>
`
