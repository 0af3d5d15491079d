import type { TenantHealthInput } from './health'
import type { RunMetrics } from './run-metrics'
import { RUN_STATUSES, type RunStatus } from './types'

/**
 * What the run metrics (this process's, plus a restored metrics file) say about a tenant's health: last success,
 * last run status, newest paid order and breaker state. The gauges are read by re-declaring them (same name, same labels).
 */
export function tenantHealthFromMetrics(metrics: RunMetrics, tenant: string): TenantHealthInput {
  const gauge = (name: string, labels: readonly string[]) => metrics.registry.gauge(name, '', labels)
  const lastSuccess = gauge('qtickets_load_last_success_timestamp_seconds', ['tenant']).get({ tenant })
  const newestPaid = gauge('qtickets_load_newest_paid_order_timestamp_seconds', ['tenant']).get({ tenant })
  const statusGauge = gauge('qtickets_load_last_run_status', ['tenant', 'status'])
  const lastRunStatus = RUN_STATUSES.find((status: RunStatus) => statusGauge.get({ tenant, status }) === 1) ?? null
  const breakerState = metrics.breakerState(tenant)
  return {
    tenant,
    lastSuccessAt: lastSuccess === undefined ? null : new Date(lastSuccess * 1000),
    lastRunStatus,
    newestDataAt: newestPaid === undefined ? null : new Date(newestPaid * 1000),
    ...(breakerState ? { breakerState } : {}),
  }
}
