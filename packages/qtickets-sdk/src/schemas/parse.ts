import * as v from 'valibot'
import { InvalidResponseError, type RequestInfo } from '../errors'

/** What a parse belongs to, for error messages. */
export interface ParseContext {
  /** Resource name, e.g. `orders`. */
  resource: string
  /** The request that produced the value. */
  request: RequestInfo
}

/** JavaScript type of a value for messages (never the value itself). */
export function typeOfValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Id of a raw record, when it has a numeric or string `id`. */
export function recordId(value: unknown): number | string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const raw = (value as { id?: unknown }).id
  return typeof raw === 'number' || typeof raw === 'string' ? raw : undefined
}

/** Parses one record with `schema`; a failure throws `InvalidResponseError` naming the resource, the record id and the field path. */
export function parseRecord<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  context: ParseContext,
  pathPrefix = '',
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  throw toInvalidResponse(result.issues[0], value, context, pathPrefix)
}

function toInvalidResponse(
  topIssue: v.BaseIssue<unknown>,
  value: unknown,
  context: ParseContext,
  pathPrefix: string,
): InvalidResponseError {
  const issue = deepestIssue(topIssue)
  const innerPath = v.getDotPath(issue) ?? ''
  const fieldPath = [pathPrefix, innerPath].filter(Boolean).join('.') || '(root)'
  const expected = issue.expected ?? issue.type
  const receivedType = typeOfValue(issue.input)
  const itemId = recordId(value)
  const record = itemId === undefined ? 'record' : `record ${itemId}`
  const message =
    `Invalid ${context.resource} ${record} (${context.request.method} ${context.request.path}): ` +
    `field "${fieldPath}" expected ${expected}, received ${receivedType}`
  return new InvalidResponseError(message, context.request, {
    resource: context.resource,
    ...(itemId === undefined ? {} : { itemId }),
    fieldPath,
    expected,
    receivedType,
  })
}

/** For unions, the nested issue that got furthest into the value explains the failure best. */
function deepestIssue(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown> {
  let best = issue
  for (const nested of issue.issues ?? []) {
    const candidate = deepestIssue(nested)
    if ((candidate.path?.length ?? 0) > (best.path?.length ?? 0)) best = candidate
  }
  return best
}
