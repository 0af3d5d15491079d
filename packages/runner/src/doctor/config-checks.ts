import type { ApiClientSettings, RunnerConfig } from '../config/types.js'
import { ExitCode } from '../exit-codes.js'
import type { Verdict } from './verdict.js'

/** Verdicts drawn from a loaded config alone: its source, its warnings, tenants, PII key and ClickHouse target. */
export function configChecks(config: RunnerConfig): Verdict[] {
  const source = config.configFile ?? 'the environment'
  const verdicts: Verdict[] = [
    { check: 'config', status: 'ok', detail: `loaded from ${source}${config.envFile ? ` and ${config.envFile}` : ''}` },
  ]
  for (const warning of config.warnings) verdicts.push({ check: 'config', status: 'warn', detail: warning })
  if (config.tenants.length === 0) {
    verdicts.push({ check: 'tenants', status: 'fail', detail: config.noTenantsReason ?? 'no tenant is configured', exitCode: ExitCode.CONFIG })
  }
  for (const tenant of config.tenants) {
    const partners = tenant.partnersToken ? `Partners token from ${tenant.partnersTokenSource}` : 'no Partners token'
    verdicts.push({
      check: `tenant ${tenant.name}`,
      status: 'ok',
      detail: `token from ${tenant.tokenSource}; ${tenant.baseUrl}; zone ${tenant.timeZone}; concurrency ${tenant.concurrency}; ${partners}${clientText(tenant.client)}`,
    })
  }
  verdicts.push(
    config.piiHashKey
      ? { check: 'pii hash key', status: 'ok', detail: 'PII_HASH_KEY is set' }
      : { check: 'pii hash key', status: 'warn', detail: 'PII_HASH_KEY is not set: e-mails and phones cannot be hashed' },
  )
  const { clickhouse } = config
  const target = clickhouse.mode === 'server' ? `server ${clickhouse.url} as ${clickhouse.user ?? 'default'}` : `embedded engine in ${clickhouse.dataDir}`
  verdicts.push({
    check: 'clickhouse target',
    status: 'ok',
    detail: `${target}, database ${clickhouse.database}${clickhouse.cluster ? `, cluster ${clickhouse.cluster}` : ''}`,
  })
  return verdicts
}

/** `; retries 2 attempts, breaker 3 failures…` for the client knobs that are set; empty when none is. */
function clientText(settings: ApiClientSettings | undefined): string {
  if (!settings) return ''
  const parts = [
    settings.retryAttempts === undefined ? undefined : `${settings.retryAttempts} attempts per request`,
    settings.breakerFailures === undefined ? undefined : `breaker opens after ${settings.breakerFailures} failures`,
    settings.breakerHalfOpenSeconds === undefined ? undefined : `probes after ${settings.breakerHalfOpenSeconds}s`,
    settings.requestTimeoutSeconds === undefined ? undefined : `timeout ${settings.requestTimeoutSeconds}s`,
  ].filter(Boolean)
  return parts.length === 0 ? '' : `; ${parts.join(', ')}`
}
