import { runResource } from './run-resource.js'
import { syncBarcodes } from './sync-barcodes.js'
import { syncClients } from './sync-clients.js'
import { syncColorThemes } from './sync-color-themes.js'
import type { SyncContext } from './sync-context.js'
import { syncDiscounts } from './sync-discounts.js'
import { syncEvents, type ShowTarget } from './sync-events.js'
import { syncInventory } from './sync-inventory.js'
import { syncOrders, type OrdersWindowSpec } from './sync-orders.js'
import { syncPromoCodes } from './sync-promo-codes.js'
import { runTenantJob, type TenantJobOptions } from './tenant-job.js'
import type { SyncResource, TenantRunResult } from './types.js'

/** Every resource, in the order a run syncs them. */
export const SYNC_RESOURCES: readonly SyncResource[] = ['events', 'orders', 'clients', 'discounts', 'promo_codes', 'color_themes', 'inventory', 'barcodes']

/** Resources whose failure fails the run (`error`); the others only make it `partial`. */
export const REQUIRED_RESOURCES: readonly SyncResource[] = ['events', 'orders']

/** The default incremental window: 10 minutes of lag, 30 days on the first run. */
export const DEFAULT_WINDOW = { lagMinutes: 10, initialDays: 30 } as const

/** Options of `syncTenant`. */
export interface SyncTenantOptions extends TenantJobOptions {
  /** Resources to sync (default all). Inventory and barcodes need the show list, so they also load events. */
  resources?: readonly SyncResource[]
  /** Orders window: incremental `{ lagMinutes, initialDays }` (default), or a fixed `{ from, to }` that leaves the cursor alone. */
  window?: OrdersWindowSpec
}

/**
 * One incremental sync of one tenant: events (all pages, into dim_events/dim_shows) first, then orders by `updated_at`
 * from the cursor minus the lag, then the optional resources (clients, discounts, promo codes, colour themes,
 * inventory and barcodes of upcoming shows). Events or orders failing → `error`; an optional resource failing →
 * logged, recorded in `failures`, run `partial`. The run is recorded in meta_job_runs (not in a dry run).
 */
export function syncTenant(options: SyncTenantOptions): Promise<TenantRunResult> {
  const resources = new Set(options.resources ?? SYNC_RESOURCES)
  const window = options.window ?? DEFAULT_WINDOW
  return runTenantJob({ ...options, job: options.job ?? 'run' }, async (ctx) => {
    let shows: ShowTarget[] = []
    if (resources.has('events') || resources.has('inventory') || resources.has('barcodes')) {
      await runResource(ctx, 'events', true, async () => {
        shows = (await syncEvents(ctx)).upcomingShows
      })
    }
    if (resources.has('orders')) await runResource(ctx, 'orders', true, async () => void (await syncOrders(ctx, window)))
    await syncOptionalResources(ctx, resources, shows, { fullClients: false })
  })
}

/** The optional resources, each isolated: a failure is recorded and the next one runs. */
export async function syncOptionalResources(
  ctx: SyncContext,
  resources: ReadonlySet<SyncResource>,
  shows: readonly ShowTarget[],
  options: { fullClients: boolean },
): Promise<void> {
  if (resources.has('clients')) await runResource(ctx, 'clients', false, () => syncClients(ctx, { full: options.fullClients }))
  if (resources.has('discounts')) await runResource(ctx, 'discounts', false, () => syncDiscounts(ctx))
  if (resources.has('promo_codes')) await runResource(ctx, 'promo_codes', false, () => syncPromoCodes(ctx))
  if (resources.has('color_themes')) await runResource(ctx, 'color_themes', false, () => syncColorThemes(ctx))
  if (resources.has('inventory')) await runResource(ctx, 'inventory', false, () => syncInventory(ctx, shows))
  if (resources.has('barcodes')) await runResource(ctx, 'barcodes', false, () => syncBarcodes(ctx, shows))
}
