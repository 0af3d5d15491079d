import { OBSERVABILITY_ENV } from '../../observability/config.js'

/** Variables of the QTickets side (tenants, tokens, zones). */
export const API_ENV = [
  'QTICKETS_CONFIG',
  'QTICKETS_TOKEN',
  'QTICKETS_TENANT',
  'QTICKETS_BASE_URL',
  'QTICKETS_PARTNERS_TOKEN',
  'QTICKETS_PARTNERS_BASE_URL',
  'QTICKETS_TZ',
  'QTICKETS_CONCURRENCY',
  'QTICKETS_RETRY_ATTEMPTS',
  'QTICKETS_BREAKER_FAILURES',
  'QTICKETS_BREAKER_HALF_OPEN_SECONDS',
  'QTICKETS_REQUEST_TIMEOUT_SECONDS',
] as const

/** Variables of the ClickHouse side. */
export const CLICKHOUSE_ENV = [
  'CLICKHOUSE_URL',
  'CLICKHOUSE_USER',
  'CLICKHOUSE_PASSWORD',
  'CLICKHOUSE_DATABASE',
  'CLICKHOUSE_DATA_DIR',
  'CLICKHOUSE_CLUSTER',
] as const

/** Variables of a sync: cursor lag, first-run depth, report zone, PII key, locks, logging. */
export const SYNC_ENV = ['QTICKETS_LAG_MINUTES', 'QTICKETS_INITIAL_DAYS', 'QTICKETS_PAGE_SIZE', 'QTICKETS_REPORT_TZ', 'PII_HASH_KEY', 'QTICKETS_LOCK_DIR', 'LOG_LEVEL'] as const

/** Variables of monitoring: metrics file, alert notifiers and state, health thresholds (docs/monitoring). */
export const MONITORING_ENV: readonly string[] = Object.values(OBSERVABILITY_ENV)
