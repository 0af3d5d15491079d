import type { PiiHasher, Sink, TableRows, WritableTable } from '@zakaz/clickhouse-sink'
import type { StoredRow } from './changed-rows.js'
import { storedColumns, COMPARED_TABLES, type ComparedTableName } from './compared-tables.js'
import { readError } from './read-error.js'
import { newestPaidAtQuery } from '../status/freshness-queries.js'
import type { TenantRunStatus } from './types.js'

/** Ids per query when stored rows are looked up (keeps the query parameters small). */
export const STORED_ROWS_CHUNK = 1_000

/**
 * Everything a tenant sync reads from and writes to ClickHouse, bound to one tenant and report zone.
 * Two implementations: the sink itself (`createSinkStore`) and a dry run that writes nothing (`createDryRunStore`).
 */
export interface SyncStore {
  /** True when nothing is written. */
  readonly dryRun: boolean
  /** Hasher for e-mails and phones. */
  readonly pii: PiiHasher
  /** Stored cursor of a resource (`orders`, `clients`, `backfill:…`), or null. */
  getCursor(resource: string): Promise<string | null>
  /** Stores a cursor; only after the rows it covers were written. */
  setCursor(resource: string, cursor: string): Promise<void>
  /** Highest stored `_ver` per order id, for the given orders. */
  storedOrderVersions(orderIds: readonly number[]): Promise<Map<number, number>>
  /** Highest stored `_ver` per basket id, for the baskets of the given orders. */
  storedBasketVersions(orderIds: readonly number[]): Promise<Map<number, number>>
  /** The latest stored rows of a compared table whose lookup column (event_id, show_id, client_id…) is one of `ids`. */
  storedRows(table: ComparedTableName, ids: readonly number[]): Promise<StoredRow[]>
  /** Days whose facts show another city for an event than dim_events now has (the event arrived or moved after its sales were counted). */
  daysWithStaleCity(): Promise<string[]>
  /** Report-zone days the orders are on in staging now (any order with `payed_at`). */
  salesDaysOfOrders(orderIds: readonly number[]): Promise<string[]>
  /** Writes rows of one table; returns the number of rows sent. */
  write<T extends WritableTable>(table: T, rows: readonly TableRows[T][]): Promise<number>
  /** Rebuilds whole report-zone days of the fact tables. */
  recomputeDays(days: readonly string[]): Promise<void>
  /** Records the run as running. */
  startRun(job: string): Promise<void>
  /** Records how the run ended. */
  finishRun(input: { job: string; status: TenantRunStatus; rowsByResource: Record<string, number>; error?: string }): Promise<void>
  /** Newest `payed_at` stored for the tenant (data freshness), or null. */
  newestPaidAt(): Promise<Date | null>
}

/** What a store is bound to: one tenant, one report zone, one run. */
export interface StoreBinding {
  tenant: string
  reportTimeZone: string
  /** Stamped on run records and cursors. */
  runId: string
}

/** A store writing through the sink. */
export function createSinkStore(sink: Sink, binding: StoreBinding): SyncStore {
  const { tenant, reportTimeZone, runId } = binding
  const reads = storeReads(sink, tenant, reportTimeZone)
  return {
    dryRun: false,
    pii: sink.pii,
    ...reads,
    setCursor: (resource, cursor) => sink.setCursor(tenant, resource, cursor, runId),
    async write(table, rows) {
      if (rows.length === 0) return 0
      return (await sink.insert(table, rows)).rows
    },
    async recomputeDays(days) {
      if (days.length > 0) await sink.recomputeDailySales({ tenant, days, reportTimeZone })
    },
    startRun: (job) => sink.startRun({ job, tenant, runId }),
    finishRun: (input) => sink.finishRun({ ...input, tenant, runId }),
  }
}

/**
 * Reads shared by both stores, through the sink's read client. A failed read is a `query` SinkError naming the table and
 * the ClickHouse code, like the sink's own errors (never ClickHouse's text, which can quote the data).
 */
