import type { InventoryRow } from '@zakaz/clickhouse-sink'
import type { Seat, Temporal } from '@zakaz/qtickets-sdk'
import { isoInstant } from './instant.js'

/** Which show a seat list belongs to and when it was read. */
export interface InventorySnapshot {
  tenant: string
  eventId: number
  showId: number
  /** When the seats were read; the snapshot's key and `_ver`. */
  snapshotAt: Temporal.Instant
}

/** The seat quantities `seatsToInventory` reads (a full Seat or a projection of it). */
export type InventorySeat = Pick<
  Seat,
  'root_id' | 'zone_root_id' | 'disabled' | 'max_quantity' | 'free_quantity' | 'payed_quantity' | 'ordered_quantity' | 'in_basket_quantity'
>

/**
 * The seats of one show → one `stg_qtickets_api_inventory_raw` row per zone (`zone_root_id`), sorted by zone.
 * A physical seat offered under several tariffs shares its `root_id` and is counted once. Quantities are summed,
 * never seats, so a general-admission place of 300 counts 300: capacity = Σ max, sold = Σ paid,
 * reserved = Σ (ordered + in basket), free = Σ free; a disabled place counts its capacity as disabled, not free.
 */
export function seatsToInventory(seats: readonly InventorySeat[], snapshot: InventorySnapshot): InventoryRow[] {
  const zones = new Map<string, InventoryRow>()
  const seen = new Set<string>()
  for (const seat of seats) {
    if (seen.has(seat.root_id)) continue
    seen.add(seat.root_id)
    const row = zones.get(seat.zone_root_id) ?? emptyZone(seat.zone_root_id, snapshot)
    zones.set(seat.zone_root_id, row)
    row.capacity += seat.max_quantity
    row.sold += seat.payed_quantity
    row.reserved += seat.ordered_quantity + seat.in_basket_quantity
    if (seat.disabled) row.disabled += seat.max_quantity
    else row.free += seat.free_quantity
  }
  return [...zones.values()].sort((a, b) => (a.zone_id < b.zone_id ? -1 : a.zone_id > b.zone_id ? 1 : 0))
}

function emptyZone(zoneId: string, snapshot: InventorySnapshot): InventoryRow {
  return {
    tenant: snapshot.tenant,
    snapshot_at: isoInstant(snapshot.snapshotAt),
    event_id: snapshot.eventId,
    show_id: snapshot.showId,
    zone_id: zoneId,
    capacity: 0,
    free: 0,
    sold: 0,
    reserved: 0,
    disabled: 0,
    _ver: snapshot.snapshotAt.epochMilliseconds,
  }
}
