/**
 * When orders are placed and for which event, as a pure function of the order's index.
 *
 * Time is cut into segments (one per Moscow day; the start day is split at `start` so that
 * exactly the requested number of orders exists at `start`). Each segment gets an order count
 * from the weekly rhythm, and that count is split between the events on sale that day (more as
 * the show nears). Order i lies in the segment whose cumulative count contains it; its time of
 * day follows the hourly rhythm, and the orders of the events on sale are interleaved evenly.
 * Only small per-segment arrays are stored; a segment's interleaving is computed on demand
 * and cached (a few segments at a time).
 */
import type { EventPlan } from './events-plan'
import { rand } from './prng'
import { dayQuantileAt, msOfDayAtQuantile, WEEKDAY_WEIGHT } from './rhythm'
import { moscowDay, moscowDayStart, weekdayOf } from './time'

/** How a tenant's order volume is specified. */
export interface VolumeSpec {
  /** Exact number of orders created up to and including `startMs`. */
  historyOrders?: number
  /** Average orders per day (used for the history without `historyOrders`, and after start). */
  ordersPerDay: number
}

/** The interleaving of one segment: event entry and rank within the event for each position. */
interface SegmentLayout {
  entry: Int32Array
  rank: Int32Array
}

const SALT = { day: 31, alloc: 32, layout: 33, time: 34, round: 35 }
const LAYOUT_CACHE = 48

/** Distributes `total` over `weights` proportionally, exactly, breaking ties deterministically. */
function largestRemainder(total: number, weights: readonly number[], seed: number, salt: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum <= 0 || total <= 0) return weights.map(() => 0)
  const exact = weights.map((w) => (w / sum) * total)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((a, b) => a + b, 0)
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) + rand(seed, salt, i) * 1e-9 }))
    .sort((p, q) => q.frac - p.frac)
  for (const { i } of order) {
    if (left <= 0) break
    counts[i] = (counts[i] ?? 0) + 1
    left--
  }
  return counts
}

/** The order timeline of one tenant. */
export class Timeline {
  /** Number of orders ever created up to the horizon. */
  readonly totalOrders: number
  /** Number of orders created up to `start`. */
  readonly historyOrders: number
  private readonly seed: number
  private readonly dayStart: Float64Array
  private readonly q0: Float64Array
  private readonly q1: Float64Array
  private readonly isFuture: Uint8Array
  private readonly cum: Float64Array
  private readonly entryStart: Int32Array
  private readonly entryEvent: Int32Array
  private readonly entryCount: Int32Array
  private readonly entryPrefix: Int32Array
  private readonly eventTotals: Int32Array
  private readonly firstSegmentDay: number
  private readonly startMs: number
  private readonly layouts = new Map<number, SegmentLayout>()

  constructor(seed: number, events: readonly EventPlan[], firstDay: number, startMs: number, lastDay: number, volume: VolumeSpec) {
    this.seed = seed
    this.startMs = startMs
    this.firstSegmentDay = firstDay
    const startDay = moscowDay(startMs)
    const segs: { day: number; q0: number; q1: number; future: boolean; weight: number; onSale: number[] }[] = []
    for (let day = firstDay; day <= lastDay; day++) {
      const onSale = events.filter((e) => !e.deleted && e.saleStartDay <= day && day <= e.saleEndDay).map((e) => e.index)
      const dayWeight = onSale.length === 0 ? 0 : (WEEKDAY_WEIGHT[weekdayOf(day)] ?? 1) * (0.8 + 0.4 * rand(seed, day, SALT.day))
      if (day !== startDay) {
        segs.push({ day, q0: 0, q1: 1, future: day > startDay, weight: dayWeight, onSale })
        continue
      }
      const split = dayQuantileAt(startMs - moscowDayStart(day))
      segs.push({ day, q0: 0, q1: split, future: false, weight: dayWeight * split, onSale })
      segs.push({ day, q0: split, q1: 1, future: true, weight: dayWeight * (1 - split), onSale })
    }
    const counts = this.segmentCounts(segs, volume)
    const n = segs.length
    this.dayStart = new Float64Array(n)
    this.q0 = new Float64Array(n)
    this.q1 = new Float64Array(n)
    this.isFuture = new Uint8Array(n)
    this.cum = new Float64Array(n + 1)
    this.entryStart = new Int32Array(n + 1)
    const entryEvent: number[] = []
    const entryCount: number[] = []
    const entryPrefix: number[] = []
    const totals = new Int32Array(events.length)
    segs.forEach((seg, s) => {
      this.dayStart[s] = moscowDayStart(seg.day)
      this.q0[s] = seg.q0
      this.q1[s] = seg.q1
      this.isFuture[s] = seg.future ? 1 : 0
      this.cum[s + 1] = (this.cum[s] ?? 0) + (counts[s] ?? 0)
      this.entryStart[s] = entryEvent.length
      const weights = seg.onSale.map((e) => eventWeight(events[e] as EventPlan, seg.day))
      const split = largestRemainder(counts[s] ?? 0, weights, seed, SALT.alloc * 1_000_003 + s)
      seg.onSale.forEach((e, j) => {
        const c = split[j] ?? 0
        if (c === 0) return
        entryEvent.push(e)
        entryCount.push(c)
        entryPrefix.push(totals[e] ?? 0)
        totals[e] = (totals[e] ?? 0) + c
      })
    })
    this.entryStart[n] = entryEvent.length
    this.entryEvent = Int32Array.from(entryEvent)
    this.entryCount = Int32Array.from(entryCount)
    this.entryPrefix = Int32Array.from(entryPrefix)
    this.eventTotals = totals
    this.totalOrders = this.cum[n] ?? 0
    this.historyOrders = segs.reduce((sum, seg, s) => (seg.future ? sum : sum + (counts[s] ?? 0)), 0)
  }

