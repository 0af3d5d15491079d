/**
 * A loopback `node:http` server in front of the simulator's pure handler (binds 127.0.0.1).
 * It acts out transport faults for real: latency (the answer waits), reset (the socket is
 * reset without an answer) and truncate (a cut body, then either a clean end with a matching
 * Content-Length or, with `abort`, a dropped connection after announcing the full length).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { SimResponse } from './responses'
import type { Simulator } from './simulator'

/** Addresses of a listening simulator server. */
export interface SimulatorServerAddress {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string
  /** REST base URL (`<url>/api/rest/v1`). */
  restUrl: string
  /** Partners base URL (`<url>/api/partners/v1`). */
  partnersUrl: string
}

/** A loopback HTTP server for a simulator. */
export interface SimulatorServer {
  /** Starts listening on 127.0.0.1 (port 0 picks a free port). */
  listen(port?: number): Promise<SimulatorServerAddress>
  /** Stops the server, dropping open connections and pending delayed answers. */
  close(): Promise<void>
  /** The origin while listening, else null. */
  readonly url: string | null
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function reset(socket: Socket): void {
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
  else socket.destroy()
}

function send(req: IncomingMessage, res: ServerResponse, response: SimResponse): void {
  const body = Buffer.from(response.body, 'utf8')
  const transport = response.transport
  if (transport?.kind === 'reset') {
    reset(req.socket)
    return
  }
  if (transport?.kind === 'truncate') {
    const cut = body.subarray(0, transport.bytes)
    res.writeHead(response.status, { ...response.headers, 'content-length': String(transport.abort ? body.length : cut.length) })
    if (transport.abort) res.write(cut, () => req.socket.destroy())
    else res.end(cut)
    return
  }
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) })
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** Creates a loopback server answering with `sim.handle`. */
export function createSimulatorServer(sim: Simulator): SimulatorServer {
  const timers = new Set<NodeJS.Timeout>()
  let address: SimulatorServerAddress | null = null
  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((body) => {
        const response = sim.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body })
        if (response.transport?.kind !== 'latency') return send(req, res, response)
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!req.socket.destroyed) send(req, res, response)
        }, response.transport.ms)
        timers.add(timer)
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end()
      })
  })
  return {
    get url() {
      return address?.url ?? null
    },
    listen(port = 0) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject)
          const { port: actual } = server.address() as AddressInfo
          const url = `http://127.0.0.1:${actual}`
          address = { url, restUrl: `${url}/api/rest/v1`, partnersUrl: `${url}/api/partners/v1` }
          resolve(address)
        })
      })
    },
    close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      address = null
      return new Promise((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
}
