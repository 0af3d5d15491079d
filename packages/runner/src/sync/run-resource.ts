import { RequiredResourceError, toFailure } from './failure.js'
import type { SyncContext } from './sync-context.js'
import type { SyncResource } from './types.js'

/**
 * Runs one resource's sync. A failure is recorded in the tally; for a required resource (events, orders) it ends the
 * run (`RequiredResourceError`), for an optional one it is logged and the run continues (it will be `partial`).
 * An interruption is never swallowed.
 */
export async function runResource(ctx: SyncContext, resource: SyncResource, required: boolean, work: () => Promise<void>): Promise<boolean> {
  ctx.setResource(resource)
  ctx.tally.begin(resource)
  const started = Date.now()
  try {
    await work()
    ctx.logger.debug(`${resource} synced`, { resource, ms: Date.now() - started, read: ctx.tally.rowsRead[resource] ?? 0, written: ctx.tally.rowsWritten[resource] ?? 0 })
    return true
  } catch (error) {
    if (ctx.signal.aborted) throw error
    const failure = toFailure(resource, error)
    ctx.tally.failures.push(failure)
    if (required) {
      ctx.logger.error(`${resource} failed; the run stops`, { resource, error_kind: failure.kind, status: failure.status, error: failure.message })
      throw new RequiredResourceError(failure, { cause: error })
    }
    ctx.logger.warn(`${resource} failed; continuing without it (the run will be partial)`, { resource, error_kind: failure.kind, status: failure.status, error: failure.message })
    return false
  } finally {
    ctx.setResource(undefined)
  }
}
