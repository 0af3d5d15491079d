/**
 * The mutable side of one tenant: the explicit changes made through `sim.mutate` (a sparse
 * overlay keyed by order index), a version bumped on every change, and small caches.
 */
import { ClientIndex } from './clients'
import { orderCore, type OrderCore } from './order-core'
import { orderStateAt, type OrderState, type OverlayChange } from './order-state'
import type { Tenant } from './tenant-types'

/** One tenant with its overlay and caches. */
export class TenantRuntime {
  /** Explicit changes by order index. */
  readonly overlay = new Map<number, OverlayChange[]>()
  /** Incremented whenever the overlay changes (part of every cache key). */
  version = 0
  readonly clients: ClientIndex
  /** General-admission capacity per show id (computed once from the planned orders). */
  readonly gaCapacity = new Map<number, number>()
  /** Recent filtered order queries: key → matching order indexes in result order (a few entries). */
  readonly queryCache = new Map<string, number[]>()
  private visibleCache: { nowMs: number; count: number } | null = null

  constructor(readonly tenant: Tenant) {
    this.clients = new ClientIndex(tenant)
  }

  /** Number of orders created at or before `nowMs` (their indexes are 0 … count-1). */
  visibleOrders(nowMs: number): number {
    if (this.visibleCache?.nowMs !== nowMs) this.visibleCache = { nowMs, count: this.tenant.timeline.countCreatedBy(nowMs) }
    return this.visibleCache.count
  }

  /** The plan of order i. */
  core(i: number): OrderCore {
    return orderCore(this.tenant, i)
  }

  /** Remembers the result of a filtered order query, keeping only the most recent few. */
  rememberQuery(key: string, indexes: number[]): void {
    if (this.queryCache.size >= 4) this.queryCache.delete(this.queryCache.keys().next().value as string)
    this.queryCache.set(key, indexes)
  }

  /** The state of order i at `nowMs` (order i must exist at `nowMs`). */
  state(i: number, nowMs: number): OrderState {
    return orderStateAt(this.core(i), nowMs, this.overlay.get(i))
  }

  /** The order index of an order id, or null when the id is not one of this tenant's. */
  indexOfOrderId(id: number): number | null {
    const i = id - this.tenant.ids.order
    return Number.isInteger(i) && i >= 0 && i < this.tenant.timeline.totalOrders ? i : null
  }

  /** Records an explicit change of order i. */
  addChange(i: number, change: OverlayChange): void {
    const list = this.overlay.get(i) ?? []
    list.push(change)
    this.overlay.set(i, list)
    this.version++
    this.queryCache.clear()
  }
}
