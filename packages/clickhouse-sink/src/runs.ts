import { SinkError } from './errors'
import { assertTenant } from './identifiers'
import { insertRows, type WriteContext } from './insert'
import { clickhouseUtcToIso } from './instants'
import { selectRows } from './sql'
import { nextVersion } from './version-clock'

/** Status of a run in `meta_job_runs`. */
export type RunStatus = 'running' | 'ok' | 'partial' | 'error'

/** Identifies a run when it starts. */
export interface StartRunInput {
  job: string
  tenant: string
  runId: string
}

/** How a run ended. */
export interface FinishRunInput {
  runId: string
  job: string
  tenant: string
  status: 'ok' | 'partial' | 'error'
  /** Rows written per resource, e.g. `{ orders: 120, baskets: 300 }`. */
  rowsByResource: Record<string, number>
  /** Error message (already free of secrets and personal data; SinkError messages are). Stored up to 4000 characters. */
  error?: string
}

/** Which runs to list. */
export interface LastRunsInput {
  tenant?: string
  job?: string
  /** Default 20. */
  limit?: number
}

/** One run as stored (latest version). */
export interface JobRun {
  job: string
  tenant: string
  runId: string
  /** ISO instant (`…Z`). */
  startedAt: string
  finishedAt: string | null
  status: RunStatus
  rowsByResource: Record<string, number>
  error: string
}

interface JobRunRow {
  tenant: string
  job: string
  run_id: string
  started_at: string
  finished_at: string | null
  status: RunStatus
  rows_by_resource: Record<string, number>
  error: string
  _ver: number
}

/** Records a run as `running`. */
export async function startRun(ctx: WriteContext, input: StartRunInput): Promise<void> {
  const key = runKey(input)
  await writeRun(ctx, { ...key, started_at: new Date().toISOString(), finished_at: null, status: 'running', rows_by_resource: {}, error: '' })
}

/** Records how a run ended (keeps its start time); the newer row replaces `running`. */
export async function finishRun(ctx: WriteContext, input: FinishRunInput): Promise<void> {
  const key = runKey(input)
  if (!['ok', 'partial', 'error'].includes(input.status)) {
    throw new SinkError('validation', `run status ${JSON.stringify(input.status)} is not one of ok, partial, error`)
  }
  const now = new Date().toISOString()
  const startedAt = (await readStartedAt(ctx, key)) ?? now
  await writeRun(ctx, {
    ...key,
    started_at: startedAt,
    finished_at: now,
    status: input.status,
    rows_by_resource: checkedCounts(input.rowsByResource),
    error: (input.error ?? '').slice(0, 4000),
  })
}

/** Latest runs, newest first, optionally of one tenant and/or job. */
export async function lastRuns(ctx: WriteContext, input: LastRunsInput = {}): Promise<JobRun[]> {
  const tenant = input.tenant === undefined ? '' : assertTenant(input.tenant)
  const job = input.job === undefined ? '' : nonEmpty(input.job, 'job')
  const limit = Math.max(1, Math.min(10_000, Math.floor(input.limit ?? 20)))
  const rows = await selectRows<JobRunRow>(
    ctx.client,
    'reading meta_job_runs',
    `SELECT tenant, job, run_id, toString(started_at) AS started_at, toString(finished_at) AS finished_at, status, rows_by_resource, error
FROM ${ctx.database}.meta_job_runs FINAL
WHERE ({tenant:String} = '' OR tenant = {tenant:String}) AND ({job:String} = '' OR job = {job:String})
ORDER BY started_at DESC, run_id DESC
LIMIT {limit:UInt32}`,
    { tenant, job, limit },
  )
  return rows.map(toJobRun)
}

function toJobRun(row: JobRunRow): JobRun {
  return {
    job: row.job,
    tenant: row.tenant,
    runId: row.run_id,
    startedAt: clickhouseUtcToIso(row.started_at) ?? '',
    finishedAt: clickhouseUtcToIso(row.finished_at),
    status: row.status,
    rowsByResource: Object.fromEntries(Object.entries(row.rows_by_resource).map(([k, v]) => [k, Number(v)])),
    error: row.error,
  }
}

async function readStartedAt(ctx: WriteContext, key: RunKey): Promise<string | null> {
  const rows = await selectRows<{ started_at: string }>(
    ctx.client,
    'reading meta_job_runs',
    `SELECT toString(started_at) AS started_at FROM ${ctx.database}.meta_job_runs FINAL
WHERE tenant = {tenant:String} AND job = {job:String} AND run_id = {run_id:String} LIMIT 1`,
    { ...key },
  )
  return clickhouseUtcToIso(rows[0]?.started_at ?? null)
}

async function writeRun(ctx: WriteContext, row: Omit<JobRunRow, '_ver'>): Promise<void> {
  await insertRows(ctx, 'meta_job_runs', [{ ...row, _ver: nextVersion() }])
}

interface RunKey {
  tenant: string
  job: string
  run_id: string
}

function runKey(input: { tenant: string; job: string; runId: string }): RunKey {
  return { tenant: assertTenant(input.tenant), job: nonEmpty(input.job, 'job'), run_id: nonEmpty(input.runId, 'runId') }
}

function nonEmpty(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw new SinkError('validation', `${what} must be a non-empty string of at most 200 characters`)
  }
  return value
}

function checkedCounts(counts: Record<string, number>): Record<string, number> {
  for (const [resource, count] of Object.entries(counts ?? {})) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new SinkError('validation', `rowsByResource.${resource} must be a non-negative integer, got ${JSON.stringify(count)}`)
    }
  }
  return { ...counts }
}
