/** A plain-object form of an Error, safe to JSON-encode (before redaction). */
export interface SerializedError {
  name: string
  message: string
  stack?: string
  cause?: unknown
  errors?: unknown[]
  [field: string]: unknown
}

const MAX_CAUSE_DEPTH = 5

/** Turns an Error (with its own fields such as `kind` or `status`, its `cause` chain and AggregateError `errors`) into a plain object. */
export function serializeError(error: Error, depth = 0): SerializedError {
  const result: SerializedError = { name: error.name, message: error.message }
  if (error.stack) result.stack = error.stack
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'cause' && key !== 'errors') result[key] = value
  }
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) result.cause = serializeCause(error.cause, depth)
  if (error instanceof AggregateError) result.errors = error.errors.map((inner) => serializeCause(inner, depth))
  return result
}

function serializeCause(cause: unknown, depth: number): unknown {
  return cause instanceof Error ? serializeError(cause, depth + 1) : cause
}
