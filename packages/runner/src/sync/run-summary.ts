import { formatDuration } from '../util/format-duration.js'
import type { TenantOutcome } from './for-each-tenant.js'
import type { SyncResource, TenantRunResult } from './types.js'

/** The JSON summary of a run or backfill (`--json`). */
export interface RunSummaryJson {
  command: string
  runId: string
  dryRun: boolean
  exitCode: number
  tenants: Array<{
    tenant: string
    exitCode: number
    status: TenantRunResult['status'] | 'not_started'
    durationMs?: number
    rowsRead?: TenantRunResult['rowsRead']
    rowsWritten?: TenantRunResult['rowsWritten']
    rowsByTable?: Record<string, number>
    recomputedDays?: string[]
    failures?: TenantRunResult['failures']
    newestPaidAt?: string | null
    error?: string
  }>
}

/** Outcomes as the JSON summary. */
export function summaryJson(command: string, runId: string, dryRun: boolean, exitCode: number, outcomes: readonly TenantOutcome[]): RunSummaryJson {
  return {
    command,
    runId,
    dryRun,
    exitCode,
    tenants: outcomes.map(({ tenant, exitCode: code, result, error }) =>
      result
        ? {
            tenant,
            exitCode: code,
            status: result.status,
            durationMs: result.durationMs,
            rowsRead: result.rowsRead,
            rowsWritten: result.rowsWritten,
            rowsByTable: result.rowsByTable ?? {},
            recomputedDays: result.recomputedDays,
            failures: result.failures,
            newestPaidAt: result.newestPaidAt?.toISOString() ?? null,
          }
        : { tenant, exitCode: code, status: 'not_started', ...(error ? { error } : {}) },
    ),
  }
}

/** Outcomes as text: per tenant its status and, per resource, records read and rows written (or, in a dry run, what would be written). */
export function summaryText(command: string, dryRun: boolean, outcomes: readonly TenantOutcome[]): string {
  return outcomes.map((outcome) => tenantText(command, dryRun, outcome)).join('\n')
}

function tenantText(command: string, dryRun: boolean, { tenant, exitCode, result, error }: TenantOutcome): string {
  if (!result) return `${tenant}: not run (exit ${exitCode}): ${error ?? 'unknown reason'}`
  const head = `${tenant}: ${command}${dryRun ? ' (dry run)' : ''} ${result.status} in ${formatDuration(result.durationMs)} (exit ${exitCode})`
  const resources = Object.keys(result.rowsRead) as SyncResource[]
  const lines = [head, table([['resource', 'read', dryRun ? 'would write' : 'written'], ...resources.map((r) => [r, String(result.rowsRead[r] ?? 0), String(written(result, r, dryRun))])])]
  if (dryRun && result.rowsByTable && Object.keys(result.rowsByTable).length > 0) {
    lines.push(`  would write per table: ${Object.entries(result.rowsByTable).map(([name, rows]) => `${name} ${rows}`).join(', ')}`)
  }
  lines.push(`  ${dryRun ? 'would recompute' : 'recomputed'} ${daysText(result.recomputedDays)}`)
  for (const failure of result.failures) {
    lines.push(`  failed: ${failure.resource}: ${failure.kind}${failure.status !== undefined ? ` (HTTP ${failure.status})` : ''}: ${failure.message}`)
  }
  return lines.join('\n')
}

function written(result: TenantRunResult, resource: SyncResource, dryRun: boolean): number {
  if (!dryRun) return result.rowsWritten[resource] ?? 0
  const byTable = result.rowsByTable ?? {}
  const tables: Partial<Record<SyncResource, string>> = {
    events: 'dim_events',
    orders: 'stg_qtickets_api_orders_raw',
    clients: 'stg_qtickets_api_clients_raw',
    discounts: 'stg_qtickets_api_discounts_raw',
    promo_codes: 'stg_qtickets_api_promo_codes_raw',
    color_themes: 'stg_qtickets_api_color_themes_raw',
    inventory: 'stg_qtickets_api_inventory_raw',
    barcodes: 'stg_qtickets_api_barcodes_raw',
  }
  return byTable[tables[resource] ?? ''] ?? 0
}

function daysText(days: readonly string[]): string {
  if (days.length === 0) return 'no days'
  if (days.length <= 6) return `${days.length} day${days.length === 1 ? '' : 's'}: ${days.join(', ')}`
  return `${days.length} days: ${days[0]} … ${days.at(-1)}`
}

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) => `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`).join('\n')
}
