// A short name for a SQL statement, to total the engine's time per kind of statement. Pure.

const IDENT = '`?([A-Za-z_][A-Za-z0-9_]*)`?(?:\\.`?([A-Za-z_][A-Za-z0-9_]*)`?)?'

/** `INSERT stg_qtickets_api_orders_raw`, `INSERT … SELECT fact_qtickets_sales_daily`, `SELECT … FROM x FINAL`, `SET`… */
export function statementKind(sql) {
  // chDB's connection sends settings as leading `SET a = 1; SET b = 'x'; ` statements.
  const text = String(sql).replace(/^\s*(?:SET\s+[A-Za-z_][A-Za-z0-9_]*\s*=\s*(?:'(?:[^']|'')*'|[^;]*);\s*)+/i, '').trimStart()
  const table = (match) => (match ? (match[2] ?? match[1]) : '?')
  const insert = new RegExp(`^INSERT\\s+INTO\\s+(?:TABLE\\s+)?${IDENT}`, 'i').exec(text)
  if (insert) {
    const name = table(insert)
    return /\bSELECT\b/i.test(text.slice(0, text.search(/\bFORMAT\b|$/i))) ? `INSERT … SELECT ${name}` : `INSERT ${name}`
  }
  if (/^(SELECT|WITH)\b/i.test(text)) {
    const from = new RegExp(`\\bFROM\\s+${IDENT}(\\s+FINAL\\b)?`, 'i').exec(text)
    return from ? `SELECT … FROM ${table(from)}${from[3] ? ' FINAL' : ''}` : 'SELECT'
  }
  const words = text.split(/\s+/).slice(0, 2).join(' ').toUpperCase()
  return words || '(empty)'
}
