import type { ConnectionWrapper } from './connection'
import type { SinkLogger } from './logger'

/** TLS material for a server connection (PEM contents, not paths). */
export interface SinkTlsConfig {
  /** CA certificate that signed the server certificate. */
  caCert?: string | Buffer
  /** Client certificate for mutual TLS (needs `key`). */
  cert?: string | Buffer
  /** Client key for mutual TLS (needs `cert`). */
  key?: string | Buffer
}

/** How to reach ClickHouse and where the tables live. */
export interface SinkConfig {
  /** Server URL (`https://host:8443`). Unset → embedded chDB in `dataDir`. */
  url?: string
  /** Server user (ignored by the embedded engine). */
  user?: string
  /** Server password (ignored by the embedded engine). */
  password?: string
  /** Database holding every table; `^[A-Za-z_][A-Za-z0-9_]*$`. Default `zakaz`. */
  database?: string
  /** Data directory of the embedded engine. Default `./.clickhouse`. */
  dataDir?: string
  /** Cluster name: DDL runs `ON CLUSTER` with Replicated engines. */
  cluster?: string
  /** Per-request timeout; a timed-out insert is retried with the same dedup token. Default 300 000 ms. */
  requestTimeoutMs?: number
  /** TLS options for `https://` URLs. */
  tls?: SinkTlsConfig
  /** Key for HMAC-SHA256 of e-mails and phones (`sink.pii`). */
  piiHashKey?: string
  /** Where warnings go. Default: JSON lines on stderr. */
  logger?: SinkLogger
  /** Folder of numbered `.sql` migrations. Default: the `migrations/` folder shipped with the package. */
  migrationsDir?: string
  /** Attempts per insert batch on timeouts and transient errors. Default 3. */
  insertAttempts?: number
  /**
   * Wraps each connection the sink opens to the embedded engine (`role` is `writer` for the sink's own statements,
   * `reader` for `sink.client`): for tracing, or for fault injection in reliability tests. Embedded engine only.
   */
  wrapConnection?: ConnectionWrapper
}

/** Defaults applied by `createSink`. */
export const SINK_DEFAULTS = {
  database: 'zakaz',
  dataDir: './.clickhouse',
  requestTimeoutMs: 300_000,
  insertAttempts: 3,
} as const

/** Reads CLICKHOUSE_URL, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, CLICKHOUSE_DATABASE, CLICKHOUSE_DATA_DIR, CLICKHOUSE_CLUSTER and PII_HASH_KEY; empty values count as unset. */
export function sinkConfigFromEnv(env: Record<string, string | undefined> = process.env): SinkConfig {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim()
    return value ? value : undefined
  }
  const config: SinkConfig = {
    url: read('CLICKHOUSE_URL'),
    user: read('CLICKHOUSE_USER'),
    password: env.CLICKHOUSE_PASSWORD || undefined,
    database: read('CLICKHOUSE_DATABASE'),
    dataDir: read('CLICKHOUSE_DATA_DIR'),
    cluster: read('CLICKHOUSE_CLUSTER'),
    piiHashKey: env.PII_HASH_KEY || undefined,
  }
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as SinkConfig
}
