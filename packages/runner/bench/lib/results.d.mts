/** Format version of the results JSON. */
export declare const RESULTS_SCHEMA: number
/** The targets. */
export declare const TARGETS: { maxFloorRatio: number; maxRssRatio: number }
/** Compared between runs. */
export declare const COMPARED_METRICS: ReadonlyArray<{ key: string; label: string; higherIsBetter: boolean }>

/** One size's measurements (null where not measured). */
export interface SizeMeasurements {
  orders: number
  ordersLoaded?: number | null
  tickets?: number | null
  wallSeconds?: number | null
  cpuSeconds?: number | null
  peakRssMB?: number | null
  floorFetchSeconds?: number | null
  floorInsertSeconds?: number | null
  [other: string]: unknown
}

/** One size's measurements with the derived figures. */
export interface SizeFigures extends SizeMeasurements {
  ordersPerSecond: number | null
  ticketsPerSecond: number | null
  floorSeconds: number | null
  floorRatio: number | null
}

/** A target and whether it was met (null when the figure is missing). */
export interface TargetVerdict {
  name: string
  target: string
  value: number | null
  met: boolean | null
}

/** A change of one figure between two runs. */
export interface Delta {
  orders: number
  metric: string
  label: string
  previous: number
  current: number
  change: number
  better: boolean | null
}

/** One backfill of the latency experiment. */
export interface LatencyRun {
  name: string
  pageSize: number
  windowDays: number
  concurrency: number
  inventory: boolean
  latencyMs?: number
  defaults?: boolean
  requests: number
  orders: number
  wallSeconds: number
  [other: string]: unknown
}

/** The results JSON (the parts these functions read). */
export interface BenchResults {
  schema?: number
  recordedAt?: string
  sizes: SizeMeasurements[]
  latency?: { orders: number; latencyMs: number; runs: LatencyRun[]; recordedAt?: string } | null
  [other: string]: unknown
}

/** Adds the derived figures (throughput, floor, ratio) to one size's measurements. */
export declare function deriveSizeFigures<T extends SizeMeasurements>(m: T): T & SizeFigures
/** Peak RSS of the largest size over the smallest; null with fewer than two sizes. */
export declare function rssRatio(sizes: readonly SizeMeasurements[]): { fromOrders: number; toOrders: number; value: number | null } | null
/** One verdict per target. Printed, never asserted. */
export declare function evaluateTargets(sizes: ReadonlyArray<SizeMeasurements & { floorRatio?: number | null }>, targets?: { maxFloorRatio: number; maxRssRatio: number }): TargetVerdict[]
/** Relative change from previous to current (0.1 = +10 %); null when either is missing or previous is 0. */
export declare function relativeChange(previous: unknown, current: unknown): number | null
/** The change of every compared metric of every size measured now that the previous results also hold. */
export declare function computeDeltas(previous: BenchResults | null | undefined, current: BenchResults): Delta[]
/** Wall-time changes of the latency runs measured now and before, matched by name (same orders and latency only). */
export declare function computeLatencyDeltas(
  previous: BenchResults | null | undefined,
  current: BenchResults,
): Array<{ name: string; previous: number; current: number; change: number }>
/** The results file to write: this run's sizes replace the previous entries of the same sizes, the rest is kept. */
export declare function mergeResults(previous: BenchResults | null | undefined, current: BenchResults): BenchResults & { rssRatio: ReturnType<typeof rssRatio>; targets: TargetVerdict[] }
/** A copy of `value` with every non-integer number rounded to `decimals` places (default 3). */
export declare function roundNumbers<T>(value: T, decimals?: number): T
