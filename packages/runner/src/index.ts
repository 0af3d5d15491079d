/** Public API of @zakaz/qtickets-runner: configuration, logging, locks, progress, exit codes and the CLI's main. */

/** Runs the qtickets-load CLI in-process: `main(argv, io)` resolves to the exit code. */
export { main } from './cli/main.js'
/** Injected streams, environment and cwd of the CLI; `processIo()` for the real process. */
export { processIo, type CliIo, type OutputStream } from './cli/io.js'
/** Command module shape and the context a command runs in. */
export type { Command, CommandContext, GlobalFlags, OptionValues, PositionalSpec } from './cli/command.js'
/** Every command, in help order. */
export { COMMANDS } from './cli/commands/index.js'
/** Inclusive date ranges for backfill and their split into windows. */
export { daysInRange, parseDateRange, splitIntoWindows, type DateRange } from './cli/date-range.js'
/** Read-only check of `qtickets-load sql` queries. */
export { checkReadOnlyQuery } from './cli/read-only-query.js'

/** Resolves the configuration: flags > environment (and .env) > config file > defaults. */
export { loadConfig, type ConfigFlags, type LoadConfigOptions } from './config/load-config.js'
/** The resolved configuration types. */
export type { ApiClientSettings, ClickHouseConfig, RunnerConfig, TenantConfig } from './config/types.js'
/** The configured tenants, or a ConfigError saying why there are none. */
export { requireTenants } from './config/require-tenants.js'
/** A config as plain data with secrets shown only as "set". */
export { describeConfig } from './config/describe-config.js'
/** Secret values of a config or an environment, for redaction. */
export { configSecrets, envSecrets } from './config/config-secrets.js'
/** Default values and typo-catching limits of the settings. */
export { DEFAULTS, LIMITS } from './config/defaults.js'
/** Documentation of every environment variable the runner reads. */
export { ENV_VARS, type EnvVarDoc } from './config/env-vars.js'
/** Parses `.env` text. */
export { parseDotenv } from './env/parse-dotenv.js'
/** Merges `<cwd>/.env` under an environment without overriding set variables. */
export { loadDotenv, type DotenvResult, type Env } from './env/load-dotenv.js'

/** Levelled JSON/pretty logger with child context and redaction. */
export { createLogger, type Logger, type LoggerOptions, type LogFields, type TextSink } from './log/logger.js'
/** Log levels. */
export { LOG_LEVELS, isLogLevel, type LogLevel } from './log/levels.js'
/** Redaction of known secrets, secret-shaped values, e-mails and phones. */
export { createRedactor, type Redactor } from './log/redactor.js'
/** Redaction of URL passwords and secret query parameters, and the `[redacted]` marker. */
export { REDACTED, redactUrl } from './log/redact-url.js'
/** Masks e-mails and phones as `[email]` / `[phone]`. */
export { maskPii } from './log/mask-pii.js'
/** Errors as plain objects (own fields, cause chain). */
export { serializeError, type SerializedError } from './log/serialize-error.js'

/** Per-tenant lock files: atomic creation, heartbeat, stale takeover. */
export { acquireTenantLock, DEFAULT_LOCK_TTL_MS, type AcquireTenantLockOptions, type TenantLock } from './lock/acquire-tenant-lock.js'
/** Runs work under a tenant lock and always releases it. */
export { withTenantLock } from './lock/with-tenant-lock.js'
/** Thrown when another run holds the tenant lock (exit 75). */
export { LockHeldError } from './lock/lock-held-error.js'
/** Content of a lock file. */
export type { LockInfo } from './lock/lock-info.js'

/** Progress of long work: a bar on a TTY, periodic log lines otherwise. */
export { createProgress, type Progress, type ProgressOptions } from './progress/progress.js'
/** A terminal status line that log output flows around. */
export { createStatusLine, type StatusLine } from './progress/status-line.js'

/** Exit codes and their meanings. */
export { ExitCode, EXIT_CODE_MEANINGS, type ExitCodeValue } from './exit-codes.js'
/** Errors carrying exit codes, and the exit code of any error. */
export { ConfigError, exitCodeForError, NotWiredError, RunnerError, UsageError } from './errors.js'

/** The sync engine: `syncTenant` (incremental run), `backfillTenant`, windows, keyset paging, stores and the tenant client. */
export * from './sync/index.js'
/** Pure transforms from QTickets records (SDK) to ClickHouse rows (sink). */
export * from './transform/index.js'
/** The demo as a function, and the comparison of loaded facts with expected ones. */
export { runDemo, type DemoOptions, type DemoResult, type DemoStep } from './demo/run-demo.js'
export { compareFacts, describeMismatch, type FactComparison, type FactMismatch, type CellNumbers } from './demo/compare-facts.js'
