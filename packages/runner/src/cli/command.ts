import type { RunnerConfig } from '../config/types.js'
import type { ExitCodeValue } from '../exit-codes.js'
import type { LogLevel } from '../log/levels.js'
import type { Logger } from '../log/logger.js'
import type { Progress } from '../progress/progress.js'
import type { CliIo } from './io.js'
import type { OptionalGlobalOption, OptionSpec } from './option-spec.js'

/** Parsed option values by long name (booleans, strings, or string arrays for repeatable options). */
export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>

/** The global flags, typed. */
export interface GlobalFlags {
  config?: string
  tenant: string[]
  dryRun: boolean
  json: boolean
  verbose: boolean
  quiet: boolean
}

/** A positional argument of a command. */
export interface PositionalSpec {
  name: string
  description: string
  required?: boolean
  /** Takes all remaining arguments (joined with spaces). */
  variadic?: boolean
}

/** What a command's `run` receives. */
export interface CommandContext {
  /** All parsed option values (global and the command's own, defaults applied). */
  options: OptionValues
  positionals: string[]
  flags: GlobalFlags
  io: CliIo
  /** Id of this invocation, in every log line and run record. */
  runId: string
  /** Logger on stderr with `run_id` context; redacts every secret known so far. */
  logger: Logger
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal
  /** Loads (once) and returns the configuration; registers its secrets with the logger and logs its warnings. */
  loadConfig(): RunnerConfig
  /** A progress reporter suited to the output (bar on a TTY, log lines otherwise, nothing with --quiet). */
  progress(label: string): Progress
  /** Writes the command's result to stdout: `value` as JSON with --json, else `text()`. */
  output(value: unknown, text: () => string): void
}

/** One `qtickets-load` command. */
export interface Command {
  name: string
  /** One line for the command list. */
  summary: string
  /** Synopsis, e.g. `qtickets-load backfill --from <date> --to <date> [options]`. */
  usage: string
  /** A paragraph or two on what it does. */
  description: string
  options: readonly OptionSpec[]
  positionals?: readonly PositionalSpec[]
  /** Names of the environment variables it reads. */
  env: readonly string[]
  /**
   * Whether the selected tenants' tokens must be set (default true). False for commands that never call the QTickets API
   * (`status`, `sql`, `migrate`, `demo`): they work with a config file whose token variables are unset.
   */
  needsTokens?: boolean
  /** The optional global options it takes (`--config`, `--tenant`, `--dry-run`; default none); --json, --verbose, --quiet, --help and --version apply to every command. */
  globalOptions?: readonly OptionalGlobalOption[]
  examples: readonly string[]
  /** Exit codes it can end with. */
  exitCodes: readonly ExitCodeValue[]
  /** What an exit code means for this command, where the general text (`EXIT_CODE_MEANINGS`) does not fit. */
  exitCodeMeanings?: Readonly<Partial<Record<ExitCodeValue, string>>>
  /** Log level when neither --verbose/--quiet, LOG_LEVEL nor the config file sets one (default `info`). */
  defaultLogLevel?: LogLevel
  /** Does the work; returns the exit code (default 0). */
  run(ctx: CommandContext): Promise<ExitCodeValue | void>
}
