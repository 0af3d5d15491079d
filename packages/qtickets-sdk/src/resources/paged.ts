import type * as v from 'valibot'
import { flattenPages, paginate } from '../pagination'
import type { FilterableResource } from '../query/columns'
import { positiveInteger, toWireQuery, type ListQuery } from '../query/list-query'
import { parseDataObject, parseListPage } from '../schemas/envelopes'
import type { Page } from '../schemas/paging'
import type { ResourceContext } from './context'
import { schemaForSelect, type FieldOf, type ObjectSchema } from './select'

/** A list query with a projection: results keep only the selected fields. */
export type SelectQuery<R extends FilterableResource, K extends string> = ListQuery<R> & { select: readonly K[] }

/** List calls of a paged resource. Without `select` records are full; with it they are `Pick`ed. */
export interface PagedResource<R extends FilterableResource, T, F extends keyof T & string> {
  /** One page (default: the first). */
  list(query?: ListQuery<R>): Promise<Page<T>>
  list<K extends F>(query: SelectQuery<R, K>): Promise<Page<Pick<T, K>>>
  /** Every page from `query.page` (default 1) to the last one. */
  pages(query?: ListQuery<R>): AsyncIterableIterator<Page<T>>
  pages<K extends F>(query: SelectQuery<R, K>): AsyncIterableIterator<Page<Pick<T, K>>>
  /** Every record of every page. */
  iterate(query?: ListQuery<R>): AsyncIterableIterator<T>
  iterate<K extends F>(query: SelectQuery<R, K>): AsyncIterableIterator<Pick<T, K>>
}

/** A paged resource whose records can also be read one by one. */
export interface PagedResourceWithGet<R extends FilterableResource, T, F extends keyof T & string> extends PagedResource<R, T, F> {
  /** One record by id; a missing or foreign id throws `not_found`. */
  get(id: number): Promise<T>
}

/** How a paged resource is reached. */
export interface PagedResourceSpec<R extends FilterableResource, S extends ObjectSchema> {
  resource: R
  path: string
  schema: S
}

type AnyListQuery = ListQuery<FilterableResource> & { select?: readonly string[] }

/** Builds `list`, `pages` and `iterate` for a resource. */
export function createPagedResource<R extends FilterableResource, S extends ObjectSchema>(
  spec: PagedResourceSpec<R, S>,
  context: ResourceContext,
): PagedResource<R, v.InferOutput<S>, FieldOf<S>> {
  const request = { method: 'GET', path: spec.path }

  async function list(query: AnyListQuery = {}): Promise<Page<unknown>> {
    const started = performance.now()
    const wire = toWireQuery(spec.resource, query as ListQuery<R>, context.timeZone)
    const json = await context.transport.get(spec.path, wire)
    const page = parseListPage(schemaForSelect(spec.schema, query.select), json, { resource: spec.resource, request })
    context.hub.emit({
      type: 'page',
      resource: spec.resource,
      page: page.paging?.currentPage ?? query.page ?? 1,
      items: page.items.length,
      total: page.paging?.total ?? null,
      ms: Math.round(performance.now() - started),
    })
    return page
  }

  function pages(query: AnyListQuery = {}) {
    const start = query.page === undefined ? 1 : positiveInteger('page', query.page)
    return paginate(spec.resource, request, start, (page) => list({ ...query, page }))
  }

  const resource = { list, pages, iterate: (query: AnyListQuery = {}) => flattenPages(pages(query)) }
  return resource as unknown as PagedResource<R, v.InferOutput<S>, FieldOf<S>>
}

/** Adds `get(id)` (`GET {path}/{id}`, answer `{data: T}`). */
export function withGet<R extends FilterableResource, S extends ObjectSchema>(
  spec: PagedResourceSpec<R, S>,
  context: ResourceContext,
): PagedResourceWithGet<R, v.InferOutput<S>, FieldOf<S>> {
  async function get(id: number): Promise<v.InferOutput<S>> {
    const path = `${spec.path}/${positiveInteger('id', id)}`
    const json = await context.transport.get(path)
    return parseDataObject(spec.schema, json, { resource: spec.resource, request: { method: 'GET', path } })
  }
  return { ...createPagedResource(spec, context), get }
}
