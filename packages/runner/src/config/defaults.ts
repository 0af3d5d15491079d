/** Default values of the runner's settings. */
export const DEFAULTS = {
  tenantName: 'default',
  baseUrl: 'https://qtickets.ru/api/rest/v1',
  partnersBaseUrl: 'https://qtickets.ru/api/partners/v1',
  timeZone: 'Europe/Moscow',
  reportTimeZone: 'Europe/Moscow',
  lagMinutes: 10,
  initialDays: 30,
  concurrency: 2,
  database: 'zakaz',
  dataDir: './.clickhouse',
  logLevel: 'info',
  lockDirName: 'locks',
  serverLockDirName: 'qtickets-load-locks',
} as const

/** Upper bounds that catch typos (a lag of 100000 minutes is a mistake, not a setting). */
export const LIMITS = {
  lagMinutes: 10_080,
  initialDays: 3_660,
  concurrency: 32,
  retryAttempts: 10,
  breakerFailures: 100,
  breakerHalfOpenSeconds: 3_600,
  requestTimeoutSeconds: 600,
} as const
