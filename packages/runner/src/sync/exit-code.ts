import { exitCodeForError } from '../errors.js'
import { ExitCode, type ExitCodeValue } from '../exit-codes.js'
import { REQUIRED_RESOURCES } from './sync-tenant.js'
import type { ResourceFailure, TenantRunResult } from './types.js'

/** The exit code a failure kind stands for: the SDK kinds as the CLI maps them, `sink` = a write failed (1), `aborted` = 130. */
export function exitCodeForFailure(failure: Pick<ResourceFailure, 'kind'>): ExitCodeValue {
  if (failure.kind === 'aborted') return ExitCode.INTERRUPTED
  if (failure.kind === 'sink') return ExitCode.RUN_ERROR
  if (failure.kind === 'internal') return ExitCode.INTERNAL
  const code = exitCodeForError({ kind: failure.kind })
  return code === ExitCode.INTERNAL && failure.kind !== 'unknown_route' ? ExitCode.RUN_ERROR : code
}

/** 0 for `ok`, 2 for `partial`; for `error` the code of the failure that stopped the run (a required resource, else the first). */
export function exitCodeForResult(result: Pick<TenantRunResult, 'status' | 'failures'>): ExitCodeValue {
  if (result.status === 'ok') return ExitCode.OK
  if (result.status === 'partial') return ExitCode.PARTIAL
  const failure = result.failures.find((f) => REQUIRED_RESOURCES.includes(f.resource)) ?? result.failures[0]
  return failure ? exitCodeForFailure(failure) : ExitCode.RUN_ERROR
}

const SEVERITY: Readonly<Record<number, number>> = {
  [ExitCode.OK]: 0,
  [ExitCode.PARTIAL]: 1,
  [ExitCode.LOCK_HELD]: 2,
  [ExitCode.RUN_ERROR]: 3,
  [ExitCode.DATA_ERROR]: 4,
  [ExitCode.UNAVAILABLE]: 4,
  [ExitCode.CONFIG]: 4,
  [ExitCode.INTERNAL]: 5,
  [ExitCode.INTERRUPTED]: 6,
}

/** The worst of several tenants' exit codes: interrupted > internal > bad data/unavailable/config > error > lock held > partial > ok. */
export function worstExitCode(codes: readonly ExitCodeValue[]): ExitCodeValue {
  let worst: ExitCodeValue = ExitCode.OK
  for (const code of codes) if ((SEVERITY[code] ?? 3) > (SEVERITY[worst] ?? 3)) worst = code
  return worst
}
