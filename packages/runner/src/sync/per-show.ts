import { isQticketsError } from '@zakaz/qtickets-sdk'
import { forEachConcurrently } from './limiter.js'
import type { ShowTarget } from './sync-events.js'
import type { SyncContext } from './sync-context.js'
import type { SyncResource } from './types.js'

/** One show whose read failed. */
export interface ShowFailure {
  showId: number
  kind: string
  status?: number
}

/** Some shows could not be read; the others were written. The resource counts as failed, so the run is `partial`. */
export class ShowsFailedError extends Error {
  readonly kind: string
  readonly status?: number
  readonly failures: ShowFailure[]
  constructor(resource: SyncResource, failures: ShowFailure[], total: number) {
    const first = failures[0]!
    const sample = failures.slice(0, 5).map((f) => `${f.showId} ${f.kind}${f.status !== undefined ? ` (HTTP ${f.status})` : ''}`).join(', ')
    super(`${resource}: ${failures.length} of ${total} shows failed (${sample}${failures.length > 5 ? ', …' : ''}); the other shows were written`)
    this.name = 'ShowsFailedError'
    this.kind = first.kind
    if (first.status !== undefined) this.status = first.status
    this.failures = failures
  }
}

/**
 * Reads something per show with at most `ctx.concurrency` requests in flight, each show isolated: a failing show is
 * logged (show id, error kind) and skipped. A show that no longer exists (JSON 404: deleted meanwhile) is only logged;
 * any other failure is collected and returned, so the caller can write the shows that worked and then report them.
 */
export async function readPerShow<R>(
  ctx: SyncContext,
  resource: SyncResource,
  shows: readonly ShowTarget[],
  read: (show: ShowTarget) => Promise<R[]>,
): Promise<{ rows: R[]; failed: ShowFailure[] }> {
  const rows: R[] = []
  const failed: ShowFailure[] = []
  await forEachConcurrently(shows, ctx.concurrency, async (show) => {
    if (ctx.signal.aborted) return
    try {
      rows.push(...(await read(show)))
    } catch (error) {
      const kind = isQticketsError(error) ? error.kind : 'internal'
      const status = isQticketsError(error) ? error.status : undefined
      const fields = { resource, show_id: show.showId, event_id: show.eventId, error_kind: kind, status }
      if (kind === 'not_found') {
        ctx.logger.warn('show not found (deleted meanwhile?); skipped', fields)
        return
      }
      ctx.logger.warn('could not read a show; skipped', { ...fields, error: error instanceof Error ? error.message : String(error) })
      failed.push({ showId: show.showId, kind, ...(status !== undefined ? { status } : {}) })
    }
  })
  ctx.signal.throwIfAborted()
  failed.sort((a, b) => a.showId - b.showId)
  return { rows, failed }
}
