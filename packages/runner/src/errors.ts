import { ExitCode, type ExitCodeValue } from './exit-codes.js'

/** Base class of errors that know which exit code they mean. */
export class RunnerError extends Error {
  readonly exitCode: ExitCodeValue
  constructor(message: string, exitCode: ExitCodeValue, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'RunnerError'
    this.exitCode = exitCode
  }
}

/** A bad command line (exit 64); `hint` is printed under the message. */
export class UsageError extends RunnerError {
  readonly hint: string | undefined
  constructor(message: string, hint?: string) {
    super(message, ExitCode.USAGE)
    this.name = 'UsageError'
    this.hint = hint
  }
}

/** A bad or missing configuration value (exit 78); the message names the field, never a secret. */
export class ConfigError extends RunnerError {
  constructor(message: string) {
    super(message, ExitCode.CONFIG)
    this.name = 'ConfigError'
  }
}

/** A command body that waits for the SDK / sink integration (exit 70). */
export class NotWiredError extends RunnerError {
  constructor(what: string) {
    super(`${what} is not yet wired (the SDK/sink integration is pending)`, ExitCode.INTERNAL)
    this.name = 'NotWiredError'
  }
}

/** Exit codes for the SDK's error kinds (duck-typed on `error.kind`, so the runner core does not import the SDK). */
const EXIT_CODE_BY_KIND: Readonly<Record<string, ExitCodeValue>> = {
  auth: ExitCode.CONFIG,
  not_found: ExitCode.RUN_ERROR,
  unknown_route: ExitCode.INTERNAL,
  rate_limited: ExitCode.UNAVAILABLE,
  server: ExitCode.UNAVAILABLE,
  network: ExitCode.UNAVAILABLE,
  timeout: ExitCode.UNAVAILABLE,
  circuit_open: ExitCode.UNAVAILABLE,
  invalid_response: ExitCode.DATA_ERROR,
}

/** The exit code an error stands for: its own `exitCode`, its SDK `kind`, or 70 for anything unexpected. */
export function exitCodeForError(error: unknown): ExitCodeValue {
  if (error instanceof RunnerError) return error.exitCode
  if (typeof error === 'object' && error !== null) {
    const kind = (error as { kind?: unknown }).kind
    if (typeof kind === 'string' && kind in EXIT_CODE_BY_KIND) return EXIT_CODE_BY_KIND[kind]!
    if ((error as { name?: unknown }).name === 'AbortError') return ExitCode.INTERRUPTED
  }
  return ExitCode.INTERNAL
}
