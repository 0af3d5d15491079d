/**
 * JSON encoded the way PHP's `json_encode` does by default: compact, `/` escaped as `\/`
 * and every non-ASCII UTF-16 code unit escaped as a lowercase `\uXXXX` (astral characters
 * become surrogate pairs). The real QTickets API answers in this form.
 */

const ESCAPABLE_RUN = /[/\u0080-\uffff]+/g
const cache = new Map<string, string>()

/** Escapes one run of `/` and non-ASCII code units (runs such as names repeat, so they are cached). */
function escapeRun(run: string): string {
  let escaped = cache.get(run)
  if (escaped !== undefined) return escaped
  escaped = ''
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i)
    escaped += code === 47 ? '\\/' : '\\u' + code.toString(16).padStart(4, '0')
  }
  if (cache.size < 20_000) cache.set(run, escaped)
  return escaped
}

/** Serialises a value as compact PHP-style JSON. */
export function phpJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(ESCAPABLE_RUN, escapeRun)
}
