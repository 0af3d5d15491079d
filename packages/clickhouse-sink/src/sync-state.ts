import { SinkError } from './errors'
import { assertTenant } from './identifiers'
import { insertRows, type WriteContext } from './insert'
import { selectRows } from './sql'
import { nextVersion } from './version-clock'

/**
 * The stored cursor of (tenant, resource), or null when none was written.
 * Callers write a cursor only after the rows it covers are committed (insert, then setCursor): a failed insert then leaves
 * the old cursor in place and the next run re-reads the same window.
 */
export async function getCursor(ctx: WriteContext, tenant: string, resource: string): Promise<string | null> {
  const rows = await selectRows<{ cursor: string }>(
    ctx.client,
    'reading meta_sync_state',
    `SELECT cursor FROM ${ctx.database}.meta_sync_state FINAL WHERE tenant = {tenant:String} AND resource = {resource:String} LIMIT 1`,
    { tenant: assertTenant(tenant), resource: assertResource(resource) },
  )
  return rows[0]?.cursor ?? null
}

/** Stores the cursor of (tenant, resource); call it only after the rows it covers were inserted successfully. */
export async function setCursor(ctx: WriteContext, tenant: string, resource: string, cursor: string, runId: string): Promise<void> {
  if (typeof cursor !== 'string') throw new SinkError('validation', 'cursor must be a string')
  if (typeof runId !== 'string' || runId.length === 0) throw new SinkError('validation', 'runId must be a non-empty string')
  const row = {
    tenant: assertTenant(tenant),
    resource: assertResource(resource),
    cursor,
    updated_at: new Date().toISOString(),
    run_id: runId,
    _ver: nextVersion(),
  }
  await insertRows(ctx, 'meta_sync_state', [row])
}

function assertResource(resource: unknown): string {
  if (typeof resource !== 'string' || resource.length === 0 || resource.length > 200) {
    throw new SinkError('validation', 'resource must be a non-empty string of at most 200 characters')
  }
  return resource
}
