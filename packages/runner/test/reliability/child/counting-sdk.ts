// Stands in for `@zakaz/qtickets-sdk` in the child bundle: the SDK as is, except that every client's fetch counts each
// HTTP request through the kill switch (before it is sent, after its answer arrived).
import { createQticketsClient as createRealClient, nodeHttpFetch, type FetchLike, type QticketsClient, type QticketsClientOptions } from '../../../../qtickets-sdk/src/index.js'
import { killSwitch } from './kill-switch-instance.js'

export * from '../../../../qtickets-sdk/src/index.js'

/** `createQticketsClient` with a counting fetch. */
export function createQticketsClient(options: QticketsClientOptions): QticketsClient {
  return createRealClient({ ...options, fetch: countingFetch(options.fetch ?? nodeHttpFetch) })
}

function countingFetch(fetch: FetchLike): FetchLike {
  return async (input, init) => {
    const operation = killSwitch.begin('http', `${init?.method ?? 'GET'} ${routeOf(String(input instanceof Request ? input.url : input))}`)
    const response = await fetch(input, init)
    killSwitch.end(operation)
    return response
  }
}

/** `orders`, `shows/{id}/seats`: the path after /api/rest/v1/, ids folded. */
function routeOf(url: string): string {
  const path = new URL(url).pathname.replace(/^.*\/api\/(rest|partners)\/v1\//, '')
  return path.replace(/\/\d+/g, '/{id}')
}
