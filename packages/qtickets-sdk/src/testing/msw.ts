/**
 * MSW 2.x adapter: request handlers that answer every request to the base URL's origin with
 * the simulator's pure handler. GET bodies sent through `node:http` are read with
 * `getClientRequestBodyStream` (the Fetch `Request` MSW builds cannot carry a GET body, so
 * `request.text()` is empty there). Transport faults map to their closest MSW equivalent:
 * reset → `HttpResponse.error()`, latency → `delay(ms)`, truncate → the cut body.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import type { Simulator } from './simulator'

/** Options of `createSimulatorHandlers`. */
export interface SimulatorHandlersOptions {
  /** The base URL clients use, e.g. `https://qtickets.test/api/rest/v1`; its origin is intercepted. Default `https://qtickets.test`. */
  baseUrl?: string
}

interface InterceptorNodeUtils {
  getClientRequestBodyStream(request: Request): NodeJS.ReadableStream
}

// `@mswjs/interceptors/utils/node` is loaded at run time and never bundled: the body stream is
// stored under a module-private Symbol, so this must be the very copy MSW's interceptor uses.
// The specifier is assembled so that bundlers leave the import alone.
const UTILS_SPECIFIER = ['@mswjs', 'interceptors', 'utils', 'node'].join('/')
let utils: Promise<InterceptorNodeUtils | null> | undefined

function interceptorUtils(): Promise<InterceptorNodeUtils | null> {
  utils ??= (import(/* @vite-ignore */ UTILS_SPECIFIER) as Promise<InterceptorNodeUtils>).catch(() => null)
  return utils
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

/** Reads a request body, including the JSON body of a GET sent through node:http. */
async function readBody(request: Request): Promise<Buffer> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return Buffer.from(await request.arrayBuffer())
  const nodeUtils = await interceptorUtils()
  if (!nodeUtils) return Buffer.alloc(0)
  let stream: NodeJS.ReadableStream
  try {
    stream = nodeUtils.getClientRequestBodyStream(request)
  } catch {
    // Not issued by node:http (e.g. fetch): a GET cannot carry a body there.
    return Buffer.alloc(0)
  }
  return readStream(stream)
}

/** MSW handlers serving the simulator at the origin of `baseUrl`. */
export function createSimulatorHandlers(sim: Simulator, options: SimulatorHandlersOptions = {}): HttpHandler[] {
  const origin = new URL(options.baseUrl ?? 'https://qtickets.test').origin
  return [
    http.all(`${origin}/*`, async ({ request }) => {
      const body = await readBody(request)
      const response = sim.handle({ method: request.method, url: request.url, headers: request.headers, body })
      const transport = response.transport
      if (transport?.kind === 'reset') return HttpResponse.error()
      if (transport?.kind === 'latency') await delay(transport.ms)
      const bytes = Buffer.from(response.body, 'utf8')
      const payload = transport?.kind === 'truncate' ? bytes.subarray(0, transport.bytes) : bytes
      return new HttpResponse(request.method === 'HEAD' ? null : new Uint8Array(payload), { status: response.status, headers: response.headers })
    }),
  ]
}
