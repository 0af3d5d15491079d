import type { Verdict } from './verdict.js'

const MARK = { ok: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' } as const

/** Verdicts as aligned lines (`PASS config   loaded from …`), each hint on its own line under the detail (`→ …`). */
export function renderVerdicts(verdicts: readonly Verdict[]): string {
  const width = Math.max(...verdicts.map((verdict) => verdict.check.length))
  const hintIndent = ' '.repeat(5 + width + 2)
  return verdicts
    .map((verdict) => {
      const line = `${MARK[verdict.status]} ${verdict.check.padEnd(width)}  ${verdict.detail}`
      return verdict.hint ? `${line}\n${hintIndent}→ ${verdict.hint}` : line
    })
    .join('\n')
}
