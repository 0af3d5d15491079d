import type { RunnerConfig } from '../config/types.js'
import type { Logger } from '../log/logger.js'
import { noopRunObserver, type RunObserver } from '../sync/types.js'

/** Options of createRunObserver. */
export interface RunObserverOptions {
  config: RunnerConfig
  logger: Logger
  /** `--metrics-file`, when given on the command line. */
  metricsFile?: string
}

/** Creates the observer `run` reports to: metrics file, health and alerts (TODO: wired by the observability integration). */
export async function createRunObserver(_options: RunObserverOptions): Promise<RunObserver> {
  return noopRunObserver
}
