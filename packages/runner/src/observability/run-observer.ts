import { configSecrets } from '../config/config-secrets.js'
import type { RunnerConfig } from '../config/types.js'
import type { Env } from '../env/load-dotenv.js'
import type { Logger } from '../log/logger.js'
import type { RunObserver, TenantRunResult } from '../sync/types.js'
import { createJsonFileAlertStore } from './alert-store'
import { createAlertManager, type TenantObservation } from './alerts'
import type { ObservabilityConfig } from './config'
import { evaluateHealth } from './health'
import { tenantHealthFromMetrics } from './metrics-health'
import { createAlertSender, createNotifiers } from './notifiers'
import { readMetricsFile, renderPrometheus, writeMetricsFile } from './prometheus'
import { restoreMetrics } from './prometheus-parse'
import { createRunMetrics, type RunMetrics } from './run-metrics'
import { runnerObservabilityConfig } from './runner-observability-config'
import { toSdkEvent } from './sdk-event'

/** Options of createRunObserver. */
export interface RunObserverOptions {
  config: RunnerConfig
  logger: Logger
  /** `--metrics-file`, when given on the command line. */
  metricsFile?: string
  /** Where the monitoring variables are read; default: this process's environment plus the config's `.env` file. */
  env?: Env
  /** Clock for ages, alert times and the metrics file; default `() => new Date()`. */
  now?: () => Date
}

/**
 * Creates the observer `run` reports to (see docs/monitoring/README.md): it restores the previous metrics file so counters
 * keep counting, counts SDK events and tenant results, and on `close()` writes the metrics file atomically, evaluates
 * health and sends alerts through the alert manager (backfill results add rows only). Invalid monitoring settings are a ConfigError (exit 78) here, at
 * creation; after that nothing it does throws: failures are logged as warnings and the load goes on.
 */
export async function createRunObserver(options: RunObserverOptions): Promise<RunObserver> {
  const { config, logger } = options
  const now = options.now ?? (() => new Date())
  const obs = runnerObservabilityConfig({
    config,
    ...(options.env ? { env: options.env } : {}),
    ...(options.metricsFile === undefined ? {} : { metricsFile: options.metricsFile }),
  })
  const metrics = createRunMetrics()
  if (obs.metricsFile) await restorePreviousMetrics(metrics, obs.metricsFile, logger)
  const finished = new Map<string, TenantRunResult>()
  let closed = false

  return {
    onSdkEvent(tenant, event, resource) {
      guard(logger, 'SDK event', () => metrics.sdkEvent(tenant, toSdkEvent(event, resource), resource))
    },
    onTenantFinished(result) {
      guard(logger, 'tenant result', () => {
        recordResult(metrics, result)
        if (result.job !== 'backfill') finished.set(result.tenant, result)
      })
    },
    async close() {
      if (closed) return
      closed = true
      try {
        await flush({ obs, metrics, finished: [...finished.values()], config, logger, at: now() })
      } catch (error) {
        logger.warn('monitoring failed; the load is not affected', { error: messageOf(error) })
      }
    },
  }
}

/**
 * Adds one tenant's run to the metrics: rows per resource, how it ended, and the newest paid order it left behind.
 * A backfill adds its rows only: it never moves the incremental cursor, so it must neither hide a stale incremental
 * sync (last success) nor page anyone when it fails (the operator who started it is watching).
 */
function recordResult(metrics: RunMetrics, result: TenantRunResult): void {
  for (const [resource, rows] of Object.entries(result.rowsRead)) {
    if (typeof rows === 'number' && rows > 0) metrics.rowsRead(result.tenant, resource, rows)
  }
  for (const [resource, rows] of Object.entries(result.rowsWritten)) {
    if (typeof rows === 'number' && rows > 0) metrics.rowsWritten(result.tenant, resource, rows)
  }
  if (result.job === 'backfill') return
  metrics.runFinished({ tenant: result.tenant, status: result.status, durationMs: result.durationMs, finishedAt: result.finishedAt })
  metrics.freshness({ tenant: result.tenant, newestPaidAt: result.newestPaidAt, lastSuccessAt: null })
}

interface FlushInput {
  obs: ObservabilityConfig
  metrics: RunMetrics
  finished: TenantRunResult[]
  config: RunnerConfig
  logger: Logger
  at: Date
}

async function flush(input: FlushInput): Promise<void> {
  const { obs, logger } = input
  if (input.config.dryRun) {
    if (obs.metricsFile || obs.alertStateFile) logger.info('dry run: the metrics file and alerts are left as they were')
    return
  }
  if (obs.metricsFile) {
    try {
      await writeMetricsFile(obs.metricsFile, renderPrometheus(input.metrics.registry, input.at))
      logger.debug('metrics file written', { path: obs.metricsFile })
    } catch (error) {
      logger.warn('metrics file could not be written', { path: obs.metricsFile, error: messageOf(error) })
    }
  }
  if (obs.alertStateFile && input.finished.length > 0) await sendAlerts(input, obs.alertStateFile)
}

/** Tells the alert manager what each finished tenant looked like; it sends what is due and remembers the rest. */
async function sendAlerts(input: FlushInput, stateFile: string): Promise<void> {
  const { obs, metrics, logger, at } = input
  const health = evaluateHealth({
    now: at,
    tenants: input.finished.map((result) => tenantHealthFromMetrics(metrics, result.tenant)),
    maxRunAgeMinutes: obs.maxRunAgeMinutes,
    maxDataAgeMinutes: obs.maxDataAgeMinutes,
  })
  const observations: TenantObservation[] = input.finished.map((result) => {
    const breakerState = metrics.breakerState(result.tenant)
    return {
      tenant: result.tenant,
      run: {
        status: result.status,
        failures: result.failures.map((failure) => ({
          resource: failure.resource,
          kind: failure.kind,
          ...(failure.status === undefined ? {} : { status: failure.status }),
        })),
      },
      ...(breakerState ? { breakerState } : {}),
      healthProblems: health.problems,
    }
  })
  const send = createAlertSender({ notifiers: createNotifiers(obs), logger, secrets: configSecrets(input.config) })
  const manager = createAlertManager({ store: createJsonFileAlertStore(stateFile), send, logger })
  for (const delivery of await manager.observe(observations, at)) {
    const { kind, tenant, problem, resource } = delivery.message
    const fields = { alert: kind, tenant, problem, ...(resource ? { resource } : {}) }
    if (delivery.delivered) logger.info(`alert sent: ${kind} ${problem}`, fields)
    else logger.warn(`alert not delivered (${kind} ${problem}); it is retried after the next run`, fields)
  }
}

async function restorePreviousMetrics(metrics: RunMetrics, path: string, logger: Logger): Promise<void> {
  try {
    const text = await readMetricsFile(path)
    if (text === undefined) return
    const restored = restoreMetrics(metrics.registry, text)
    logger.debug('previous metrics restored', { path, series: restored })
  } catch (error) {
    logger.warn('previous metrics file unreadable; counters start again from zero', { path, error: messageOf(error) })
  }
}

function guard(logger: Logger, what: string, work: () => void): void {
  try {
    work()
  } catch (error) {
    logger.warn(`monitoring could not record a ${what}`, { error: messageOf(error) })
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
