/** One log record: time, level and message first, then context and fields. */
export type LogRecord = { time: string; level: string; msg: string } & Record<string, unknown>

/** A record as one JSON line (no trailing newline). */
export function formatJsonLine(record: LogRecord): string {
  return JSON.stringify(record)
}

/** A record as a human-readable line: `21:03:51.123 INFO  msg key=value …`, with error stacks indented below. */
export function formatPrettyLine(record: LogRecord): string {
  const { time, level, msg, ...fields } = record
  const clock = time.length >= 23 ? time.slice(11, 23) : time
  const parts = [`${clock} ${level.toUpperCase().padEnd(5)} ${msg}`]
  const stacks: string[] = []
  for (const [key, value] of Object.entries(fields)) {
    if (isSerializedError(value)) {
      parts.push(`${key}=${quote(`${value.name}: ${value.message}`)}`)
      if (value.stack) stacks.push(indent(value.stack))
    } else {
      parts.push(`${key}=${formatValue(value)}`)
    }
  }
  return [parts.join(' '), ...stacks].join('\n')
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  return String(value)
}

function quote(text: string): string {
  return /^[^\s"=]+$/.test(text) ? text : JSON.stringify(text)
}

function indent(stack: string): string {
  return stack
    .split('\n')
    .map((line) => `    ${line.trim()}`)
    .join('\n')
}

function isSerializedError(value: unknown): value is { name: string; message: string; stack?: string } {
  return typeof value === 'object' && value !== null && 'message' in value && 'name' in value && ('stack' in value || 'cause' in value)
}
