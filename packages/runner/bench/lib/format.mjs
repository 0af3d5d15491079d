// Text formatting of the bench's figures and tables. Pure: no I/O.

/** An integer with thin thousands separators: 1234567 → "1 234 567"; null → "–". */
export function formatInt(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
}

/** A number with a fixed count of decimals; null → "–". */
export function formatFixed(value, decimals) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return value.toFixed(decimals)
}

/** Seconds with two decimals below 100 s, one below 1000 s, none above. */
export function formatSeconds(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  return value.toFixed(value < 100 ? 2 : value < 1000 ? 1 : 0)
}

/** A ratio as "1.23×"; null → "–". */
export function formatRatio(value) {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`
}

/** A relative change as a signed percentage: 0.052 → "+5.2 %"; null → "". */
export function formatChange(change) {
  if (change === null || change === undefined || !Number.isFinite(change)) return ''
  const pct = change * 100
  const text = Math.abs(pct) < 0.05 ? '0.0' : pct.toFixed(1)
  return `${pct > 0 && text !== '0.0' ? '+' : ''}${text} %`
}

/**
 * A plain-text table: `columns` is `[{ key, title, align? }]` (align 'left' or 'right', default right for every
 * column but the first), `rows` are objects of already formatted strings. Widths fit the widest cell.
 */
export function formatTable(columns, rows) {
  const cells = rows.map((row) => columns.map((column) => String(row[column.key] ?? '')))
  const widths = columns.map((column, i) => Math.max(column.title.length, ...cells.map((line) => line[i].length)))
  const alignOf = (i) => columns[i].align ?? (i === 0 ? 'left' : 'right')
  const pad = (text, i) => (alignOf(i) === 'left' ? text.padEnd(widths[i]) : text.padStart(widths[i]))
  const line = (texts) => texts.map(pad).join('  ').trimEnd()
  return [line(columns.map((column) => column.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}

/** The same table as GitHub Markdown (for docs/benchmarks.md). */
export function formatMarkdownTable(columns, rows) {
  const alignOf = (column, i) => column.align ?? (i === 0 ? 'left' : 'right')
  const head = `| ${columns.map((column) => column.title).join(' | ')} |`
  const rule = `| ${columns.map((column, i) => (alignOf(column, i) === 'left' ? '---' : '---:')).join(' | ')} |`
  const body = rows.map((row) => `| ${columns.map((column) => String(row[column.key] ?? '')).join(' | ')} |`)
  return [head, rule, ...body].join('\n')
}
