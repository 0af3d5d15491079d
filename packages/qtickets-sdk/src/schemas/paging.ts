import * as v from 'valibot'

/** `paging` of list answers; `total` counts records, not pages. */
export const PagingSchema = v.looseObject({
  perPage: v.pipe(v.number(), v.integer(), v.minValue(1)),
  currentPage: v.pipe(v.number(), v.integer(), v.minValue(1)),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

/** Parsed paging. */
export type Paging = v.InferOutput<typeof PagingSchema>

/** One page of a list: its records and the server's paging (null for lists without paging). */
export interface Page<T> {
  items: T[]
  paging: Paging | null
}
