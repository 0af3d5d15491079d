import type { Verdict } from './verdict.js'

const MARK = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL', skip: 'skip' } as const

/** Verdicts as aligned lines: `ok   config             loaded from …`. */
export function renderVerdicts(verdicts: readonly Verdict[]): string {
  const width = Math.max(...verdicts.map((verdict) => verdict.check.length))
  return verdicts.map((verdict) => `${MARK[verdict.status]} ${verdict.check.padEnd(width)}  ${verdict.detail}`).join('\n')
}
