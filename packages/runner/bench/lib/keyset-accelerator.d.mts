/** The request shape the simulator's handler takes (the fields used here). */
export interface HandlerRequest {
  method?: string
  url?: string
  path?: string
  headers?: unknown
  body?: unknown
}

/** The simulator's response (the fields used here). */
export interface HandlerResponse {
  status: number
  body: string
  transport?: { kind: string } | null
}

/** A keyset request's shape: the cache key, the id bound, the parsed body and the query to ask instead. */
export interface KeysetPlan {
  key: string
  afterId: number
  body: Record<string, unknown>
  baseWhere: unknown[]
}

/** The keyset shape of a request, or null when it is something else. */
export declare function keysetPlan(request: HandlerRequest): KeysetPlan | null
/** The id of the last order of a list body. */
export declare function lastOrderId(text: string): number | null
/** Wraps the simulator's handler so keyset pages of orders are served from its cached id-unbounded query. */
export declare function accelerateKeysetPages<Res extends HandlerResponse>(
  handle: (request: HandlerRequest) => Res,
): ((request: HandlerRequest) => Res) & { stats: { accelerated: number; passedThrough: number } }
