import type { Sink } from '@zakaz/clickhouse-sink'
import type { InventoryRow } from '@zakaz/qtickets-sdk/testing'

/** Latest inventory snapshot vs the simulator's: shows compared and those that differ. */
export interface InventoryComparison {
  shows: number
  differing: number[]
}

/** Compares the latest snapshot of every snapshotted show (per zone: capacity, free, sold, reserved, disabled) with the expected rows. */
export async function compareInventory(sink: Sink, tenant: string, expected: readonly InventoryRow[]): Promise<InventoryComparison> {
  const result = await sink.client.query({
    query: `SELECT show_id, zone_id, capacity, free, sold, reserved, disabled FROM ${sink.database}.stg_qtickets_api_inventory_raw FINAL
      WHERE tenant = {tenant:String} AND (show_id, snapshot_at) IN
        (SELECT show_id, max(snapshot_at) FROM ${sink.database}.stg_qtickets_api_inventory_raw WHERE tenant = {tenant:String} GROUP BY show_id)`,
    query_params: { tenant },
    format: 'JSONEachRow',
  })
  const loaded = new Map<number, string[]>()
  for (const row of await result.json<Record<string, string | number>>()) {
    const show = Number(row.show_id)
    loaded.set(show, [...(loaded.get(show) ?? []), zoneKey(String(row.zone_id), row)])
  }
  const differing: number[] = []
  for (const [show, zones] of loaded) {
    const want = expected.filter((row) => row.showId === show).map((row) => zoneKey(row.zone, row))
    if (zones.sort().join('|') !== want.sort().join('|')) differing.push(show)
  }
  return { shows: loaded.size, differing: differing.sort((a, b) => a - b) }
}

const QUANTITIES = ['capacity', 'free', 'sold', 'reserved', 'disabled'] as const

function zoneKey(zone: string, row: Partial<Record<(typeof QUANTITIES)[number], unknown>>): string {
  return [zone, ...QUANTITIES.map((name) => Number(row[name]))].join(',')
}
