/** Variables of a `.env` text: `KEY=value` lines, `#` comments, optional `export`, single/double/back quotes. */
export function parseDotenv(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  for (let index = 0; index < lines.length; index++) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(lines[index]!)
    if (!match) continue
    const key = match[1]!
    let raw = match[2]!
    const quote = raw[0]
    if (quote === '"' || quote === "'" || quote === '`') {
      // A quoted value may span lines until its closing quote.
      while (!hasClosingQuote(raw, quote) && index + 1 < lines.length) raw += `\n${lines[++index]}`
      result[key] = unquote(raw, quote)
    } else {
      result[key] = raw.replace(/\s+#.*$/, '').trim()
    }
  }
  return result
}

function hasClosingQuote(raw: string, quote: string): boolean {
  return closingQuoteIndex(raw, quote) > 0
}

function closingQuoteIndex(raw: string, quote: string): number {
  for (let i = 1; i < raw.length; i++) {
    if (raw[i] === '\\' && quote === '"') i++
    else if (raw[i] === quote) return i
  }
  return -1
}

function unquote(raw: string, quote: string): string {
  const end = closingQuoteIndex(raw, quote)
  const body = end > 0 ? raw.slice(1, end) : raw.slice(1)
  if (quote !== '"') return body
  return body.replace(/\\([nrt"\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c)
}
