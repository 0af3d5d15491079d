import type { Client } from '@zakaz/qtickets-sdk'
import { clientToRow } from '../transform/client.js'
import { keysetPages } from './keyset-pages.js'
import type { SyncContext } from './sync-context.js'
import { writeChangedRows } from './write-changed.js'

/** The clients cursor: the highest client id loaded so far. */
export const CLIENTS_CURSOR = 'clients'

/**
 * Buyers, as hashes only. Clients have no `updated_at`, so a run reads only the new ones (`id >` the highest id loaded,
 * by keyset pagination) and moves the cursor after each written page; `full: true` (backfill) re-reads them all from id 0.
 * Contact changes of existing buyers therefore arrive through a backfill, and through the hashes on their next order.
 * Only new clients and changed hashes are written, so a full re-read of unchanged clients writes nothing.
 */
export async function syncClients(ctx: SyncContext, options: { full?: boolean } = {}): Promise<void> {
  const stored = options.full ? null : await ctx.store.getCursor(CLIENTS_CURSOR)
  let lastId = stored && /^\d+$/.test(stored) ? Number(stored) : 0
  const pages = keysetPages<Client>({
    resource: 'clients',
    signal: ctx.signal,
    startAfter: lastId,
    fetchAfter: (afterId) => ctx.client.clients.list({ where: [['id', '>', afterId]], orderBy: { id: 'asc' }, page: 1, perPage: ctx.pageSize }),
    keep: () => true,
  })
  for await (const page of pages) {
    ctx.tally.read('clients', page.items.length)
    ctx.tally.dropped('clients', page.dropped)
    if (page.items.length === 0) continue
    const rows = page.items.map((client) => clientToRow(client, { tenant: ctx.tenant, pii: ctx.store.pii, readAt: ctx.now }))
    await writeChangedRows(ctx, 'clients', 'stg_qtickets_api_clients_raw', rows)
    lastId = Math.max(lastId, ...page.items.map((client) => client.id))
    await ctx.store.setCursor(CLIENTS_CURSOR, String(lastId))
  }
}
