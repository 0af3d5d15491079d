import type { DateRange } from '../cli/date-range.js'
import { withPendingDays } from './pending-days.js'
import { runResource } from './run-resource.js'
import { syncEvents, type ShowTarget } from './sync-events.js'
import { createOrderWriter } from './order-writer.js'
import { syncOrdersWindow, warnAboutDropped } from './sync-orders.js'
import { syncOptionalResources } from './sync-tenant.js'
import { datedWindows } from './sync-window.js'
import { readInLanes } from './window-lanes.js'
import { runTenantJob, type TenantJobOptions } from './tenant-job.js'
import type { SyncResource, TenantRunResult } from './types.js'

/** Progress of a backfill, after each window. */
export interface BackfillProgress {
  /** Windows finished (or skipped) so far, and in all. */
  done: number
  total: number
  /** The report-zone dates of the window just finished. */
  dates: DateRange
  /** True when the window was skipped because an earlier backfill of the same range completed it. */
  skipped: boolean
  /** Orders read in this window. */
  read: number
}

/** Options of `backfillTenant`. */
export interface BackfillTenantOptions extends TenantJobOptions {
  /** Inclusive report-zone dates; windows are over the orders' current `updated_at`. */
  range: DateRange
  /** Days per window (default 1). */
  windowDays?: number
  /** Ignore the stored progress of this range and start from its first window. */
  restart?: boolean
  /** Extra resources loaded once after the windows (clients re-read in full): inventory, clients, discounts… Events and orders always. */
  resources?: readonly SyncResource[]
  /** Called after each window. */
  onProgress?: (progress: BackfillProgress) => void
}

/** The cursor resource holding the last completed date of a backfill of `range` (never the incremental `orders` cursor). */
export function backfillCursor(range: DateRange): string {
  return `backfill:${range.from}:${range.to}`
}

/**
 * Reloads a range of report-zone dates window by window: every order whose CURRENT `updated_at` falls in a window is
 * read (keyset pagination, re-checked) and written; its old and new sales days are recomputed once, after the last
 * window (or after a failure, for the batches already written). Since each order has exactly one current
 * `updated_at`, a backfill up to the day the incremental runs took over, plus those runs, covers every order.
 * Events are loaded once first. Windows are read in up to `ctx.concurrency` lanes (a keyset scan is one request after
 * another, so lanes are what overlaps API latency), and one batch is written while the next is read. Once a complete
 * window and every window before it are stored, its last date is stored under `backfill:<from>:<to>`, so a rerun
 * resumes after it (`restart` ignores that); the incremental `orders` cursor is never moved.
 */
export function backfillTenant(options: BackfillTenantOptions): Promise<TenantRunResult> {
  const extra = new Set((options.resources ?? []).filter((resource) => resource !== 'events' && resource !== 'orders'))
  return runTenantJob({ ...options, job: options.job ?? 'backfill' }, async (ctx) => {
    const cursor = backfillCursor(options.range)
    const resumeAfter = options.restart ? null : await ctx.store.getCursor(cursor)
    const windows = datedWindows(options.range, options.windowDays ?? 1, ctx.reportTimeZone, ctx.now)
    if (resumeAfter) ctx.logger.info('resuming a backfill: windows up to the stored date are done', { resource: 'orders', done_through: resumeAfter })
    let shows: ShowTarget[] = []
    await runResource(ctx, 'events', true, async () => {
      shows = (await syncEvents(ctx)).upcomingShows
    })
    await runResource(ctx, 'orders', true, () =>
      withPendingDays(ctx, async () => {
        const writer = createOrderWriter(ctx)
        const alreadyDone = (dates: DateRange) => resumeAfter !== null && dates.to <= resumeAfter
        try {
          await readInLanes(
            windows,
            ctx.concurrency,
            async ({ dates, window }, signal) => (alreadyDone(dates) ? 0 : (await syncOrdersWindow(ctx, window, { writer, signal })).read),
            ({ dates, complete }, index, read) => {
              const skipped = alreadyDone(dates)
              // Every window up to this one has handed its orders to the writer; the date is stored once they are written.
              if (!skipped && complete) writer.checkpoint(() => ctx.store.setCursor(cursor, dates.to))
              ctx.logger.debug('backfill window', { resource: 'orders', from: dates.from, to: dates.to, skipped, read })
              options.onProgress?.({ done: index + 1, total: windows.length, dates, skipped, read })
            },
          )
          await writer.drain()
        } finally {
          await writer.settle()
        }
        warnAboutDropped(ctx)
      }),
    )
    await syncOptionalResources(ctx, extra, shows, { fullClients: true })
  })
}
