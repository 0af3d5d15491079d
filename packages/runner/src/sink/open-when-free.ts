import { setTimeout as sleep } from 'node:timers/promises'
import { describeClickHouseFailure } from '../doctor/clickhouse-failure.js'
import type { Logger } from '../log/logger.js'
import { embeddedEngineHolder } from './engine-holder.js'

/** Poll period while another process holds the embedded engine's folder. */
export const ENGINE_POLL_MS = 250

/** Options of `openWhenFree`. */
export interface OpenWhenFreeOptions {
  /** The embedded engine's folder (for the log line and the holder's `status` file). */
  dataDir: string
  /** How long to keep trying while the folder is held by another process; 0: fail at once. */
  waitMs: number
  /** Receives one line when the wait starts. */
  logger: Logger
  /** Stops the wait (SIGINT/SIGTERM): the sleep rejects with an AbortError. */
  signal?: AbortSignal
  /** Poll period; default `ENGINE_POLL_MS`. */
  pollMs?: number
}

/**
 * Runs `open` (opening the sink); while it fails because another process holds the embedded engine's folder (chDB
 * binds one folder per process), tries again until `waitMs` has passed, then rethrows that failure. Between attempts it
 * only watches the holder's pid in the folder's `status` file, so each attempt is a real chance to get the engine.
 */
export async function openWhenFree<T>(open: () => Promise<T>, options: OpenWhenFreeOptions): Promise<T> {
  const deadline = Date.now() + options.waitMs
  const pollMs = options.pollMs ?? ENGINE_POLL_MS
  let logged = false
  for (;;) {
    try {
      return await open()
    } catch (error) {
      if (describeClickHouseFailure(error).kind !== 'busy' || Date.now() >= deadline) throw error
      if (!logged) {
        const holder = embeddedEngineHolder(options.dataDir)
        options.logger.info(`waiting for the embedded ClickHouse at ${options.dataDir}, held by another qtickets-load process`, {
          wait_s: Math.ceil((deadline - Date.now()) / 1000),
          ...(holder ? { holder_pid: holder } : {}),
        })
        logged = true
      }
      do {
        await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())), undefined, options.signal ? { signal: options.signal } : {})
      } while (embeddedEngineHolder(options.dataDir) !== undefined && Date.now() < deadline)
    }
  }
}
