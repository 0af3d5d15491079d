/** Public API of @zakaz/clickhouse-sink: ClickHouse schema, migrations and idempotent writes for QTickets sales data. */
export { createSink, type Sink, type RowSource, type TableWriter } from './sink'
export { sinkConfigFromEnv, SINK_DEFAULTS, type SinkConfig, type SinkTlsConfig } from './config'
export type { SinkMode, SinkConnection, ConnectionRole, ConnectionWrapper } from './connection'
export { SinkError, isSinkError, type SinkErrorKind, type SinkErrorDetails } from './errors'
export type { SinkLogger, LogFields } from './logger'
export type * from './rows'
export { WRITABLE_TABLES, INTERNAL_TABLES, VIEWS, INSTANT_COLUMNS } from './tables'
export type { InsertOptions, InsertResult } from './insert'
export { DEFAULT_BATCH_LIMITS, type BatchLimits } from './batches'
export type { AppliedMigration, SchemaVersion } from './migrate'
export { renderDdl, splitStatements, type DdlTarget } from './render-sql'
export { defaultMigrationsDir } from './migrations-dir'
export {
  DEFAULT_REPORT_TIME_ZONE,
  type RecomputeDailySalesInput,
  type RecomputeDailySalesResult,
  type SalesDaysOfOrdersInput,
  type ReadDailySalesInput,
  type DailySalesFact,
} from './sales-facts'
export type { RunStatus, StartRunInput, FinishRunInput, LastRunsInput, JobRun } from './runs'
export { createPiiHasher, normalizeEmail, normalizePhone, type PiiHasher } from './pii'
export { readOnlyRoleStatements, READ_ONLY_OBJECTS, type ReadOnlyRoleTarget } from './grants'
export { assertDatabaseName, assertTimeZone, assertDay } from './identifiers'
export { isIsoInstant } from './instants'
