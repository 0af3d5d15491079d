/** Marker that replaces every secret. */
export const REDACTED = '[redacted]'

const URL_CREDENTIALS = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)(?!\[redacted\]@)([^\s/?#@]+)@/gi
const SECRET_QUERY_PARAM =
  /([?&#;][^=&#\s]*(?:token|password|passwd|pwd|secret|key|signature|sig|auth)[^=&#\s]*=)(?!\[redacted\])([^&#\s"']+)/gi

/** Replaces the password and the values of secret-named query parameters (token, key, password…) of every URL in `text`. */
export function redactUrl(text: string): string {
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`).replace(SECRET_QUERY_PARAM, `$1${REDACTED}`)
}