  private segmentCounts(segs: readonly { future: boolean; weight: number }[], volume: VolumeSpec): number[] {
    const active = segs.filter((s) => s.weight > 0)
    const meanWeight = active.length === 0 ? 1 : active.reduce((a, s) => a + s.weight, 0) / active.length
    const stochastic = (x: number, s: number) => Math.floor(x) + (rand(this.seed, s, SALT.round) < x - Math.floor(x) ? 1 : 0)
    if (volume.historyOrders === undefined) {
      const rate = volume.ordersPerDay / meanWeight
      return segs.map((seg, s) => stochastic(rate * seg.weight, s))
    }
    const historyWeights = segs.map((seg) => (seg.future ? 0 : seg.weight))
    const history = largestRemainder(volume.historyOrders, historyWeights, this.seed, SALT.alloc)
    const rate = volume.ordersPerDay / meanWeight
    return segs.map((seg, s) => (seg.future ? stochastic(rate * seg.weight, s) : (history[s] ?? 0)))
  }

  /** Orders of event `e` over its whole sale window. */
  eventTotal(e: number): number {
    return this.eventTotals[e] ?? 0
  }

  /** The segment holding order i. */
  private segmentOf(i: number): number {
    let lo = 0
    let hi = this.cum.length - 2
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((this.cum[mid] ?? 0) <= i) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** Creation instant of order i (whole seconds, non-decreasing in i). */
  createdMs(i: number): number {
    const s = this.segmentOf(i)
    const base = this.cum[s] ?? 0
    const count = (this.cum[s + 1] ?? 0) - base
    const q0 = this.q0[s] ?? 0
    const q = q0 + ((this.q1[s] ?? 1) - q0) * ((i - base + rand(this.seed, i, SALT.time)) / count)
    const ms = Math.floor(((this.dayStart[s] ?? 0) + msOfDayAtQuantile(q)) / 1000) * 1000
    // Orders after `start` must stay invisible at `start`, even within the same second.
    return this.isFuture[s] === 1 && ms <= this.startMs ? Math.floor(this.startMs / 1000) * 1000 + 1000 : ms
  }

  /** Number of orders created at or before `ms` (they are exactly the indexes below it). */
  countCreatedBy(ms: number): number {
    let lo = 0
    let hi = this.totalOrders
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2)
      if (this.createdMs(mid) <= ms) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The event index of order i and its rank among that event's orders (0-based, in id order). */
  eventOf(i: number): { event: number; rank: number } {
    const s = this.segmentOf(i)
    const layout = this.layout(s)
    const k = i - (this.cum[s] ?? 0)
    const entry = layout.entry[k] ?? 0
    return { event: this.entryEvent[entry] ?? 0, rank: layout.rank[k] ?? 0 }
  }

  /** Indexes of the orders of event `e` below `limit`, in increasing order. */
  *ordersOfEvent(e: number, event: EventPlan, limit: number): Generator<number> {
    const from = Math.max(0, event.saleStartDay - this.firstSegmentDay)
    for (let s = from; s < this.cum.length - 1; s++) {
      const base = this.cum[s] ?? 0
      if (base >= limit) return
      if (moscowDay(this.dayStart[s] ?? 0) > event.saleEndDay) return
      if (!this.hasEntry(s, e)) continue
      const layout = this.layout(s)
      for (let k = 0; k < layout.entry.length && base + k < limit; k++) {
        if (this.entryEvent[layout.entry[k] ?? 0] === e) yield base + k
      }
    }
  }

  private hasEntry(s: number, e: number): boolean {
    for (let x = this.entryStart[s] ?? 0; x < (this.entryStart[s + 1] ?? 0); x++) if (this.entryEvent[x] === e) return true
    return false
  }

  /** Interleaves a segment's events evenly (with a seeded phase per event) and caches the result. */
  private layout(s: number): SegmentLayout {
    const cached = this.layouts.get(s)
    if (cached) return cached
    const from = this.entryStart[s] ?? 0
    const to = this.entryStart[s + 1] ?? 0
    const n = (this.cum[s + 1] ?? 0) - (this.cum[s] ?? 0)
    const keys = new Float64Array(n)
    const entries = new Int32Array(n)
    const within = new Int32Array(n)
    let p = 0
    for (let x = from; x < to; x++) {
      const count = this.entryCount[x] ?? 0
      const phase = rand(this.seed, s, x, SALT.layout)
      for (let j = 0; j < count; j++, p++) {
        keys[p] = (j + phase) / count
        entries[p] = x
        within[p] = j
      }
    }
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || (entries[a] ?? 0) - (entries[b] ?? 0))
    const layout: SegmentLayout = { entry: new Int32Array(n), rank: new Int32Array(n) }
    order.forEach((src, k) => {
      const x = entries[src] ?? 0
      layout.entry[k] = x
      layout.rank[k] = (this.entryPrefix[x] ?? 0) + (within[src] ?? 0)
    })
    if (this.layouts.size >= LAYOUT_CACHE) this.layouts.delete(this.layouts.keys().next().value as number)
    this.layouts.set(s, layout)
    return layout
  }
}

/** How strongly an event sells on a day: its popularity, more near the show and on opening days. */
function eventWeight(event: EventPlan, day: number): number {
  const daysToShow = event.saleEndDay + 1 - day
  const opening = day - event.saleStartDay < 2 ? 2 : 1
  return event.popularity * (1 + 3 * Math.exp(-daysToShow / 12)) * opening
}
