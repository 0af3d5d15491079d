import type { BreakerState, RunStatus } from './types'

/** What `status` knows about one tenant, read from ClickHouse (meta_job_runs, facts) and the metrics. */
export interface TenantHealthInput {
  tenant: string
  /** Finish time of the last run that ended ok or partial; null if none. */
  lastSuccessAt: Date | null
  /** Status of the last finished run; null if the tenant never ran. */
  lastRunStatus: RunStatus | null
  /** Newest paid order loaded; null if none is loaded yet. */
  newestDataAt: Date | null
  breakerState?: BreakerState
}

/** Thresholds and inputs of `evaluateHealth`. */
export interface HealthInput {
  now: Date
  tenants: readonly TenantHealthInput[]
  maxRunAgeMinutes: number
  maxDataAgeMinutes: number
}

/** Kinds of health problem. */
export type HealthProblemKind = 'stale_run' | 'stale_data' | 'never_ran' | 'last_run_error' | 'breaker_open'

/** One problem: `message` is one human line starting with the tenant, `detail` the same without it. */
export interface HealthProblem {
  tenant: string
  kind: HealthProblemKind
  message: string
  detail: string
}

/** The verdict: healthy when there is no problem at all. */
export interface HealthReport {
  healthy: boolean
  problems: HealthProblem[]
}

/** Evaluates every tenant against the run and data age thresholds (ages strictly above a threshold are stale). */
export function evaluateHealth(input: HealthInput): HealthReport {
  requirePositive('maxRunAgeMinutes', input.maxRunAgeMinutes)
  requirePositive('maxDataAgeMinutes', input.maxDataAgeMinutes)
  const problems = input.tenants.flatMap((tenant) => tenantProblems(tenant, input))
  return { healthy: problems.length === 0, problems }
}

function tenantProblems(t: TenantHealthInput, input: HealthInput): HealthProblem[] {
  const problems: HealthProblem[] = []
  const add = (kind: HealthProblemKind, detail: string) =>
    problems.push({ tenant: t.tenant, kind, detail, message: `tenant ${t.tenant}: ${detail}` })
  const runThreshold = input.maxRunAgeMinutes * 60_000
  const dataThreshold = input.maxDataAgeMinutes * 60_000

  if (t.lastSuccessAt === null) {
    add('never_ran', t.lastRunStatus === null ? 'no run recorded yet' : 'no successful run recorded yet')
  } else {
    const age = input.now.getTime() - t.lastSuccessAt.getTime()
    if (age > runThreshold) {
      add('stale_run', `last successful run ${formatAge(age)} ago (threshold ${input.maxRunAgeMinutes}m)`)
    }
  }
  if (t.lastRunStatus === 'error') add('last_run_error', 'last run ended with status error')
  if (t.breakerState === 'open') add('breaker_open', 'circuit breaker is open')
  if (t.newestDataAt === null) {
    if (t.lastSuccessAt !== null) add('stale_data', `no paid order loaded yet (threshold ${input.maxDataAgeMinutes}m)`)
  } else {
    const age = input.now.getTime() - t.newestDataAt.getTime()
    if (age > dataThreshold) {
      add('stale_data', `newest paid order is ${formatAge(age)} old (threshold ${input.maxDataAgeMinutes}m)`)
    }
  }
  return problems
}

function requirePositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`${name} must be a positive number of minutes, got ${value}`)
}

/** Formats a duration for humans: `45s`, `12m`, `3h12m`, `2d5h`. */
export function formatAge(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000))
  if (totalSeconds < 60) return `${totalSeconds}s`
  const totalMinutes = Math.floor(totalSeconds / 60)
  if (totalMinutes < 60) return `${totalMinutes}m`
  const totalHours = Math.floor(totalMinutes / 60)
  if (totalHours < 24) return `${totalHours}h${totalMinutes % 60}m`
  return `${Math.floor(totalHours / 24)}d${totalHours % 24}h`
}
