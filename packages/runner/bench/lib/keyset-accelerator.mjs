// A bench-side accelerator in front of the simulator's pure handler, for the loader's keyset pages of orders.
//
// The loader reads each window as `where: [updated_at >= from, updated_at < to, id > lastId], orderBy: {id: 'asc'},
// page: 1`. The simulator answers a filtered query by scanning every candidate order and caches the matches per exact
// query; `id > lastId` changes on every page, so each page is a fresh scan from lastId to the newest order: about
// 1.8 s per page at 1 000 000 orders, an hour of simulator CPU for one backfill. A real API answers from an index.
//
// Answer that keyset page instead with page k of the SAME query without the id bound (which the simulator scans once
// and then serves from its cache), where k follows the page whose last id was `lastId`, and rewrite its `paging` to
// what the id-bounded query reports: `currentPage` 1 and `total` minus the (k − 1) pages before. Ids are unique and
// ascending, so the records are exactly the same; the body is byte-identical (see test/bench-harness.test.ts).
// Requests it cannot map (an unknown lastId, other shapes, query-string parameters) go to the simulator unchanged.
// The translated query also repeats each `updated_at <` (`<=`) bound on `created_at` — an order is never updated
// before it was created — so the simulator scans only the orders created before the window's end.

const ORDERS_PATH = /^(?:https?:\/\/[^/]+)?\/api\/rest\/v1\/orders\/?$/
const PAGING_AT_END = /"paging":\{"perPage":(\d+),"currentPage":(\d+),"total":(\d+)\}\}$/
const ORDER_START = /\{"id":(\d+),"uniqid":/g

function bodyText(body) {
  if (body === undefined || body === null) return ''
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
  return JSON.stringify(body)
}

/** The keyset shape `{ key, afterId, body, baseWhere }` of a request (baseWhere: the query to ask instead, without the id bound), or null. */
export function keysetPlan(request) {
  if ((request.method ?? 'GET').toUpperCase() !== 'GET' || !ORDERS_PATH.test(request.url ?? request.path ?? '')) return null
  let body
  try {
    body = JSON.parse(bodyText(request.body))
  } catch {
    return null
  }
  if (!body || !Array.isArray(body.where) || (body.page ?? 1) !== 1) return null
  const orderBy = body.orderBy
  if (!orderBy || Object.keys(orderBy).length !== 1 || orderBy.id !== 'asc') return null
  const bounds = body.where.filter((w) => w?.column === 'id')
  if (bounds.length !== 1 || bounds[0].operator !== '>' || !Number.isSafeInteger(Number(bounds[0].value))) return null
  const baseWhere = body.where.filter((w) => w?.column !== 'id')
  const createdBounds = baseWhere
    .filter((w) => w?.column === 'updated_at' && (w.operator === '<' || w.operator === '<='))
    .map((w) => ({ ...w, column: 'created_at' }))
  return {
    key: JSON.stringify([baseWhere, body.perPage ?? null, body.select ?? null]),
    afterId: Number(bounds[0].value),
    body,
    baseWhere: [...baseWhere, ...createdBounds],
  }
}

/** The id of the last order of a list body (orders start with `{"id":…,"uniqid":`; baskets and clients do not). */
export function lastOrderId(text) {
  let last = null
  for (const match of text.matchAll(ORDER_START)) last = Number(match[1])
  return last
}

/**
 * Wraps `handle(request) → response` (the simulator's) so keyset pages of orders are served from its cached
 * id-unbounded query. Returns the wrapped handler with `stats: { accelerated, passedThrough }`.
 */
export function accelerateKeysetPages(handle) {
  const nextPage = new Map()
  const stats = { accelerated: 0, passedThrough: 0 }
  const remember = (key, lastId, page) => {
    if (nextPage.size > 100_000) nextPage.clear()
    nextPage.set(`${key}\n${lastId}`, page)
  }
  function wrapped(request) {
    const plan = keysetPlan(request)
    const page = !plan ? undefined : plan.afterId <= 0 ? 1 : nextPage.get(`${plan.key}\n${plan.afterId}`)
    if (!plan || page === undefined) {
      stats.passedThrough++
      return handle(request)
    }
    const response = handle({ ...request, body: JSON.stringify({ ...plan.body, where: plan.baseWhere, page }) })
    if (response.status !== 200 || (response.transport && response.transport.kind !== 'latency')) return response
    const paging = PAGING_AT_END.exec(response.body)
    if (!paging) {
      stats.passedThrough++
      return handle(request)
    }
    stats.accelerated++
    const lastId = lastOrderId(response.body)
    if (lastId !== null) remember(plan.key, lastId, page + 1)
    if (page === 1) return response
    const perPage = Number(paging[1])
    const total = Math.max(0, Number(paging[3]) - (page - 1) * perPage)
    const body = `${response.body.slice(0, paging.index)}"paging":{"perPage":${perPage},"currentPage":1,"total":${total}}}`
    return { ...response, body }
  }
  wrapped.stats = stats
  return wrapped
}
