import { UsageError } from '../errors.js'

const READ_KEYWORDS = ['SELECT', 'WITH', 'SHOW', 'DESCRIBE', 'DESC', 'EXPLAIN', 'EXISTS']

/**
 * Checks that `sql` is one read-only statement (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN, EXISTS) without INTO OUTFILE,
 * and returns it without trailing semicolons. A first line of defence: the query should also run with readonly settings.
 */
export function checkReadOnlyQuery(sql: string): string {
  const query = sql.trim().replace(/;\s*$/, '').trim()
  const code = stripLiteralsAndComments(query)
  if (code.trim() === '') throw new UsageError('sql needs a query, e.g. qtickets-load sql "SELECT 1"')
  if (code.includes(';')) throw new UsageError('sql runs one statement at a time')
  const keyword = /^[\s(]*([A-Za-z]+)/.exec(code)?.[1]?.toUpperCase() ?? ''
  if (!READ_KEYWORDS.includes(keyword)) {
    throw new UsageError(`sql runs read-only queries (${READ_KEYWORDS.join(', ')}), got ${keyword || 'something else'}`)
  }
  if (/\bINTO\s+OUTFILE\b/i.test(code)) throw new UsageError('sql does not write files (INTO OUTFILE)')
  return query
}

/** The query with string literals, quoted identifiers and comments blanked, so keywords inside them are ignored. */
function stripLiteralsAndComments(sql: string): string {
  return sql
    .replace(/'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''")
    .replace(/--[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
}