export function storeReads(sink: Sink, tenant: string, reportTimeZone: string) {
  const table = (name: string) => `${sink.database}.${name}`
  /** Rows of a read of table `name` (`what` and `name` only say what failed). */
  const select = async <T>(what: string, name: string, query: string, params: Record<string, unknown> = {}): Promise<T[]> => {
    try {
      const result = await sink.client.query({ query, query_params: { tenant, ...params }, format: 'JSONEachRow' })
      return await result.json<T>()
    } catch (error) {
      throw readError(what, name, error)
    }
  }
  const versions = async (what: string, name: string, query: string, orderIds: readonly number[]): Promise<Map<number, number>> => {
    if (orderIds.length === 0) return new Map()
    const rows = await select<{ id: string | number; ver: string | number }>(what, name, query, { ids: [...orderIds] })
    return new Map(rows.map((row) => [Number(row.id), Number(row.ver)]))
  }
  return {
    getCursor: (resource: string) => sink.getCursor(tenant, resource),
    storedOrderVersions: (orderIds: readonly number[]) =>
      versions(
        'stored order versions',
        'stg_qtickets_api_orders_raw',
        `SELECT order_id AS id, max(_ver) AS ver FROM ${table('stg_qtickets_api_orders_raw')}
WHERE tenant = {tenant:String} AND order_id IN {ids:Array(UInt64)} GROUP BY order_id`,
        orderIds,
      ),
    storedBasketVersions: (orderIds: readonly number[]) =>
      versions(
        'stored basket versions',
        'stg_qtickets_api_baskets_raw',
        `SELECT basket_id AS id, max(_ver) AS ver FROM ${table('stg_qtickets_api_baskets_raw')}
WHERE tenant = {tenant:String} AND order_id IN {ids:Array(UInt64)} GROUP BY basket_id`,
        orderIds,
      ),
    async storedRows(name: ComparedTableName, ids: readonly number[]): Promise<StoredRow[]> {
      const columns = storedColumns(name)
        .map(([column, kind]) => [identifier(column), kind] as const)
        .map(([column, kind]) => (kind === 'instant' ? `toUnixTimestamp64Milli(${column}) AS ${column}` : kind === 'money' ? `toString(${column}) AS ${column}` : column))
        .join(', ')
      const query = `SELECT ${columns} FROM ${table(name)} FINAL WHERE tenant = {tenant:String} AND ${identifier(COMPARED_TABLES[name].lookup)} IN {ids:Array(UInt64)}`
      const rows: StoredRow[] = []
      for (let start = 0; start < ids.length; start += STORED_ROWS_CHUNK) {
        rows.push(...(await select<StoredRow>('stored rows', name, query, { ids: ids.slice(start, start + STORED_ROWS_CHUNK) })))
      }
      return rows
    },
    salesDaysOfOrders: (orderIds: readonly number[]) => sink.salesDaysOfOrders({ tenant, orderIds, reportTimeZone }),
    async daysWithStaleCity(): Promise<string[]> {
      const rows = await select<{ day: string }>(
        'the days whose city changed',
        'fact_qtickets_sales_daily',
        `SELECT DISTINCT toString(f.sales_date) AS day
FROM ${table('fact_qtickets_sales_daily')} AS f FINAL
LEFT JOIN (SELECT event_id, city_name FROM ${table('dim_events')} FINAL WHERE tenant = {tenant:String}) AS e ON e.event_id = f.event_id
WHERE f.tenant = {tenant:String} AND f.city != e.city_name AND e.city_name != ''
ORDER BY day`,
      )
      return rows.map((row) => row.day)
    },
    async newestPaidAt(): Promise<Date | null> {
      const [row] = await select<{ ms: string | number | null }>(
        'the newest paid order',
        'stg_qtickets_api_orders_raw',
        newestPaidAtQuery(sink.database),
      )
      return row?.ms === null || row?.ms === undefined ? null : new Date(Number(row.ms))
    },
  }
}

/** A column name from the compared-table list, checked before it goes into SQL. */
function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`not a column name: ${JSON.stringify(name)}`)
  return name
}
