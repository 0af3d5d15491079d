// Preloaded into the end-to-end loader child (`node --import …/sql-timing-preload.mjs …`): times every statement
// the embedded engine runs (chDB's Session.queryAsync / queryBindAsync, which @clickhouse/client's chDB connection
// calls) and, at exit, writes the totals per kind of statement to $BENCH_SQL_TIMINGS_FILE. It shows where the loader's
// waiting time goes, at the cost of one performance.now() pair per statement; the loader's code is not changed.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { statementKind } from './lib/statement-kind.mjs'

const file = process.env.BENCH_SQL_TIMINGS_FILE
if (file) {
  // The same CommonJS module instance that chdb/connection requires.
  const require = createRequire(fileURLToPath(new URL('../package.json', import.meta.url)))
  const { Session } = require('chdb')
  const totals = new Map()
  const record = (sql, started) => {
    const kind = statementKind(sql)
    const entry = totals.get(kind) ?? { kind, count: 0, ms: 0 }
    entry.count += 1
    entry.ms += performance.now() - started
    totals.set(kind, entry)
  }
  for (const method of ['queryAsync', 'queryBindAsync']) {
    const original = Session.prototype[method]
    Session.prototype[method] = function timed(sql, ...rest) {
      const started = performance.now()
      const result = original.call(this, sql, ...rest)
      result.then(() => record(sql, started), () => record(sql, started))
      return result
    }
  }
  process.on('exit', () => {
    writeFileSync(file, JSON.stringify([...totals.values()].sort((a, b) => b.ms - a.ms)))
  })
}
