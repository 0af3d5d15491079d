import { dirname } from 'node:path'
import type { RunnerConfig } from '../config/types.js'
import type { Env } from '../env/load-dotenv.js'
import { ConfigError } from '../errors.js'
import { createNotifiers } from '../observability/notifiers'
import { runnerObservabilityConfig } from '../observability/runner-observability-config'
import type { Verdict } from './verdict.js'
import { checkWritableDir } from './writable-dir-check.js'

/** Verdicts on the monitoring settings: valid, where the metrics file and alerts go, and whether their folders are writable. */
export async function monitoringChecks(config: RunnerConfig, env: Env): Promise<Verdict[]> {
  let obs
  try {
    obs = runnerObservabilityConfig({ config, env })
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return [{ check: 'monitoring', status: 'fail', detail: error.message, hint: 'see docs/monitoring/README.md', exitCode: error.exitCode }]
  }
  const notifiers = createNotifiers(obs).map((notifier) => notifier.name)
  if (!obs.metricsFile && notifiers.length === 0) {
    return [
      {
        check: 'monitoring',
        status: 'warn',
        detail: 'no metrics file and no alert notifier: failures show only in `qtickets-load status`',
        hint: 'set QTICKETS_METRICS_FILE (Prometheus) and/or QTICKETS_ALERT_WEBHOOK_URL or Telegram (see docs/monitoring)',
      },
    ]
  }
  const parts = [
    obs.metricsFile ? `metrics file ${obs.metricsFile}` : 'no metrics file',
    notifiers.length > 0 ? `alerts to ${notifiers.join(' and ')} (state in ${obs.alertStateFile})` : 'no alert notifier',
    `thresholds ${obs.maxRunAgeMinutes}m / ${obs.maxDataAgeMinutes}m`,
  ]
  const verdicts: Verdict[] = [{ check: 'monitoring', status: 'ok', detail: parts.join('; ') }]
  if (obs.metricsFile) verdicts.push(await checkWritableDir('metrics file dir', dirname(obs.metricsFile)))
  if (obs.alertStateFile) verdicts.push(await checkWritableDir('alert state dir', dirname(obs.alertStateFile)))
  return verdicts
}
