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
export const SYNC_ENV = ['QTICKETS_LAG_MINUTES', 'QTICKETS_INITIAL_DAYS', 'QTICKETS_REPORT_TZ', 'PII_HASH_KEY', 'QTICKETS_LOCK_DIR', 'LOG_LEVEL'] as const
