/** Structured fields attached to a log line; never put tokens, keys, e-mails or phones here. */
export type LogFields = Record<string, unknown>

/** The logger the sink writes to (pino, consola or console all fit). */
export interface SinkLogger {
  /** Something the operator should look at. */
  warn(message: string, fields?: LogFields): void
  /** Progress worth a line (migrations applied). */
  info?(message: string, fields?: LogFields): void
  /** Detail for debugging (each insert batch). */
  debug?(message: string, fields?: LogFields): void
}

/** Default logger: warnings to stderr, nothing else. */
export const stderrLogger: SinkLogger = {
  warn(message, fields) {
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, ...fields })}\n`)
  },
}
