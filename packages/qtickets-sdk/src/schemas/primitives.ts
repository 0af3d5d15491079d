import * as v from 'valibot'
import { parseOffsetInstant } from './offset-instant'

const OFFSET_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i

/** Message used when a timestamp has no UTC offset (it is never guessed). */
export const NO_OFFSET_MESSAGE = 'a timestamp with a UTC offset'

/** An API timestamp with an offset (`+03:00`, `+05:00`, `Z`), parsed to a `Temporal.Instant`. Offset-less strings fail. */
export const timestamp = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const text = dataset.value
    if (!OFFSET_TIMESTAMP.test(text)) {
      addIssue({ message: NO_OFFSET_MESSAGE, expected: NO_OFFSET_MESSAGE })
      return NEVER
    }
    try {
      return parseOffsetInstant(text)
    } catch {
      addIssue({ message: NO_OFFSET_MESSAGE, expected: 'a valid date-time' })
      return NEVER
    }
  }),
)

/** A nullable API timestamp: `Instant | null`. */
export const nullableTimestamp = v.nullable(timestamp)

/** A flag sent as `true/false`, `0/1` or `"0"/"1"`, normalised to a boolean. */
export const flag = v.pipe(
  v.union([v.boolean(), v.picklist([0, 1]), v.picklist(['0', '1'])], 'a boolean, 0/1 or "0"/"1"'),
  v.transform((value) => value === true || value === 1 || value === '1'),
)

/** A code that must stay a string even when it is all digits (barcodes, promo codes, series, UTM values); numbers are turned into strings. */
export const code = v.pipe(
  v.union([v.string(), v.number()], 'a string'),
  v.transform((value) => String(value)),
)

/** A numeric id. */
export const id = v.number()

/** An object that arrives as `[]` or `""` when empty (PHP): the placeholder becomes `{}` before `schema` runs. */
export function objectOrEmpty<TSchema extends v.GenericSchema<Record<string, unknown>, unknown>>(schema: TSchema) {
  return v.pipe(
    v.unknown(),
    v.transform((value) => (isEmptyPlaceholder(value) ? {} : value)),
    v.rawCheck(({ dataset, addIssue }) => {
      const value = dataset.value
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        addIssue({ message: 'an object (or the empty [] / "")', expected: 'an object' })
      }
    }),
    schema,
  )
}

/** True for the API's "empty object" placeholders: `[]` and `""`. */
export function isEmptyPlaceholder(value: unknown): boolean {
  return value === '' || (Array.isArray(value) && value.length === 0)
}

/** A map of string values (UTM tags, `custom` attributes); `[]`/`""` become `{}`, numbers become strings. */
export const stringMap = objectOrEmpty(v.record(v.string(), code))

/** A free-form map (`fields`, `scheme_properties`); `[]`/`""` become `{}`. */
export const looseMap = objectOrEmpty(v.record(v.string(), v.unknown()))

/** A list whose elements are not specified by the API (refunds, services, related baskets). */
export const unknownList = v.array(v.unknown())
