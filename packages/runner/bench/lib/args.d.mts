/** Sizes (simulated orders) measured by default. */
export declare const DEFAULT_SIZES: number[]
/** Defaults of the latency experiment. */
export declare const LATENCY_DEFAULTS: { orders: number; days: number; latencyMs: number }

/** The latency experiment's settings. */
export interface LatencySettings {
  orders: number
  days: number
  latencyMs: number
}

/** Everything `pnpm bench` was asked to do. */
export interface BenchSettings {
  help: boolean
  quick: boolean
  sizes: number[]
  latency: LatencySettings | null
  pageSize: number | null
  concurrency: number | null
  cpuProfile: boolean
  floorsOnly: boolean
  markdown: boolean
  resultsFile: string | null
  save: boolean
  keep: boolean
}

/** The usage text printed by --help. */
export declare function benchUsage(): string
/** Parses `10000`, `10_000`, `10k`, `1.5m` into a positive integer; throws naming the option and the value. */
export declare function parseCount(option: string, text: string): number
/** Parses a comma-separated list of counts (duplicates dropped, order kept). */
export declare function parseCountList(option: string, text: string): number[]
/** Parses the bench's command line into settings; throws an Error naming the bad option. */
export declare function parseBenchArgs(argv: readonly string[]): BenchSettings
