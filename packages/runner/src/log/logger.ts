import { formatJsonLine, formatPrettyLine, type LogRecord } from './format-record.js'
import { levelPasses, type LogLevel } from './levels.js'
import { createRedactor, type Redactor } from './redactor.js'

/** Context and fields attached to log lines (run_id, tenant, resource, rows, err…). */
export type LogFields = Record<string, unknown>

/** Anything with a `write(text)` method: a stream, a status line, a test buffer. */
export interface TextSink {
  write(chunk: string): unknown
}

/** A levelled logger writing one redacted line per message. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  /** A logger that adds `context` to every line; it shares level, sink and redactor with its parent. */
  child(context: LogFields): Logger
  /** Whether a message at `level` would be written. */
  enabled(level: LogLevel): boolean
  /** Changes the level of this logger and of all its relatives. */
  setLevel(level: LogLevel): void
  /** The current level. */
  readonly level: LogLevel
}

/** How a logger writes. */
export interface LoggerOptions {
  /** Where lines go (stderr in the CLI). */
  sink: TextSink
  /** `json` (one JSON object per line) or `pretty` (human-readable); default `json`. */
  format?: 'json' | 'pretty'
  /** Lowest level written; default `info`. */
  level?: LogLevel
  /** Redactor applied to the message, context, fields and error stacks; default: pattern-based only. */
  redactor?: Redactor
  /** Clock for the `time` field; default `() => new Date()`. */
  now?: () => Date
  /** Context added to every line. */
  context?: LogFields
}

const CORE_FIELDS = new Set(['time', 'level', 'msg'])

/** Creates a logger (JSON lines or pretty lines, levels, child context, redaction of secrets and PII). */
export function createLogger(options: LoggerOptions): Logger {
  const shared = {
    sink: options.sink,
    format: options.format ?? 'json',
    level: options.level ?? 'info',
    redactor: options.redactor ?? createRedactor(),
    now: options.now ?? (() => new Date()),
  }
  return makeLogger(shared, options.context ?? {})
}

type Shared = Required<Omit<LoggerOptions, 'context'>>

function makeLogger(shared: Shared, context: LogFields): Logger {
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (!levelPasses(level, shared.level)) return
    const record: LogRecord = { time: shared.now().toISOString(), level, msg: shared.redactor.redactString(msg) }
    const extra = shared.redactor.redactValue({ ...context, ...fields }) as LogFields
    for (const [key, value] of Object.entries(extra)) {
      if (value !== undefined) record[CORE_FIELDS.has(key) ? `field_${key}` : key] = value
    }
    const line = shared.format === 'pretty' ? formatPrettyLine(record) : formatJsonLine(record)
    // A last pass catches a secret that formatting may have re-assembled (e.g. across escaped quotes).
    shared.sink.write(`${shared.redactor.redactString(line)}\n`)
  }
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (more) => makeLogger(shared, { ...context, ...more }),
    enabled: (level) => levelPasses(level, shared.level),
    setLevel: (level) => {
      shared.level = level
    },
    get level() {
      return shared.level
    },
  }
}
