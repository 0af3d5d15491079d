import type { ClickHouseClient } from '@clickhouse/client'
import { SINK_DEFAULTS, type SinkConfig } from './config'
import { openConnections, type SinkMode } from './connection'
import { SinkError } from './errors'
import { readOnlyRoleStatements } from './grants'
import { assertClusterName, assertDatabaseName } from './identifiers'
import { insertRows, type InsertOptions, type InsertResult, type WriteContext } from './insert'
import { checkInstantColumns } from './instants'
import { stderrLogger } from './logger'
import { applyMigrations, readSchemaVersion, type AppliedMigration, type MigrationContext, type SchemaVersion } from './migrate'
import { defaultMigrationsDir } from './migrations-dir'
import { createPiiHasher, type PiiHasher } from './pii'
import type { TableRows, WritableTable } from './rows'
import { finishRun, lastRuns, startRun, type FinishRunInput, type JobRun, type LastRunsInput, type StartRunInput } from './runs'
import {
  readDailySales,
  recomputeDailySales,
  salesDaysOfOrders,
  type DailySalesFact,
  type ReadDailySalesInput,
  type RecomputeDailySalesInput,
  type RecomputeDailySalesResult,
  type SalesDaysOfOrdersInput,
} from './sales-facts'
import { createSerialQueue, noQueue } from './serial-queue'
import { runStatement, selectRows } from './sql'
import { getCursor, setCursor } from './sync-state'
import { assertWritableTable, INSTANT_COLUMNS, INSTANT_RANGES } from './tables'

/** Rows accepted by `insert`: an array, any iterable, or an async iterable (streamed in bounded batches). */
export type RowSource<T> = Iterable<T> | AsyncIterable<T>

/** Typed writer of one table. */
export type TableWriter<T extends WritableTable> = (rows: RowSource<TableRows[T]>, options?: InsertOptions) => Promise<InsertResult>

/** A connected sink: schema, idempotent writes, facts, run records and sync state. */
export interface Sink {
  /** `server` (CLICKHOUSE_URL) or `embedded` (chDB). */
  readonly mode: SinkMode
  /** Database holding every table. */
  readonly database: string
  /** Client for callers' read queries (its default database is `database`); the sink never writes through it. */
  readonly client: ClickHouseClient
  /** Hashes e-mails and phones with `piiHashKey`. */
  readonly pii: PiiHasher
  /** Applies pending migrations; returns what it applied (empty when up to date). */
  migrate(): Promise<AppliedMigration[]>
  /** Applied, pending and changed migration files. */
  schemaVersion(): Promise<SchemaVersion>
  /** Writes rows in bounded batches with deterministic dedup tokens; throws SinkError (kind `validation` or `insert`). */
  insert<T extends WritableTable>(table: T, rows: RowSource<TableRows[T]>, options?: InsertOptions): Promise<InsertResult>
  writeOrders: TableWriter<'stg_qtickets_api_orders_raw'>
  writeBaskets: TableWriter<'stg_qtickets_api_baskets_raw'>
  writeEvents: TableWriter<'dim_events'>
  writeShows: TableWriter<'dim_shows'>
  writeInventory: TableWriter<'stg_qtickets_api_inventory_raw'>
  writeClients: TableWriter<'stg_qtickets_api_clients_raw'>
  writeDiscounts: TableWriter<'stg_qtickets_api_discounts_raw'>
  writePromoCodes: TableWriter<'stg_qtickets_api_promo_codes_raw'>
  writeColorThemes: TableWriter<'stg_qtickets_api_color_themes_raw'>
  writeBarcodes: TableWriter<'stg_qtickets_api_barcodes_raw'>
  writePartnerTickets: TableWriter<'stg_qtickets_api_partner_tickets_raw'>
  /** Rebuilds whole report-zone days of both fact tables for one tenant from staging. */
  recomputeDailySales(input: RecomputeDailySalesInput): Promise<RecomputeDailySalesResult>
  /** Report-zone days the given orders are on in staging now; call before writing new versions, recompute old ∪ new days. */
  salesDaysOfOrders(input: SalesDaysOfOrdersInput): Promise<string[]>
  /** `fact_qtickets_sales_daily` FINAL for one tenant, optionally between two days (inclusive). */
  readDailySales(input: ReadDailySalesInput): Promise<DailySalesFact[]>
  /** Records a run as `running`. */
  startRun(input: StartRunInput): Promise<void>
  /** Records the end of a run (`ok`, `partial` or `error`). */
  finishRun(input: FinishRunInput): Promise<void>
  /** Latest runs, newest first. */
  lastRuns(input?: LastRunsInput): Promise<JobRun[]>
  /** Cursor of (tenant, resource) or null. */
  getCursor(tenant: string, resource: string): Promise<string | null>
  /** Stores a cursor; call only after the rows it covers were inserted. */
  setCursor(tenant: string, resource: string, cursor: string, runId: string): Promise<void>
  /** Creates a role that can SELECT facts, dimensions and views but not staging (needs access control: a server, not chDB). */
  createReadOnlyRole(name: string): Promise<void>
  /** True when ClickHouse answers `SELECT 1`. */
  ping(): Promise<boolean>
  /** Closes the connections; for chDB also waits until another data directory can be opened. */
  close(): Promise<void>
}

