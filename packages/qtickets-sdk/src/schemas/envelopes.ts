import type * as v from 'valibot'
import { InvalidResponseError } from '../errors'
import { isEmptyPlaceholder } from './primitives'
import { PagingSchema, type Page } from './paging'
import { parseRecord, typeOfValue, type ParseContext } from './parse'

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function envelopeError(context: ParseContext, expected: string, value: unknown): InvalidResponseError {
  const message =
    `Invalid ${context.resource} answer (${context.request.method} ${context.request.path}): ` +
    `expected ${expected}, received ${typeOfValue(value)}`
  return new InvalidResponseError(message, context.request, {
    resource: context.resource,
    fieldPath: '(root)',
    expected,
    receivedType: typeOfValue(value),
  })
}

/** Parses each element of `list` with `schema`; errors name the element's id and its path. */
export function parseRecords<TSchema extends v.GenericSchema>(
  schema: TSchema,
  list: readonly unknown[],
  context: ParseContext,
): Array<v.InferOutput<TSchema>> {
  return list.map((item) => parseRecord(schema, item, context))
}

/** `{data: T[], paging}` (paging optional, as on `color-themes`) → a typed page. */
export function parseListPage<TSchema extends v.GenericSchema>(
  schema: TSchema,
  json: unknown,
  context: ParseContext,
): Page<v.InferOutput<TSchema>> {
  if (!isPlainObject(json) || !Array.isArray(json.data)) throw envelopeError(context, '{data: [...], paging}', json)
  const paging = json.paging === undefined || json.paging === null ? null : parseRecord(PagingSchema, json.paging, context, 'paging')
  return { items: parseRecords(schema, json.data, context), paging }
}

/** `{data: T}` → one typed record. */
export function parseDataObject<TSchema extends v.GenericSchema>(
  schema: TSchema,
  json: unknown,
  context: ParseContext,
): v.InferOutput<TSchema> {
  if (!isPlainObject(json) || !isPlainObject(json.data)) throw envelopeError(context, '{data: {...}}', json)
  return parseRecord(schema, json.data, context)
}

/** `{data: {[key]: T}}` (an object map; `[]` when empty) → the records in key order. */
export function parseDataMap<TSchema extends v.GenericSchema>(
  schema: TSchema,
  json: unknown,
  context: ParseContext,
): Array<v.InferOutput<TSchema>> {
  if (!isPlainObject(json)) throw envelopeError(context, '{data: {...}}', json)
  if (isEmptyPlaceholder(json.data)) return []
  if (!isPlainObject(json.data)) throw envelopeError(context, '{data: {...}}', json.data)
  return parseRecords(schema, Object.values(json.data), context)
}

/** A bare array, or the same wrapped in `{data: [...]}` → typed records. */
export function parseBareList<TSchema extends v.GenericSchema>(
  schema: TSchema,
  json: unknown,
  context: ParseContext,
): Array<v.InferOutput<TSchema>> {
  if (Array.isArray(json)) return parseRecords(schema, json, context)
  if (isPlainObject(json) && Array.isArray(json.data)) return parseRecords(schema, json.data, context)
  throw envelopeError(context, 'an array', json)
}

/** A bare object → one typed record. */
export function parseBareObject<TSchema extends v.GenericSchema>(
  schema: TSchema,
  json: unknown,
  context: ParseContext,
): v.InferOutput<TSchema> {
  if (!isPlainObject(json)) throw envelopeError(context, 'an object', json)
  return parseRecord(schema, json, context)
}
