import { describeConfig } from '../../config/describe-config.js'
import type { RunnerConfig } from '../../config/types.js'
import { configChecks } from '../../doctor/config-checks.js'
import { renderVerdicts } from '../../doctor/render-verdicts.js'
import { doctorExitCode, type Verdict } from '../../doctor/verdict.js'
import { checkWritableDir } from '../../doctor/writable-dir-check.js'
import { ConfigError, UsageError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import type { Command, CommandContext } from '../command.js'
import { API_ENV, CLICKHOUSE_ENV, SYNC_ENV } from './env-groups.js'

/** `qtickets-load doctor`: checks configuration and connectivity, one verdict per check. */
export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check configuration, tokens, endpoints and ClickHouse, each with a verdict',
  usage: 'qtickets-load doctor [options]',
  description:
    'Checks, one verdict each (ok, WARN, FAIL, skip): the configuration and where every value came from, each tenant and its token, the lock and data directories, the ClickHouse target, and — once the integration lands — each token against the API, the Partners API, ClickHouse connectivity, grants and schema version. Secrets are shown only as "set". Exits with the code of the first failed check. --verbose adds the resolved configuration.',
  options: [],
  env: [...API_ENV, ...SYNC_ENV, ...CLICKHOUSE_ENV],
  examples: ['qtickets-load doctor', 'qtickets-load doctor --config tenants.json --verbose', 'qtickets-load doctor --json'],
  exitCodes: [ExitCode.OK, ExitCode.RUN_ERROR, ExitCode.UNAVAILABLE, ExitCode.CONFIG],
  async run(ctx) {
    const verdicts: Verdict[] = []
    const config = tryLoadConfig(ctx, verdicts)
    if (config) {
      verdicts.push(...configChecks(config))
      verdicts.push(await checkWritableDir('lock dir', config.lockDir))
      if (config.clickhouse.mode === 'embedded') verdicts.push(await checkWritableDir('clickhouse data dir', config.clickhouse.dataDir))
      // TODO(integration: @zakaz/qtickets-sdk + @zakaz/clickhouse-sink): replace these skips with real checks —
      // per tenant a cheap authenticated read (403 → fail 78, network/5xx → fail 69), the Partners token if set,
      // ClickHouse ping, grants and schema version.
      verdicts.push(
        { check: 'qtickets api', status: 'skip', detail: 'tokens are not checked against the API yet (integration pending)' },
        { check: 'clickhouse', status: 'skip', detail: 'connectivity, grants and schema version are not checked yet (integration pending)' },
      )
    }
    const description = config && ctx.flags.verbose ? describeConfig(config) : undefined
    ctx.output({ verdicts, ...(description ? { config: description } : {}) }, () =>
      description ? `${renderVerdicts(verdicts)}\n\nResolved configuration\n${JSON.stringify(description, null, 2)}` : renderVerdicts(verdicts),
    )
    return doctorExitCode(verdicts)
  },
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
