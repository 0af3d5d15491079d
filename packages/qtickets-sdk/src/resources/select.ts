import * as v from 'valibot'

/** A valibot object schema with known `entries`. */
export type ObjectSchema = v.LooseObjectSchema<v.ObjectEntries, undefined>

/** Field names a record schema documents (usable in `select`). */
export type FieldOf<S extends ObjectSchema> = keyof S['entries'] & string

/** The schema for a projection: only the selected documented fields are checked (others are kept as received). */
export function schemaForSelect(schema: ObjectSchema, select: readonly string[] | undefined): v.GenericSchema {
  if (!select || select.length === 0) return schema
  const known = select.filter((field) => Object.hasOwn(schema.entries, field))
  if (known.length === 0) return v.looseObject({})
  return v.pick(schema, known as [string, ...string[]])
}
