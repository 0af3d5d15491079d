import { formatDuration } from '../util/format-duration.js'

/** What a progress line shows. */
export interface ProgressState {
  label: string
  done: number
  total: number
  elapsedMs: number
  detail?: string
}

/** Percent done, 0–100, rounded down (100 only when complete). */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 100
  return Math.min(100, Math.floor((done / total) * 100))
}

/** Estimated ms left from the pace so far, or undefined before any progress. */
export function etaMs(state: ProgressState): number | undefined {
  if (state.done <= 0 || state.done >= state.total) return undefined
  return (state.elapsedMs / state.done) * (state.total - state.done)
}

/** `label [#######---------]  35% 7/20 eta 1m12s detail` for a terminal. */
export function renderProgressBar(state: ProgressState, width = 24): string {
  const percent = percentDone(state.done, state.total)
  const filled = Math.round((percent / 100) * width)
  const eta = etaMs(state)
  const parts = [
    `${state.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`,
    `${String(percent).padStart(3)}%`,
    `${state.done}/${state.total}`,
    eta === undefined ? formatDuration(state.elapsedMs) : `eta ${formatDuration(eta)}`,
  ]
  if (state.detail) parts.push(state.detail)
  return parts.join(' ')
}
