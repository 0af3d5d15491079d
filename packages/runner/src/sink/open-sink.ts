import { createSink, type Sink } from '@zakaz/clickhouse-sink'
import type { RunnerConfig } from '../config/types.js'
import type { Logger } from '../log/logger.js'

/** Opens the ClickHouse sink the configuration names: a server when CLICKHOUSE_URL is set, else the embedded engine. */
export function openSink(config: RunnerConfig, logger: Logger): Promise<Sink> {
  const { clickhouse } = config
  return createSink({
    url: clickhouse.url,
    user: clickhouse.user,
    password: clickhouse.password,
    database: clickhouse.database,
    dataDir: clickhouse.dataDir,
    cluster: clickhouse.cluster,
    piiHashKey: config.piiHashKey,
    logger,
  })
}
