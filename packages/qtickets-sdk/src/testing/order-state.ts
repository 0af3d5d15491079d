/**
 * What an order looks like at a given instant: its plan (order-core.ts) with every planned
 * step whose time has come applied (payment, expiry, cancellation, refund, entrance scan),
 * plus the explicit mutations tests made through `sim.mutate` (the sparse overlay).
 *
 * Visibility rule: a change is shown at `now` iff the `updated_at` it stamps is `<= now`, so no
 * rendered order or basket is ever stamped after the moment it is served, and the ground truth
 * (truth.ts) sees exactly what the API lists.
 */
import type { BasketCore, OrderCore } from './order-core'

/** A change made explicitly through `sim.mutate`, stamped with the clock at that moment. */
export interface OverlayChange {
  atMs: number
  kind: 'cancel' | 'refund' | 'deleteBaskets'
  /** Baskets affected (null: every basket). */
  basketIds: number[] | null
  deductionShare: number
}

/** One ticket line at an instant. */
export interface BasketState {
  core: BasketCore
  deletedMs: number | null
  refundedMs: number | null
  refundedAmount: number | null
  refundedDeduction: number | null
  checkedMs: number | null
  updatedMs: number
}

/** One order at an instant. */
export interface OrderState {
  core: OrderCore
  payed: boolean
  payedMs: number | null
  deletedMs: number | null
  updatedMs: number
  baskets: BasketState[]
}

/** How long after `payed_at` the service stamps a paid order's `updated_at` (two seconds in the fixtures). */
export const PAYMENT_STAMP_DELAY_MS = 2000

/** When a planned payment is shown: the paid order's `updated_at`, a moment after `payed_at` (null: never paid). */
export function paymentShownMs(core: OrderCore): number | null {
  return core.kind === 'paid' && core.payMs !== null ? core.payMs + PAYMENT_STAMP_DELAY_MS : null
}

function isLive(basket: BasketState): boolean {
  return basket.deletedMs === null && basket.refundedMs === null
}

function deleteBasket(basket: BasketState, atMs: number): void {
  if (!isLive(basket)) return
  basket.deletedMs = atMs
  basket.refundedAmount = 0
  basket.refundedDeduction = 0
  basket.updatedMs = atMs
}

function refundBasket(basket: BasketState, atMs: number, deductionShare: number): void {
  if (!isLive(basket)) return
  const amount = basket.core.price * basket.core.quantity
  const deduction = Math.round(amount * deductionShare)
  basket.refundedMs = atMs
  basket.refundedAmount = amount - deduction
  basket.refundedDeduction = deduction
  basket.updatedMs = atMs
}

/** A change to apply, planned or explicit, in one common form. */
interface Step {
  atMs: number
  kind: 'cancel' | 'refund' | 'delete'
  /** Basket positions affected. */
  baskets: number[]
  deductionShare: number
}

function plannedSteps(order: OrderState): Step[] {
  const change = order.core.change
  if (!order.payed || change === null) return []
  const all = order.baskets.map((_, j) => j)
  switch (change.kind) {
    case 'cancel':
      return [{ atMs: change.atMs, kind: 'cancel', baskets: all, deductionShare: 0 }]
    case 'refundAll':
      return [{ atMs: change.atMs, kind: 'refund', baskets: all, deductionShare: change.deductionShare }]
    case 'refundOne':
      return [{ atMs: change.atMs, kind: 'refund', baskets: [change.basket], deductionShare: change.deductionShare }]
    case 'deleteOne':
      return [{ atMs: change.atMs, kind: 'delete', baskets: [change.basket], deductionShare: 0 }]
  }
}

function overlaySteps(order: OrderState, changes: readonly OverlayChange[]): Step[] {
  return changes.map((change) => ({
    atMs: change.atMs,
    kind: change.kind === 'cancel' ? 'cancel' : change.kind === 'refund' ? 'refund' : 'delete',
    baskets: order.baskets.flatMap((b, j) => (change.basketIds === null || change.basketIds.includes(b.core.id) ? [j] : [])),
    deductionShare: change.deductionShare,
  }))
}

/** Applies planned and explicit changes whose time has come, oldest first. */
function applySteps(order: OrderState, overlay: readonly OverlayChange[] | undefined, nowMs: number): void {
  const steps = [...plannedSteps(order), ...(overlay ? overlaySteps(order, overlay) : [])]
    .filter((step) => step.atMs <= nowMs)
    .sort((a, b) => a.atMs - b.atMs)
  for (const step of steps) {
    if (step.kind === 'cancel' && order.deletedMs === null) order.deletedMs = step.atMs
    for (const j of step.baskets) {
      const basket = order.baskets[j]
      if (!basket) continue
      if (step.kind === 'refund') refundBasket(basket, step.atMs, step.deductionShare)
      else deleteBasket(basket, step.atMs)
    }
  }
}

/** Entrance scans due by `nowMs`; a scan planned before the payment was shown never happens (no valid ticket yet). */
function applyCheckIns(order: OrderState, paidShownMs: number, nowMs: number): void {
  for (const basket of order.baskets) {
    const at = basket.core.checkInMs
    if (at === null || at > nowMs || at < paidShownMs) continue
    const goneBefore = (basket.deletedMs !== null && basket.deletedMs <= at) || (basket.refundedMs !== null && basket.refundedMs <= at)
    if (goneBefore) continue
    basket.checkedMs = at
    basket.updatedMs = Math.max(basket.updatedMs, at)
  }
}

/** The state of a planned order at `nowMs` (the order must already exist at `nowMs`). */
export function orderStateAt(core: OrderCore, nowMs: number, overlay: readonly OverlayChange[] | undefined): OrderState {
  const shownMs = paymentShownMs(core)
  const paidShownMs = shownMs !== null && shownMs <= nowMs ? shownMs : null
  const payed = paidShownMs !== null
  const payedMs = payed ? core.payMs : null
  const order: OrderState = {
    core,
    payed,
    payedMs,
    deletedMs: null,
    updatedMs: core.createdMs,
    baskets: core.baskets.map((b) => ({
      core: b,
      deletedMs: null,
      refundedMs: null,
      refundedAmount: null,
      refundedDeduction: null,
      checkedMs: null,
      updatedMs: payedMs ?? core.createdMs,
    })),
  }
  if (core.expireMs !== null && core.expireMs <= nowMs) {
    order.deletedMs = core.expireMs
    for (const basket of order.baskets) deleteBasket(basket, core.expireMs)
  }
  applySteps(order, overlay, nowMs)
  if (paidShownMs !== null) applyCheckIns(order, paidShownMs, nowMs)
  let updated = Math.max(core.createdMs, paidShownMs ?? 0, order.deletedMs ?? 0)
  for (const basket of order.baskets) updated = Math.max(updated, basket.updatedMs)
  order.updatedMs = updated
  return order
}

