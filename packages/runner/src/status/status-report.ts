import type { JobRun } from '@zakaz/clickhouse-sink'
import { formatAge, type HealthProblem, type HealthReport } from '../observability/health'
import type { MetricsJson } from '../observability/prometheus'
import { formatDuration } from '../util/format-duration.js'
import type { TenantStatus } from './tenant-status'

/** Everything `status` found, before it is printed. */
export interface StatusReport {
  checkedAt: Date
  database: string
  maxRunAgeMinutes: number
  maxDataAgeMinutes: number
  tenants: TenantStatus[]
  health: HealthReport
  /** The metrics file read for breaker states, and whether it existed. */
  metricsFile?: { path: string; found: boolean }
  /** Why there is no tenant at all (none configured, none recorded). */
  noTenants?: string
}

/** `status` for humans: a block per tenant, then one line per problem saying why (or that all is well). */
export function renderStatusText(report: StatusReport): string {
  const blocks = report.tenants.map((tenant) => renderTenant(tenant, report))
  const problems = [...(report.noTenants ? [report.noTenants] : []), ...report.health.problems.map((problem) => problem.message)]
  const verdict = problems.length > 0 ? problems.join('\n') : `healthy: ${report.tenants.length} tenant${report.tenants.length === 1 ? '' : 's'} checked`
  return [...blocks, verdict].join('\n\n')
}

/** Whether `status` found nothing wrong (and at least one tenant to judge). */
export function isHealthy(report: StatusReport): boolean {
  return report.health.healthy && !report.noTenants
}

/** `status --json`: one document with the verdict, each tenant's figures and problems, and the metrics when a file exists. */
export function statusJson(report: StatusReport, metrics?: MetricsJson): Record<string, unknown> {
  return {
    healthy: isHealthy(report),
    checkedAt: report.checkedAt.toISOString(),
    database: report.database,
    thresholds: { maxRunAgeMinutes: report.maxRunAgeMinutes, maxDataAgeMinutes: report.maxDataAgeMinutes },
    tenants: report.tenants.map((tenant) => tenantJson(tenant, report)),
    problems: report.health.problems.map(({ tenant, kind, message }) => ({ tenant, kind, message })),
    ...(report.noTenants ? { noTenants: report.noTenants } : {}),
    ...(report.metricsFile ? { metricsFile: report.metricsFile } : {}),
    ...(metrics ? { metrics } : {}),
  }
}

function tenantJson(tenant: TenantStatus, report: StatusReport): Record<string, unknown> {
  const age = (date: Date | null) => (date === null ? null : Math.max(0, Math.round((report.checkedAt.getTime() - date.getTime()) / 1000)))
  return {
    tenant: tenant.tenant,
    healthy: problemsOf(tenant, report).length === 0,
    lastRun: tenant.lastRun,
    lastFinishedRun: tenant.lastFinishedRun,
    lastSuccessAt: tenant.lastSuccessAt?.toISOString() ?? null,
    lastSuccessAgeSeconds: age(tenant.lastSuccessAt),
    newestPaidOrderAt: tenant.newestPaidAt?.toISOString() ?? null,
    newestPaidOrderAgeSeconds: age(tenant.newestPaidAt),
    breakerState: tenant.breakerState ?? null,
    lastBackfill: tenant.lastBackfill,
    cursors: Object.fromEntries(tenant.cursors.map(({ resource, cursor }) => [resource, cursor])),
    problems: problemsOf(tenant, report).map(({ kind, detail }) => ({ kind, detail })),
  }
}

function renderTenant(tenant: TenantStatus, report: StatusReport): string {
  const now = report.checkedAt
  const healthy = problemsOf(tenant, report).length === 0
  const rows: [string, string][] = [
    ['last run', tenant.lastRun ? describeRun(tenant.lastRun, now) : 'none recorded'],
    ['last success', tenant.lastSuccessAt ? `${instant(tenant.lastSuccessAt)} (${ago(tenant.lastSuccessAt, now)}; threshold ${report.maxRunAgeMinutes}m)` : 'none recorded'],
    ['newest paid', tenant.newestPaidAt ? `${instant(tenant.newestPaidAt)} (${ago(tenant.newestPaidAt, now)}; threshold ${report.maxDataAgeMinutes}m)` : 'no paid order loaded'],
    ['breaker', breakerText(tenant, report)],
  ]
  if (tenant.lastRun?.error) rows.splice(1, 0, ['error', oneLine(tenant.lastRun.error)])
  if (tenant.lastBackfill) rows.push(['last backfill', describeRun(tenant.lastBackfill, now)])
  const lastRows = tenant.lastFinishedRun?.rowsByResource ?? {}
  rows.push(['resource', 'cursor / rows in the last finished run'])
  for (const { resource, cursor } of tenant.cursors) {
    const rowsOf = lastRows[resource]
    rows.push([`  ${resource}`, `${cursor ?? '—'}${rowsOf === undefined ? '' : ` / ${rowsOf} rows`}`])
  }
  const width = Math.max(...rows.map(([term]) => term.length))
  return [`tenant ${tenant.tenant}: ${healthy ? 'healthy' : 'UNHEALTHY'}`, ...rows.map(([term, text]) => `  ${term.padEnd(width)}  ${text}`)].join('\n')
}

function describeRun(run: JobRun, now: Date): string {
  const started = new Date(run.startedAt)
  if (run.status === 'running' || !run.finishedAt) return `running since ${instant(started)} (${ago(started, now)}; job ${run.job}, run ${shortId(run.runId)})`
  const finished = new Date(run.finishedAt)
  const rows = Object.values(run.rowsByResource).reduce((sum, n) => sum + n, 0)
  return `${run.status} at ${instant(finished)} (${ago(finished, now)}, took ${formatDuration(finished.getTime() - started.getTime())}, ${rows} rows; job ${run.job}, run ${shortId(run.runId)})`
}

function breakerText(tenant: TenantStatus, report: StatusReport): string {
  if (!report.metricsFile) return 'unknown (no metrics file configured: --metrics-file or QTICKETS_METRICS_FILE)'
  if (!report.metricsFile.found) return `unknown (metrics file ${report.metricsFile.path} not written yet)`
  return tenant.breakerState ? `${tenant.breakerState} (at the end of the last run, from ${report.metricsFile.path})` : `unknown (not in ${report.metricsFile.path})`
}

function problemsOf(tenant: TenantStatus, report: StatusReport): HealthProblem[] {
  return report.health.problems.filter((problem) => problem.tenant === tenant.tenant)
}

function instant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function ago(date: Date, now: Date): string {
  return `${formatAge(now.getTime() - date.getTime())} ago`
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id
}

function oneLine(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? ''
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}
