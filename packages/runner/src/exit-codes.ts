/** Process exit codes of qtickets-load (sysexits-style where one fits). */
export const ExitCode = {
  /** Everything worked. */
  OK: 0,
  /** The run failed (a required resource or a write failed). */
  RUN_ERROR: 1,
  /** The run finished, but an optional resource failed; its failure is recorded in the run. */
  PARTIAL: 2,
  /** `status`: data is stale or the last run failed. */
  UNHEALTHY: 3,
  /** Bad command line: unknown command or option, missing or malformed argument. */
  USAGE: 64,
  /** Bad input data: the API answered with something that fails validation. */
  DATA_ERROR: 65,
  /** The QTickets API (or ClickHouse) is unavailable: network, timeouts, 5xx, open breaker. */
  UNAVAILABLE: 69,
  /** Internal error: a bug, or a feature that is not wired yet. */
  INTERNAL: 70,
  /** Another run of the same tenant holds the lock. */
  LOCK_HELD: 75,
  /** Configuration error: missing or invalid variable, config file or token. */
  CONFIG: 78,
  /** Interrupted by SIGINT or SIGTERM. */
  INTERRUPTED: 130,
} as const

/** One of the exit codes above. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/** A one-line meaning of each exit code, for `--help` and the README. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCodeValue, string>> = {
  0: 'success',
  1: 'run failed (a required resource or a write failed)',
  2: 'partial: an optional resource failed (recorded in the run)',
  3: 'status: data is stale or the last run failed',
  64: 'usage error: unknown command or option, bad argument',
  65: 'bad data: an API response failed validation',
  69: 'unavailable: QTickets API or ClickHouse unreachable, 5xx, open breaker',
  70: 'internal error (a bug, or a command not wired yet)',
  75: 'lock held: another run of the same tenant is in progress',
  78: 'configuration error: missing or invalid variable, file or token',
  130: 'interrupted (SIGINT/SIGTERM)',
}
