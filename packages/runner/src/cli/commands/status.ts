import type { Sink } from '@zakaz/clickhouse-sink'
import type { RunnerConfig } from '../../config/types.js'
import { clickhouseRunnerError } from '../../doctor/clickhouse-failure.js'
import { loadDotenv } from '../../env/load-dotenv.js'
import { ConfigError, RunnerError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import { evaluateHealth } from '../../observability/health'
import { metricsToJson, readMetricsFile } from '../../observability/prometheus'
import { restoreMetrics } from '../../observability/prometheus-parse'
import { createRunMetrics, type RunMetrics } from '../../observability/run-metrics'
import { runnerObservabilityConfig } from '../../observability/runner-observability-config'
import { openSink } from '../../sink/open-sink.js'
import { readRecordedTenants } from '../../status/freshness-queries.js'
import { isHealthy, renderStatusText, statusJson, type StatusReport } from '../../status/status-report.js'
import { readTenantStatus, toHealthInput } from '../../status/tenant-status.js'
import type { Command, CommandContext } from '../command.js'
import { positiveIntegerOption, stringOption } from '../option-values.js'
import { CLICKHOUSE_ENV } from './env-groups.js'

const MAX_AGE_MINUTES = 525_600

/** `qtickets-load status`: last runs, freshness and breaker state; exit 3 when a tenant is unhealthy. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the last runs per tenant and resource, data freshness and breaker state',
  usage: 'qtickets-load status [--max-run-age <min>] [--max-data-age <min>] [--metrics-file <path>] [options]',
  description:
    'Reads meta_job_runs, meta_sync_state and the orders staging table, and prints per tenant the last run (status, rows, error), the last successful run, the newest paid order, the breaker state (from the metrics file, when one is configured) and each resource\'s cursor. Exits 3, with one line per problem saying why, when a tenant never succeeded, its last successful run is older than --max-run-age (QTICKETS_MAX_RUN_AGE_MINUTES, default 60), its newest paid order is older than --max-data-age (QTICKETS_MAX_DATA_AGE_MINUTES, default 180), its last run failed or its breaker is open; 0 when every tenant is healthy. Needs no QTickets token: it checks the configured tenants (or those named by --tenant) whether their tokens are set or not, and, when no tenant is configured or named, every tenant recorded in meta_job_runs.',
  options: [
    { name: 'max-run-age', type: 'string', valueName: 'min', description: 'a last successful run older than this many minutes is a problem', defaultText: '$QTICKETS_MAX_RUN_AGE_MINUTES or 60' },
    { name: 'max-data-age', type: 'string', valueName: 'min', description: 'a newest paid order older than this many minutes is a problem', defaultText: '$QTICKETS_MAX_DATA_AGE_MINUTES or 180' },
    { name: 'metrics-file', type: 'string', valueName: 'path', description: 'Prometheus file written by run, read for the breaker state (and added to --json)', defaultText: '$QTICKETS_METRICS_FILE' },
  ],
  env: ['QTICKETS_CONFIG', ...CLICKHOUSE_ENV, 'QTICKETS_MAX_RUN_AGE_MINUTES', 'QTICKETS_MAX_DATA_AGE_MINUTES', 'QTICKETS_METRICS_FILE', 'LOG_LEVEL'],
  needsTokens: false,
  globalOptions: ['config', 'tenant'],
  examples: ['qtickets-load status', 'qtickets-load status --json --tenant acme --metrics-file /var/lib/node_exporter/textfile_collector/qtickets.prom', 'qtickets-load status --max-data-age 720'],
  exitCodes: [ExitCode.OK, ExitCode.UNHEALTHY, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.UNAVAILABLE, ExitCode.INTERNAL, ExitCode.LOCK_HELD, ExitCode.CONFIG],
  exitCodeMeanings: {
    [ExitCode.OK]: 'every tenant is healthy',
    [ExitCode.UNHEALTHY]: 'a tenant is unhealthy: never succeeded, last successful run or newest paid order too old, last run failed, or breaker open',
    [ExitCode.DATA_ERROR]: 'ClickHouse rejected a status query (a schema of another version?)',
    [ExitCode.UNAVAILABLE]: 'ClickHouse unreachable',
    [ExitCode.LOCK_HELD]: "the embedded engine's folder is in use by another process (a run in progress?)",
    [ExitCode.CONFIG]: 'configuration error, database not migrated, or ClickHouse refused the credentials or access',
  },
  async run(ctx) {
    const maxRunAge = positiveIntegerOption(ctx.options, 'max-run-age', MAX_AGE_MINUTES)
    const maxDataAge = positiveIntegerOption(ctx.options, 'max-data-age', MAX_AGE_MINUTES)
    const config = ctx.loadConfig()
    const metricsFlag = stringOption(ctx.options, 'metrics-file')
    const obs = runnerObservabilityConfig({
      config,
      env: loadDotenv({ env: ctx.io.env, cwd: ctx.io.cwd }).env,
      ...(metricsFlag === undefined ? {} : { metricsFile: metricsFlag }),
    })
    ctx.logger.debug('status', { database: config.clickhouse.database, tenants: config.tenantNames, metrics_file: obs.metricsFile })
    const metrics = obs.metricsFile ? await readMetrics(obs.metricsFile) : undefined
    const report = await readReport(ctx, config, {
      maxRunAgeMinutes: maxRunAge ?? obs.maxRunAgeMinutes,
      maxDataAgeMinutes: maxDataAge ?? obs.maxDataAgeMinutes,
      ...(obs.metricsFile ? { metricsFile: obs.metricsFile, metrics } : {}),
    })
    ctx.output(statusJson(report, metrics ? metricsToJson(metrics.registry, report.checkedAt) : undefined), () => renderStatusText(report))
    return isHealthy(report) ? ExitCode.OK : ExitCode.UNHEALTHY
  },
}

interface ReportOptions {
  maxRunAgeMinutes: number
  maxDataAgeMinutes: number
  metricsFile?: string
  /** The restored metrics file; undefined when it does not exist yet. */
  metrics?: RunMetrics | undefined
}

