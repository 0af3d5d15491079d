import type { Sink } from '@zakaz/clickhouse-sink'
import type { Simulator } from '@zakaz/qtickets-sdk/testing'

/** What one round of after-sales did. */
export interface AfterSales {
  refunded: number
  cancelled: number
}

/**
 * Refunds and cancels a few paid orders of the last month (besides the ones the simulator plans itself), so every
 * incremental run has changes to old orders to pick up. Orders are taken from staging; one the simulator no longer
 * allows to change (cancelled meanwhile) is skipped.
 */
export async function simulateAfterSales(sim: Simulator, sink: Sink, tenant: string, round: number): Promise<AfterSales> {
  const result = await sink.client.query({
    query: `SELECT order_id FROM ${sink.database}.stg_qtickets_api_orders_raw FINAL
      WHERE tenant = {tenant:String} AND payed AND deleted_at IS NULL
        AND payed_at BETWEEN fromUnixTimestamp64Milli({from:Int64}) AND fromUnixTimestamp64Milli({to:Int64})
      ORDER BY order_id DESC LIMIT 3 OFFSET {offset:UInt32}`,
    query_params: { tenant, from: sim.clock.nowMs() - 30 * 86_400_000, to: sim.clock.nowMs() - 2 * 86_400_000, offset: round * 7 },
    format: 'JSONEachRow',
  })
  const [full, partial, cancel] = (await result.json<{ order_id: string }>()).map((row) => Number(row.order_id))
  const done: AfterSales = { refunded: 0, cancelled: 0 }
  const attempt = (change: () => void, kind: keyof AfterSales) => {
    try {
      change()
      done[kind]++
    } catch {
      // changed by the simulator's own plan since the last sync: nothing to do
    }
  }
  if (full !== undefined) attempt(() => sim.mutate.refund(full), 'refunded')
  if (partial !== undefined) attempt(() => sim.mutate.refund(partial, { deductionShare: 0.1 }), 'refunded')
  if (cancel !== undefined) attempt(() => sim.mutate.cancel(cancel), 'cancelled')
  return done
}