/** Connects to ClickHouse (`url` → server; otherwise embedded chDB in `dataDir`, loaded lazily). Does not migrate. */
export async function createSink(config: SinkConfig = {}): Promise<Sink> {
  const database = assertDatabaseName(config.database ?? SINK_DEFAULTS.database)
  const cluster = config.cluster === undefined ? undefined : assertClusterName(config.cluster)
  const logger = config.logger ?? stderrLogger
  const requestTimeoutMs = config.requestTimeoutMs ?? SINK_DEFAULTS.requestTimeoutMs
  const connections = await openConnections({
    url: config.url,
    user: config.user,
    password: config.password,
    database,
    dataDir: config.dataDir ?? SINK_DEFAULTS.dataDir,
    requestTimeoutMs,
    tls: config.tls,
    wrapConnection: config.wrapConnection,
  })
  const write: WriteContext = {
    client: connections.writer,
    database,
    attempts: Math.max(1, config.insertAttempts ?? SINK_DEFAULTS.insertAttempts),
    requestTimeoutMs,
    logger,
    exclusive: connections.mode === 'embedded' ? createSerialQueue() : noQueue,
  }
  const migration: MigrationContext = { write, target: { database, cluster }, dir: config.migrationsDir ?? defaultMigrationsDir(), logger }
  // chDB has no per-request database: point the reader's session at ours once it exists.
  const useDatabase = async (): Promise<void> => {
    if (connections.mode !== 'embedded' || !(await databaseExists(write, database))) return
    await runStatement(connections.reader, 'selecting the default database', `USE ${database}`)
  }
  await useDatabase()

  const insert = async <T extends WritableTable>(table: T, rows: RowSource<TableRows[T]>, options?: InsertOptions) => {
    const name = assertWritableTable(table)
    return insertRows(write, name, rows, options, (row, index) => checkRow(name, row, index))
  }
  const writer = <T extends WritableTable>(table: T): TableWriter<T> => (rows, options) => insert(table, rows, options)
  let closed = false

  return {
    mode: connections.mode,
    database,
    client: connections.reader,
    pii: createPiiHasher(config.piiHashKey, logger),
    async migrate() {
      const applied = await applyMigrations(migration)
      await useDatabase()
      return applied
    },
    schemaVersion: () => readSchemaVersion(migration),
    insert,
    writeOrders: writer('stg_qtickets_api_orders_raw'),
    writeBaskets: writer('stg_qtickets_api_baskets_raw'),
    writeEvents: writer('dim_events'),
    writeShows: writer('dim_shows'),
    writeInventory: writer('stg_qtickets_api_inventory_raw'),
    writeClients: writer('stg_qtickets_api_clients_raw'),
    writeDiscounts: writer('stg_qtickets_api_discounts_raw'),
    writePromoCodes: writer('stg_qtickets_api_promo_codes_raw'),
    writeColorThemes: writer('stg_qtickets_api_color_themes_raw'),
    writeBarcodes: writer('stg_qtickets_api_barcodes_raw'),
    writePartnerTickets: writer('stg_qtickets_api_partner_tickets_raw'),
    recomputeDailySales: (input) => recomputeDailySales(write, input),
    salesDaysOfOrders: (input) => salesDaysOfOrders(write, input),
    readDailySales: (input) => readDailySales(write, input),
    startRun: (input) => startRun(write, input),
    finishRun: (input) => finishRun(write, input),
    lastRuns: (input) => lastRuns(write, input),
    getCursor: (tenant, resource) => getCursor(write, tenant, resource),
    setCursor: (tenant, resource, cursor, runId) => setCursor(write, tenant, resource, cursor, runId),
    async createReadOnlyRole(name) {
      for (const statement of readOnlyRoleStatements({ database, role: name, cluster })) {
        await runStatement(write.client, 'creating the read-only role', statement)
      }
    },
    async ping() {
      return (await write.client.ping({ select: true })).success
    },
    async close() {
      if (closed) return
      closed = true
      await connections.close()
    },
  }
}

function checkRow(table: WritableTable, row: unknown, rowIndex: number): void {
  if (typeof row !== 'object' || row === null) {
    throw new SinkError('validation', `${table}: row ${rowIndex} is not an object`, { table, rowIndex })
  }
  const tenant = (row as { tenant?: unknown }).tenant
  if (typeof tenant !== 'string' || tenant.length === 0) {
    throw new SinkError('validation', `${table}: column tenant of row ${rowIndex} must be a non-empty string`, { table, column: 'tenant', rowIndex })
  }
  checkInstantColumns(table, INSTANT_COLUMNS[table], row, rowIndex, INSTANT_RANGES[table])
}

async function databaseExists(write: WriteContext, database: string): Promise<boolean> {
  const rows = await selectRows<{ n: number | string }>(
    write.client,
    'looking for the database',
    'SELECT count() AS n FROM system.databases WHERE name = {database:String}',
    { database },
  )
  return Number(rows[0]?.n ?? 0) > 0
}
