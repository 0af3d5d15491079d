import type { TableColumn } from './format.mjs'
import type { Delta, LatencyRun, SizeFigures, TargetVerdict } from './results.mjs'

/** Columns of the per-size table. */
export declare const SIZE_COLUMNS: readonly TableColumn[]
/** Columns of the latency table. */
export declare const LATENCY_COLUMNS: readonly TableColumn[]
/** One formatted row per size. */
export declare function sizeRows(sizes: readonly SizeFigures[]): Array<Record<string, string>>
/** One formatted row per latency run. */
export declare function latencyRows(latency: { latencyMs?: number; runs: readonly LatencyRun[] }): Array<Record<string, string>>
/** One line per target verdict. */
export declare function targetLines(verdicts: readonly TargetVerdict[]): string[]
/** The delta table against the previous results. */
export declare function deltaTable(deltas: readonly Delta[], options?: { noise?: number }): string
/** The size table as text. */
export declare function sizeTable(sizes: readonly SizeFigures[], options?: { markdown?: boolean }): string
/** The latency table as text. */
export declare function latencyTable(latency: { latencyMs?: number; runs: readonly LatencyRun[] }, options?: { markdown?: boolean }): string
/** A profile summary as text. */
export declare function profileText(summary: unknown): string
/** The engine's time per kind of statement, with its share of the loader's wall time. */
export declare function sqlTimingsText(timings: ReadonlyArray<{ kind: string; count: number; ms: number }>, wallSeconds: number): string
