import { isSinkError } from '@zakaz/clickhouse-sink'
import type { TenantConfig } from '../config/types.js'
import { exitCodeForError } from '../errors.js'
import { ExitCode, type ExitCodeValue } from '../exit-codes.js'
import { LockHeldError } from '../lock/lock-held-error.js'
import { withTenantLock } from '../lock/with-tenant-lock.js'
import type { Logger } from '../log/logger.js'
import { exitCodeForResult } from './exit-code.js'
import { forEachConcurrently } from './limiter.js'
import type { TenantRunResult } from './types.js'

/** How one tenant's job ended, for the summary and the exit code. */
export interface TenantOutcome {
  tenant: string
  exitCode: ExitCodeValue
  /** The run, when it could start. */
  result?: TenantRunResult
  /** Why it could not start or finish (lock held, ClickHouse unreachable…), redacted by the logger when logged. */
  error?: string
}

/** How tenants are processed. */
export interface ForEachTenantOptions {
  /** Tenants at once (each tenant's own requests are bounded separately). */
  concurrency: number
  lockDir: string
  runId: string
  /** 0: fail at once with exit 75 when a tenant is locked; otherwise wait up to this many ms. */
  lockWaitMs: number
  /** A dry run writes nothing, so it takes no lock. */
  dryRun: boolean
  logger: Logger
  signal: AbortSignal
}

/**
 * Runs `work` for every tenant, `concurrency` at a time, each under its own tenant lock (two runs of one tenant never
 * overlap; a held lock gives exit 75 for that tenant with a message naming the holder). The work receives a signal that
 * aborts on SIGINT/SIGTERM or when the lock is lost. Outcomes come back in the tenants' order; nothing here throws.
 */
export async function forEachTenant(
  tenants: readonly TenantConfig[],
  options: ForEachTenantOptions,
  work: (tenant: TenantConfig, signal: AbortSignal) => Promise<TenantRunResult>,
): Promise<TenantOutcome[]> {
  const outcomes = new Map<string, TenantOutcome>()
  await forEachConcurrently(tenants, options.concurrency, async (tenant) => {
    outcomes.set(tenant.name, await runOne(tenant, options, work))
  })
  return tenants.map((tenant) => outcomes.get(tenant.name)!)
}

async function runOne(
  tenant: TenantConfig,
  options: ForEachTenantOptions,
  work: (tenant: TenantConfig, signal: AbortSignal) => Promise<TenantRunResult>,
): Promise<TenantOutcome> {
  const logger = options.logger.child({ tenant: tenant.name })
  try {
    const result = options.dryRun
      ? await work(tenant, options.signal)
      : await withTenantLock({ dir: options.lockDir, tenant: tenant.name, runId: options.runId, wait: options.lockWaitMs, logger }, (lock) =>
          work(tenant, AbortSignal.any([options.signal, lock.signal])),
        )
    return { tenant: tenant.name, exitCode: exitCodeForResult(result), result }
  } catch (error) {
    const exitCode = exitCodeForStartFailure(error, options.signal)
    const message = `${error instanceof Error ? error.message : String(error)}${missingSchema(error) ? ' (run `qtickets-load migrate` first)' : ''}`
    logger.error(error instanceof LockHeldError ? message : `could not run: ${message}`, { exit_code: exitCode })
    return { tenant: tenant.name, exitCode, error: message }
  }
}

/**
 * A job that could not start: lock held (75), no schema yet or a bad ClickHouse setting (78), ClickHouse unreachable or
 * refusing (69), interrupted (130).
 */
function exitCodeForStartFailure(error: unknown, signal: AbortSignal): ExitCodeValue {
  if (signal.aborted) return ExitCode.INTERRUPTED
  if (isSinkError(error)) return error.kind === 'config' || missingSchema(error) ? ExitCode.CONFIG : ExitCode.UNAVAILABLE
  return exitCodeForError(error)
}

/** ClickHouse says the database or a table does not exist (UNKNOWN_DATABASE 81, UNKNOWN_TABLE 60): not migrated yet. */
function missingSchema(error: unknown): boolean {
  return isSinkError(error) && (error.code === '81' || error.code === '60')
}
