import { DEFAULT_BREAKER, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS } from '@zakaz/qtickets-sdk'
import { OBSERVABILITY_ENV } from '../observability/config.js'
import { DEFAULT_PAGE_SIZE } from '../sync/sync-context.js'
import { DEFAULTS } from './defaults.js'

/** Documentation of one environment variable. */
export interface EnvVarDoc {
  name: string
  description: string
  default?: string
  secret?: boolean
}

/** Every environment variable the runner reads, in help order. */
export const ENV_VARS: readonly EnvVarDoc[] = [
  { name: 'QTICKETS_TOKEN', description: 'REST API token of the tenant, when no config file lists tenants', secret: true },
  { name: 'QTICKETS_TENANT', description: 'name of that tenant', default: DEFAULTS.tenantName },
  { name: 'QTICKETS_BASE_URL', description: 'REST API base URL', default: DEFAULTS.baseUrl },
  { name: 'QTICKETS_PARTNERS_TOKEN', description: 'Partners API token, if the tenant uses the Partners API', secret: true },
  { name: 'QTICKETS_PARTNERS_BASE_URL', description: 'Partners API base URL', default: DEFAULTS.partnersBaseUrl },
  { name: 'QTICKETS_TZ', description: 'IANA zone of API date filters', default: DEFAULTS.timeZone },
  { name: 'QTICKETS_REPORT_TZ', description: 'IANA zone of sales_date in the daily facts', default: DEFAULTS.reportTimeZone },
  { name: 'QTICKETS_LAG_MINUTES', description: 'minutes re-read behind the incremental cursor', default: String(DEFAULTS.lagMinutes) },
  { name: 'QTICKETS_INITIAL_DAYS', description: 'days loaded by the first run of a tenant', default: String(DEFAULTS.initialDays) },
  { name: 'QTICKETS_CONCURRENCY', description: 'concurrent API requests per token', default: String(DEFAULTS.concurrency) },
  { name: 'QTICKETS_PAGE_SIZE', description: 'records asked for per list page; --page-size wins', default: String(DEFAULT_PAGE_SIZE) },
  { name: 'QTICKETS_RETRY_ATTEMPTS', description: 'attempts per API request, the first included; a 503 is tried at most twice', default: String(DEFAULT_RETRY.maxAttempts) },
  { name: 'QTICKETS_BREAKER_FAILURES', description: 'consecutive failed API attempts that open the circuit breaker', default: String(DEFAULT_BREAKER.failures) },
  { name: 'QTICKETS_BREAKER_HALF_OPEN_SECONDS', description: 'seconds the open breaker waits before one probe request', default: String(DEFAULT_BREAKER.halfOpenAfterMs / 1000) },
  { name: 'QTICKETS_REQUEST_TIMEOUT_SECONDS', description: 'time limit of one API attempt, in seconds', default: String(DEFAULT_TIMEOUT_MS / 1000) },
  { name: 'QTICKETS_CONFIG', description: 'config file (same as --config)' },
  { name: 'QTICKETS_LOCK_DIR', description: 'directory of per-tenant lock files', default: '<CLICKHOUSE_DATA_DIR>/locks, or <tmp>/qtickets-load-locks with CLICKHOUSE_URL' },
  { name: 'CLICKHOUSE_URL', description: 'ClickHouse server URL; unset = embedded engine', secret: false },
  { name: 'CLICKHOUSE_USER', description: 'ClickHouse user' },
  { name: 'CLICKHOUSE_PASSWORD', description: 'ClickHouse password', secret: true },
  { name: 'CLICKHOUSE_DATABASE', description: 'database name', default: DEFAULTS.database },
  { name: 'CLICKHOUSE_DATA_DIR', description: 'data directory of the embedded engine', default: DEFAULTS.dataDir },
  { name: 'CLICKHOUSE_CLUSTER', description: 'cluster name: ON CLUSTER DDL and Replicated engines' },
  { name: 'PII_HASH_KEY', description: 'HMAC-SHA256 key for e-mails and phones (16+ chars)', secret: true },
  { name: 'LOG_LEVEL', description: 'debug, info, warn or error', default: DEFAULTS.logLevel },
  ...observabilityDocs(),
]

/** The documentation of the named variables, in `ENV_VARS` order. */
export function envVarDocs(names: readonly string[]): EnvVarDoc[] {
  return ENV_VARS.filter((doc) => names.includes(doc.name))
}

/** Monitoring variables (docs/monitoring), one doc per `OBSERVABILITY_ENV` entry: adding a setting there needs a line here. */
function observabilityDocs(): EnvVarDoc[] {
  const docs: Record<keyof typeof OBSERVABILITY_ENV, Omit<EnvVarDoc, 'name'>> = {
    metricsFile: { description: 'Prometheus textfile written after each run, *.prom; --metrics-file wins' },
    alertWebhookUrl: { description: 'JSON webhook that receives alerts', secret: true },
    telegramBotToken: { description: 'Telegram bot token for alerts', secret: true },
    telegramChatId: { description: 'Telegram chat id or @channel for alerts' },
    telegramApiUrl: { description: 'Telegram Bot API base URL', default: 'https://api.telegram.org' },
    alertStateFile: { description: 'what alerts were sent, kept between runs (required with a notifier)' },
    notifyTimeoutMs: { description: 'timeout of each alert request, in milliseconds', default: '5000' },
    maxRunAgeMinutes: { description: 'status and alerts: a last successful run older than this is a problem', default: '60' },
    maxDataAgeMinutes: { description: 'status and alerts: a newest paid order older than this is a problem', default: '180' },
  }
  return (Object.keys(OBSERVABILITY_ENV) as Array<keyof typeof OBSERVABILITY_ENV>).map((key) => ({ name: OBSERVABILITY_ENV[key], ...docs[key] }))
}
