import type { AlertProblemKind, ProblemRecord } from './alert-store'
import { formatAge } from './health'

/** Why a run failed, in safe words only: resource, error kind (`server`, `auth`…) and HTTP status. */
export interface RunFailure {
  resource?: string
  kind: string
  status?: number
}

const SOURCE_ORDER = ['run_error', 'breaker_open', 'stale_run', 'never_ran', 'run_partial', 'stale_data']

const HEADLINE: Record<AlertProblemKind, (record: ProblemRecord) => string> = {
  outage: () => 'loading is failing',
  partial: (record) => `resource ${record.resource ?? 'unknown'} is failing (the other resources load)`,
  stale_data: () => 'data is stale',
}

const RECOVERED: Record<AlertProblemKind, (record: ProblemRecord) => string> = {
  outage: () => 'loading works again',
  partial: (record) => `resource ${record.resource ?? 'unknown'} loads again`,
  stale_data: () => 'data is fresh again',
}

/** The text announcing a problem, built from tenant, resource, kinds, statuses and times only. */
export function problemText(record: ProblemRecord): string {
  const headline = HEADLINE[record.problem](record)
  return `[qtickets-load] PROBLEM tenant ${record.tenant}: ${headline} since ${shortTime(record.since)} (${causes(record)})`
}

/** The text announcing that a problem resolved, with how long it lasted. */
export function recoveryText(record: ProblemRecord, resolvedAt: string): string {
  const lasted = formatAge(Date.parse(resolvedAt) - Date.parse(record.since))
  const what = RECOVERED[record.problem](record)
  const since = shortTime(record.since)
  return `[qtickets-load] RECOVERED tenant ${record.tenant}: ${what} at ${shortTime(resolvedAt)} after ${lasted} (problem since ${since})`
}

/** Describes run failures: `orders server HTTP 503, barcodes auth HTTP 403` (at most three, then a count). */
export function describeFailures(failures: readonly RunFailure[]): string {
  const shown = failures.slice(0, 3).map((failure) => {
    const status = failure.status === undefined ? '' : ` HTTP ${Math.trunc(failure.status)}`
    return `${safeWord(failure.resource ?? 'run')} ${safeWord(failure.kind)}${status}`
  })
  const more = failures.length > 3 ? ` and ${failures.length - 3} more` : ''
  return shown.join(', ') + more
}

/** A kind or resource name as is when it is an identifier (`rate_limited`, `promo_codes`), else `other`. */
export function safeWord(word: string): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(word) ? word : 'other'
}

function causes(record: ProblemRecord): string {
  return Object.entries(record.sources)
    .sort(([a], [b]) => SOURCE_ORDER.indexOf(a) - SOURCE_ORDER.indexOf(b))
    .map(([, detail]) => detail)
    .join('; ')
}

function shortTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
