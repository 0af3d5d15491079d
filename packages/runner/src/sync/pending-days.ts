import type { SyncContext } from './sync-context.js'

/**
 * The cursor resource that holds the days whose facts are stale: every day of the batches written since the last
 * recompute. It grows before a batch's rows are written and is cleared once those days are recomputed, so a crash in
 * between leaves a note: the next job of the tenant recomputes those days too (the rows themselves are already stored,
 * so a re-read would not see them as changed).
 */
export const PENDING_DAYS_RESOURCE = 'orders:pending_days'

/**
 * Adds days to the job's pending set before the rows that change them are written. The note in ClickHouse is
 * rewritten only when the set grows, so a window whose batches all fall on known days costs no extra write.
 */
export async function addPendingDays(ctx: SyncContext, days: readonly string[]): Promise<void> {
  const added = days.filter((day) => !ctx.pendingDays.has(day))
  if (added.length === 0) return
  for (const day of added) ctx.pendingDays.add(day)
  await ctx.store.setCursor(PENDING_DAYS_RESOURCE, JSON.stringify([...ctx.pendingDays].sort()))
}

/** Rebuilds the facts of every pending day in one recompute, then clears the set and the note. */
export async function recomputePendingDays(ctx: SyncContext): Promise<void> {
  if (ctx.pendingDays.size === 0) return
  const days = [...ctx.pendingDays].sort()
  ctx.logger.info('recomputing the daily facts of the days written', { resource: 'orders', days: days.length, from: days[0], to: days.at(-1) })
  await ctx.store.recomputeDays(days)
  ctx.tally.recomputed(days)
  ctx.pendingDays.clear()
  await ctx.store.setCursor(PENDING_DAYS_RESOURCE, '[]')
}

/**
 * Runs an orders step with its days recomputed once, at the end: takes over the days an interrupted job left pending,
 * runs `step` (which adds the days of each batch it writes), then rebuilds all of them. When `step` fails part-way the
 * batches already written are still recomputed, so the facts match staging; only when the job was aborted, or the
 * recompute itself fails, the note carries the days to the next job.
 */
export async function withPendingDays<T>(ctx: SyncContext, step: () => Promise<T>): Promise<T> {
  await recoverPendingDays(ctx)
  let result: T
  try {
    result = await step()
  } catch (error) {
    if (!ctx.signal.aborted) await recomputeAfterFailure(ctx)
    throw error
  }
  await recomputePendingDays(ctx)
  return result
}

/** Takes over the days an interrupted job left pending: they are recomputed with this job's own. */
export async function recoverPendingDays(ctx: SyncContext): Promise<void> {
  const days = parseDays(await ctx.store.getCursor(PENDING_DAYS_RESOURCE))
  if (days.length === 0) return
  ctx.logger.warn('an interrupted run left days pending; they are recomputed with this run', { resource: 'orders', days })
  for (const day of days) ctx.pendingDays.add(day)
}

async function recomputeAfterFailure(ctx: SyncContext): Promise<void> {
  try {
    await recomputePendingDays(ctx)
  } catch (error) {
    ctx.logger.warn('could not recompute the days of the batches written before the failure; they stay pending for the next run', {
      resource: 'orders',
      days: ctx.pendingDays.size,
      err: error,
    })
  }
}

function parseDays(raw: string | null): string[] {
  if (!raw) return []
  try {
    const value: unknown = JSON.parse(raw)
    return Array.isArray(value) ? value.filter((day): day is string => typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day)) : []
  } catch {
    return []
  }
}
