import type { Logger } from '../log/logger.js'
import { formatDuration } from '../util/format-duration.js'
import { etaMs, percentDone, renderProgressBar, type ProgressState } from './render-progress.js'
import type { StatusLine } from './status-line.js'

/** Reports progress of long work (backfill windows). */
export interface Progress {
  /** Begins a task of `total` steps. */
  start(total: number, detail?: string): void
  /** Records `n` more steps done (default 1). */
  tick(n?: number, detail?: string): void
  /** Ends the task (clears the bar, logs the total time). */
  done(detail?: string): void
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** What is progressing, e.g. `backfill acme`. */
  label: string
  /** `bar` (a live line on a TTY), `log` (periodic log lines), `off`. */
  mode: 'bar' | 'log' | 'off'
  /** Where the bar is drawn (mode `bar`). */
  statusLine?: StatusLine
  /** Where log lines go (mode `log`; in `bar` mode it logs the final line). */
  logger?: Logger
  /** Clock in ms; default `Date.now`. */
  now?: () => number
  /** In `log` mode, log at least this often (ms); default 15 s. */
  logEveryMs?: number
  /** In `log` mode, log whenever another `logEveryPercent` % is done; default 10. */
  logEveryPercent?: number
  /** In `bar` mode, redraw at most this often (ms); default 100. */
  redrawEveryMs?: number
}

/** A progress reporter: a single-line bar on a TTY, or a log line every N seconds / every 10 %. */
export function createProgress(options: ProgressOptions): Progress {
  if (options.mode === 'off') return { start() {}, tick() {}, done() {} }
  const now = options.now ?? Date.now
  const state: ProgressState = { label: options.label, done: 0, total: 0, elapsedMs: 0 }
  let startedAt = now()
  let lastOutputAt = 0
  let lastLoggedPercent = 0

  const log = (msg: string) =>
    options.logger?.info(msg, {
      done: state.done,
      total: state.total,
      percent: percentDone(state.done, state.total),
      eta: formatEta(state),
      detail: state.detail,
    })

  const output = (force: boolean) => {
    state.elapsedMs = now() - startedAt
    if (options.mode === 'bar') {
      if (!force && state.elapsedMs - lastOutputAt < (options.redrawEveryMs ?? 100)) return
      options.statusLine?.set(renderProgressBar(state))
    } else {
      const percent = percentDone(state.done, state.total)
      const step = options.logEveryPercent ?? 10
      const due = state.elapsedMs - lastOutputAt >= (options.logEveryMs ?? 15_000) || percent >= lastLoggedPercent + step
      if (!force && !due) return
      lastLoggedPercent = percent - (percent % step)
      log(`${options.label} progress`)
    }
    lastOutputAt = state.elapsedMs
  }

  return {
    start(total, detail) {
      startedAt = now()
      Object.assign(state, { done: 0, total, detail, elapsedMs: 0 })
      lastOutputAt = 0
      lastLoggedPercent = 0
      output(true)
    },
    tick(n = 1, detail) {
      state.done = Math.min(state.total, state.done + n)
      if (detail !== undefined) state.detail = detail
      output(state.done === state.total)
    },
    done(detail) {
      state.elapsedMs = now() - startedAt
      if (detail !== undefined) state.detail = detail
      options.statusLine?.clear()
      options.logger?.info(`${options.label} finished`, {
        done: state.done,
        total: state.total,
        elapsed: formatDuration(state.elapsedMs),
        detail: state.detail,
      })
    },
  }
}

function formatEta(state: ProgressState): string | undefined {
  const eta = etaMs(state)
  return eta === undefined ? undefined : formatDuration(eta)
}
