import { describeConfig } from '../../config/describe-config.js'
import type { RunnerConfig } from '../../config/types.js'
import { checkPartnersApi, checkTenantApi } from '../../doctor/api-checks.js'
import { clickhouseChecks } from '../../doctor/clickhouse-checks.js'
import { configChecks } from '../../doctor/config-checks.js'
import { monitoringChecks } from '../../doctor/monitoring-checks.js'
import { renderVerdicts } from '../../doctor/render-verdicts.js'
import { doctorExitCode, type Verdict } from '../../doctor/verdict.js'
import { checkWritableDir } from '../../doctor/writable-dir-check.js'
import { loadDotenv } from '../../env/load-dotenv.js'
import { ConfigError, UsageError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command, CommandContext } from '../command.js'
import { API_ENV, CLICKHOUSE_ENV, MONITORING_ENV, SYNC_ENV } from './env-groups.js'

/** `qtickets-load doctor`: checks configuration and connectivity, one verdict per check. */
export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check configuration, tokens, endpoints and ClickHouse, each with a verdict',
  usage: 'qtickets-load doctor [options]',
  description:
    'Checks, one verdict each (PASS, WARN, FAIL or SKIP, one line why and, for a problem, a line saying what to do): the configuration and where every value came from, the lock and data directories, the monitoring settings, each tenant\'s token against the API (one small read, no retries, 10 s timeout) and its Partners token if set, ClickHouse connectivity, the schema version and the grants of the ClickHouse user (servers only). Secrets are shown only as "set", never their values. Exits with the code of the first failed check (78 configuration or token, 69 unreachable). --verbose adds the resolved configuration.',
  options: [],
  env: [...API_ENV, ...SYNC_ENV, ...CLICKHOUSE_ENV, ...MONITORING_ENV],
  globalOptions: ['config', 'tenant'],
  examples: ['qtickets-load doctor', 'qtickets-load doctor --config tenants.json --verbose', 'qtickets-load doctor --json'],
  exitCodes: [ExitCode.OK, ExitCode.RUN_ERROR, ExitCode.USAGE, ExitCode.DATA_ERROR, ExitCode.UNAVAILABLE, ExitCode.INTERNAL, ExitCode.LOCK_HELD, ExitCode.CONFIG],
  exitCodeMeanings: {
    [ExitCode.OK]: 'no check failed (warnings and skips allowed)',
    [ExitCode.RUN_ERROR]: 'a check failed: the API refused a request (see its verdict)',
    [ExitCode.USAGE]: 'usage error: unknown or bad option',
    [ExitCode.DATA_ERROR]: 'the API answered something that is not the QTickets API (check QTICKETS_BASE_URL), or ClickHouse rejected a check query',
    [ExitCode.UNAVAILABLE]: 'the QTickets API or ClickHouse is unreachable, or answers 5xx',
    [ExitCode.INTERNAL]: 'a check itself failed: a bug in qtickets-load',
    [ExitCode.LOCK_HELD]: "the embedded engine's folder is in use by another process (a run in progress?)",
    [ExitCode.CONFIG]: 'configuration, token, ClickHouse credentials, grants or schema are wrong or missing',
  },
  async run(ctx) {
    const verdicts: Verdict[] = []
    const config = tryLoadConfig(ctx, verdicts)
    if (config) verdicts.push(...(await checkEverything(ctx, config)))
    const description = config && ctx.flags.verbose ? describeConfig(config) : undefined
    ctx.output({ verdicts, ...(description ? { config: description } : {}) }, () =>
      description ? `${renderVerdicts(verdicts)}\n\nResolved configuration\n${JSON.stringify(description, null, 2)}` : renderVerdicts(verdicts),
    )
    return doctorExitCode(verdicts)
  },
}

async function checkEverything(ctx: CommandContext, config: RunnerConfig): Promise<Verdict[]> {
  const verdicts = [...configChecks(config), await checkWritableDir('lock dir', config.lockDir)]
  const dataDir = config.clickhouse.mode === 'embedded' ? await checkWritableDir('clickhouse data dir', config.clickhouse.dataDir) : undefined
  if (dataDir) verdicts.push(dataDir)
  verdicts.push(...(await monitoringChecks(config, loadDotenv({ env: ctx.io.env, cwd: ctx.io.cwd }).env)))
  const api = await Promise.all(config.tenants.map(async (tenant) => [await checkTenantApi(tenant), await checkPartnersApi(tenant)]))
  verdicts.push(...api.flat().filter((verdict): verdict is Verdict => verdict !== undefined))
  if (dataDir?.status === 'fail') {
    verdicts.push({ check: 'clickhouse connection', status: 'skip', detail: 'not checked: the data directory is not writable' })
  } else {
    verdicts.push(...(await clickhouseChecks(config, ctx.logger)))
  }
  return verdicts
}

function tryLoadConfig(ctx: CommandContext, verdicts: Verdict[]): RunnerConfig | undefined {
  try {
    return ctx.loadConfig()
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof UsageError)) throw error
    verdicts.push({ check: 'config', status: 'fail', detail: error.message, exitCode: error.exitCode })
    return undefined
  }
}
