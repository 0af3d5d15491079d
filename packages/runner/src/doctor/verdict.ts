import { ExitCode, type ExitCodeValue } from '../exit-codes.js'

/** Outcome of one doctor check (shown as PASS, WARN, FAIL, SKIP). */
export type VerdictStatus = 'ok' | 'warn' | 'fail' | 'skip'

/** One doctor check's verdict. */
export interface Verdict {
  /** What was checked (`config`, `tenant acme`, `lock dir`…). */
  check: string
  status: VerdictStatus
  /** One line saying why; never a secret. */
  detail: string
  /** What to do about a failure or warning, when there is something to do. */
  hint?: string
  /** Exit code this failure stands for (default 1). */
  exitCode?: ExitCodeValue
}

/** Doctor's exit code: that of the first failed check, else 0 (warnings and skips do not fail). */
export function doctorExitCode(verdicts: readonly Verdict[]): ExitCodeValue {
  const failed = verdicts.find((verdict) => verdict.status === 'fail')
  return failed ? (failed.exitCode ?? ExitCode.RUN_ERROR) : ExitCode.OK
}
