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
    verdicts.push({ check: 'tenants', status: 'fail', detail: config.noTenantsReason ?? 'no tenant is configured', hint: tenantsHint(config), exitCode: ExitCode.CONFIG })
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
      : { check: 'pii hash key', status: 'warn', detail: 'PII_HASH_KEY is not set: e-mails and phones cannot be hashed', hint: PII_KEY_HINT },
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

/** What to do when PII_HASH_KEY is missing. */
export const PII_KEY_HINT =
  'export PII_HASH_KEY=<32+ random bytes>, e.g. `openssl rand -hex 32`, and keep it stable; without it e-mail and phone hashes are stored as null'

/** What to do when no tenant is configured: set QTICKETS_TOKEN, or list tenants in a config file. */
function tenantsHint(config: RunnerConfig): string {
  const token = 'export QTICKETS_TOKEN=… (organiser REST token: cabinet → Settings → Main)'
  return config.configFile ? `${token}, or add a "tenants" list to ${config.configFile}` : `${token}, or pass --config tenants.json listing the tenants`
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
