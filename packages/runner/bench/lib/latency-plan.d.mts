/** One backfill of the latency experiment (null: the loader's default). */
export interface LatencySetup {
  name: string
  pageSize: number | null
  concurrency: number | null
  windowDays: number | null
  inventory: boolean
  /** False for the zero-latency reference run. */
  latency: boolean
}

/** The backfills of the latency experiment. */
export declare function latencySetups(): LatencySetup[]
/** The CLI arguments of a setup's backfill over `range` (inventory setups: the range's last day only). */
export declare function backfillArgs(setup: LatencySetup, range: { from: string; to: string }): string[]
/** The last `days` Moscow calendar dates up to the simulated now (`startMs`). */
export declare function recentRange(startMs: number, days: number): { from: string; to: string }
