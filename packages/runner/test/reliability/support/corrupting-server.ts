import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Simulator } from '@zakaz/qtickets-sdk/testing'

/** Rewrites the parsed JSON body of an answer; `route` is the path after `/api/rest/v1/` (e.g. `orders`, `events/5`). */
export type BodyRewriter = (route: string, body: unknown) => void

/** A loopback server answering with the simulator, its JSON bodies rewritten on the way out. */
export interface CorruptingServer {
  /** REST base URL (`http://127.0.0.1:<port>/api/rest/v1`). */
  readonly restUrl: string
  /** Replaces the rewriter (null: answer as the simulator does). */
  setRewriter(rewrite: BodyRewriter | null): void
  close(): Promise<void>
}

/**
 * Serves `sim` on 127.0.0.1 through its pure handler, like the simulator's own server, but passes every JSON answer
 * through a rewriter first: simulator output composed with hostile values.
 */
export async function startCorruptingServer(sim: Simulator, rewrite: BodyRewriter | null = null): Promise<CorruptingServer> {
  let rewriter = rewrite
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const answer = sim.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body })
        let text = answer.body
        const route = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/api\/rest\/v1\//, '')
        if (rewriter && answer.status === 200 && answer.headers['content-type']?.startsWith('application/json')) {
          const parsed: unknown = JSON.parse(text)
          rewriter(route, parsed)
          text = JSON.stringify(parsed)
        }
        const bytes = Buffer.from(text, 'utf8')
        res.writeHead(answer.status, { ...answer.headers, 'content-length': String(bytes.length) })
        res.end(bytes)
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`corrupting server failed: ${(error as Error).message}`)
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    restUrl: `http://127.0.0.1:${port}/api/rest/v1`,
    setRewriter(next) {
      rewriter = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
