import type { Sink } from '@zakaz/clickhouse-sink'
import { readOnlySettings } from './read-only-settings'

/**
 * The newest `payed_at` of the tenant's paid orders in ClickHouse (staging, FINAL), or null when none is loaded:
 * the data-freshness figure of `status` and of the metrics (`qtickets_load_newest_paid_order_timestamp_seconds`).
 */
export async function readNewestPaidAt(sink: Sink, tenant: string): Promise<Date | null> {
  return readInstant(sink, newestPaidAtQuery(sink.database), tenant)
}

/** The one query for data freshness (`ms`: epoch milliseconds of the newest payment), shared by `status` and `run`. */
export function newestPaidAtQuery(database: string): string {
  return `SELECT toUnixTimestamp64Milli(max(payed_at)) AS ms FROM ${database}.stg_qtickets_api_orders_raw FINAL
WHERE tenant = {tenant:String} AND payed AND payed_at IS NOT NULL`
}

/** When the tenant's last successful (`ok` or `partial`) run finished; backfills do not count (they never move the cursor). */
export async function readLastSuccessAt(sink: Sink, tenant: string): Promise<Date | null> {
  return readInstant(
    sink,
    `SELECT toUnixTimestamp64Milli(max(finished_at)) AS ms FROM ${sink.database}.meta_job_runs FINAL
WHERE tenant = {tenant:String} AND job != 'backfill' AND status IN ('ok', 'partial')`,
    tenant,
  )
}

/** Every tenant that has a run recorded in meta_job_runs, sorted (for `status` without a configured token). */
export async function readRecordedTenants(sink: Sink): Promise<string[]> {
  const result = await sink.client.query({
    query: `SELECT DISTINCT tenant FROM ${sink.database}.meta_job_runs ORDER BY tenant`,
    format: 'JSONEachRow',
    clickhouse_settings: readOnlySettings(),
  })
  return (await result.json<{ tenant: string }>()).map((row) => row.tenant)
}

async function readInstant(sink: Sink, query: string, tenant: string): Promise<Date | null> {
  const result = await sink.client.query({ query, query_params: { tenant }, format: 'JSONEachRow', clickhouse_settings: readOnlySettings() })
  const [row] = await result.json<{ ms: string | number | null }>()
  return row?.ms === null || row?.ms === undefined ? null : new Date(Number(row.ms))
}
