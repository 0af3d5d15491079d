import type { SyncContext } from './sync-context.js'

/**
 * The cursor resource that holds the days of a batch being written. It is set before a batch's rows are written and
 * cleared once their days are recomputed, so a crash between the two leaves a note: the next job of the tenant
 * recomputes those days first (the rows themselves are already stored, so a re-read would not see them as changed).
 */
export const PENDING_DAYS_RESOURCE = 'orders:pending_days'

/** Notes the days a batch is about to change. */
export async function markPendingDays(ctx: SyncContext, days: readonly string[]): Promise<void> {
  await ctx.store.setCursor(PENDING_DAYS_RESOURCE, JSON.stringify(days))
}

/** Clears the note once the days are recomputed. */
export async function clearPendingDays(ctx: SyncContext): Promise<void> {
  await ctx.store.setCursor(PENDING_DAYS_RESOURCE, '[]')
}

/** Recomputes days an interrupted job left pending, then clears the note. */
export async function recoverPendingDays(ctx: SyncContext): Promise<void> {
  const raw = await ctx.store.getCursor(PENDING_DAYS_RESOURCE)
  const days = parseDays(raw)
  if (days.length === 0) return
  ctx.logger.warn('recomputing days an interrupted run left pending', { resource: 'orders', days })
  await ctx.store.recomputeDays(days)
  ctx.tally.recomputed(days)
  await clearPendingDays(ctx)
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
