import type { LogLevel } from '../log/levels.js'

/** One QTickets organisation to sync, with its own token. */
export interface TenantConfig {
  /** Tenant name (`^[a-z0-9][a-z0-9_-]{0,62}$`), stored with every run and cursor. */
  name: string
  /** REST API token (secret). */
  token: string
  /** Where the token came from, for doctor and logs (never the value): `env QTICKETS_TOKEN`, `config file tenants[0].token`… */
  tokenSource: string
  /** REST API base URL. */
  baseUrl: string
  /** Partners API token (secret), when the tenant uses the Partners API. */
  partnersToken?: string
  /** Where the Partners token came from. */
  partnersTokenSource?: string
  /** Partners API base URL. */
  partnersBaseUrl: string
  /** IANA zone in which API filters are formatted. */
  timeZone: string
  /** Maximum concurrent API requests for this tenant's token. */
  concurrency: number
  /** Retry, breaker and timeout settings of the tenant's SDK client, when any is configured (else the SDK's defaults). */
  client?: ApiClientSettings
}

/** The SDK client knobs (`QTICKETS_RETRY_ATTEMPTS`…); a setting left out keeps the SDK's default. */
export interface ApiClientSettings {
  /** Attempts per request, the first included (SDK default 4; a 503 is tried at most twice whatever this says). */
  retryAttempts?: number
  /** Consecutive failed attempts that open the circuit breaker (SDK default 5). */
  breakerFailures?: number
  /** Seconds the open breaker waits before it lets one probe request through (SDK default 30). */
  breakerHalfOpenSeconds?: number
  /** Time limit of one attempt, in seconds (SDK default 30). */
  requestTimeoutSeconds?: number
}

/** Where ClickHouse lives and how to reach it. */
export interface ClickHouseConfig {
  /** `server` when a URL is configured, else `embedded` (chDB in `dataDir`). */
  mode: 'server' | 'embedded'
  /** Server URL without credentials (they are moved to `user`/`password`). */
  url?: string
  user?: string
  /** Secret. */
  password?: string
  /** Database name (validated identifier). */
  database: string
  /** Absolute data directory of the embedded engine. */
  dataDir: string
  /** Cluster name for `ON CLUSTER` DDL and replicated engines. */
  cluster?: string
}

/** Everything the runner needs, resolved from flags > environment (and `.env`) > config file > defaults. */
export interface RunnerConfig {
  /** Tenants to process (after `--tenant` filtering); may be empty, see `noTenantsReason`. */
  tenants: TenantConfig[]
  /** Why `tenants` is empty (e.g. "QTICKETS_TOKEN is not set"); used by `requireTenants`. */
  noTenantsReason?: string
  /**
   * Names of the selected tenants, whether their tokens are set or not. The names of `tenants`, except when the config
   * was loaded with `requireTokens: false` (`status`, `sql`, `migrate`): then it also holds configured tenants whose
   * token is not set, and the `--tenant` names as given when no tenant is configured at all.
   */
  tenantNames: string[]
  clickhouse: ClickHouseConfig
  /** Minutes subtracted from the incremental cursor. */
  lagMinutes: number
  /** Days loaded by the first run of a tenant. */
  initialDays: number
  /** IANA zone of `sales_date` in the daily facts. */
  reportTimeZone: string
  /** HMAC key for e-mails and phones (secret). */
  piiHashKey?: string
  logLevel: LogLevel
  /** Read the API and validate everything, write nothing. */
  dryRun: boolean
  /** Absolute directory of the per-tenant lock files. */
  lockDir: string
  /** Absolute path of the config file read, if any. */
  configFile?: string
  /** Absolute path of the `.env` file read, if any. */
  envFile?: string
  /** The config file's `observability` section as written (alerting/metrics settings, validated by their own module). */
  observability?: Record<string, unknown>
  /** Things worth a warning (world-readable file with secrets, ignored variables…); never contain secrets. */
  warnings: string[]
}
