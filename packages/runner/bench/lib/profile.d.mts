/** A V8 call frame (the fields used here). */
export interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

/** A `.cpuprofile` (the fields used here). */
export interface CpuProfile {
  startTime: number
  endTime: number
  samples?: number[]
  nodes: Array<{ id: number; hitCount: number; callFrame: CallFrame }>
}

/** Where a profile's main thread spent its time. */
export interface ProfileSummary {
  totalMs: number
  categories: Array<{ name: string; ms: number; share: number }>
  functions: Array<{ name: string; location: string; category: string; ms: number; share: number }>
}

/** The package (or bucket) a profile node's script belongs to. */
export declare function categoryOf(callFrame: CallFrame): string
/** Self time of the profile's main thread by category and the hottest functions. */
export declare function summarizeCpuProfile(profile: CpuProfile, options?: { top?: number }): ProfileSummary
