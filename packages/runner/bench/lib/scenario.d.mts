/** The simulator's default "now" (its `start` option), as the bench uses it for the end-to-end runs. */
export declare const SIM_START: string
/** Moscow calendar dates covering every order of a simulator started at `startMs` with `historyDays` of history. */
export declare function backfillRange(startMs: number, historyDays?: number): { from: string; to: string }
/** The range of the end-to-end runs: 2025-08-17 … 2025-11-16. */
export declare const BACKFILL_RANGE: { from: string; to: string }