async function readReport(ctx: CommandContext, config: RunnerConfig, options: ReportOptions): Promise<StatusReport> {
  let sink: Sink | undefined
  try {
    sink = await openSink(config, ctx.logger)
    const schema = await sink.schemaVersion()
    if (schema.applied.length === 0) {
      throw new ConfigError(`ClickHouse database ${sink.database} is not migrated yet: run \`qtickets-load migrate\`, then \`qtickets-load run\``)
    }
    const names = config.tenantNames.length > 0 ? config.tenantNames : await readRecordedTenants(sink)
    const tenants = []
    for (const name of names) tenants.push(await readTenantStatus(sink, name, options.metrics?.breakerState(name)))
    const checkedAt = ctx.io.now?.() ?? new Date()
    const health = evaluateHealth({
      now: checkedAt,
      tenants: tenants.map(toHealthInput),
      maxRunAgeMinutes: options.maxRunAgeMinutes,
      maxDataAgeMinutes: options.maxDataAgeMinutes,
    })
    return {
      checkedAt,
      database: sink.database,
      maxRunAgeMinutes: options.maxRunAgeMinutes,
      maxDataAgeMinutes: options.maxDataAgeMinutes,
      tenants,
      health,
      ...(options.metricsFile ? { metricsFile: { path: options.metricsFile, found: options.metrics !== undefined } } : {}),
      ...(names.length === 0 ? { noTenants: `no tenant to check: ${config.noTenantsReason ?? 'none configured'}, and no run is recorded in ${sink.database}.meta_job_runs` } : {}),
    }
  } catch (error) {
    if (error instanceof RunnerError) throw error
    throw clickhouseRunnerError(error, config.clickhouse)
  } finally {
    await sink?.close()
  }
}

async function readMetrics(path: string): Promise<RunMetrics | undefined> {
  let text: string | undefined
  try {
    text = await readMetricsFile(path)
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
  if (text === undefined) return undefined
  const metrics = createRunMetrics()
  restoreMetrics(metrics.registry, text)
  return metrics
}
