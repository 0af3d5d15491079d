#!/usr/bin/env node
// Child process of the bench: the QTickets simulator behind its loopback HTTP server, in a process of its own
// so that rendering pages (it costs the simulator CPU) does not count against the loader's CPU time and memory.
// Started with child_process.fork; talks over IPC:
//   → { type: 'ready', restUrl, token, tenant }                      once listening
//   ← { type: 'progress' }  → { type: 'progress', requests, orders } requests and orders served so far
//   ← { type: 'dump', file } → { type: 'dumped', requests }           writes the requests received as JSON lines
//                                                                     ({ method, url, body }: exactly as sent)
//   ← { type: 'stop' }       → { type: 'stopped', cpuSeconds, peakRssMB } then exits
// Options: --orders <n> [--latency-ms <ms>] [--seed <seed>] [--start <epoch ms, or ISO instant with offset>]
// Keyset pages of orders go through lib/keyset-accelerator.mjs: byte-identical answers, without the simulator's
// full scan per page (which would make the simulator, not the loader, the subject of the benchmark).
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { accelerateKeysetPages } from './lib/keyset-accelerator.mjs'
import { cpuSeconds, peakRssMB } from './lib/usage.mjs'

const { values } = parseArgs({
  options: { orders: { type: 'string' }, 'latency-ms': { type: 'string' }, seed: { type: 'string', default: 'bench' }, start: { type: 'string' } },
})
const orders = Number(values.orders)
const latencyMs = Number(values['latency-ms'] ?? 0)
if (!Number.isInteger(orders) || orders < 0) throw new Error(`sim-server: --orders must be a non-negative integer, got "${values.orders}"`)

const { createSimulator, createSimulatorServer } = await import('@zakaz/qtickets-sdk/testing')
const tenant = { name: 'bench', token: 'bench-sim-token-1', orders }
const sim = createSimulator({ seed: values.seed, tenants: [tenant], maxRecordedRequests: 1_000, ...(values.start ? { start: /^\d+$/.test(values.start) ? Number(values.start) : values.start } : {}) })
if (latencyMs > 0) sim.faults.add({ kind: 'latency', ms: latencyMs, times: 'always' })

// Every request as received (for floor (a) to replay), and the orders served (one `"uniqid":` per order of a page).
const received = []
let ordersServed = 0
const accelerated = accelerateKeysetPages((request) => sim.handle(request))
const server = createSimulatorServer({
  handle(request) {
    received.push({ method: request.method, url: request.url, body: Buffer.from(request.body ?? '').toString('utf8') })
    const response = accelerated(request)
    if (response.status === 200 && /\/orders\/?(\?|$)/.test(request.url ?? '')) ordersServed += countOrders(response.body)
    return response
  },
})
const { restUrl } = await server.listen()

/** Counts `"uniqid":` keys, one per order in a list body (baskets have none). */
function countOrders(body) {
  let n = 0
  for (let at = body.indexOf('"uniqid":'); at !== -1; at = body.indexOf('"uniqid":', at + 9)) n++
  return n
}

async function dump(file) {
  const out = createWriteStream(file)
  for (const r of received) {
    if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return received.length
}

process.on('message', (message) => {
  if (message.type === 'progress') process.send({ type: 'progress', requests: received.length, orders: ordersServed, ...accelerated.stats })
  else if (message.type === 'dump') dump(message.file).then((requests) => process.send({ type: 'dumped', requests }))
  else if (message.type === 'stop') {
    server.close().then(() => {
      process.send({ type: 'stopped', cpuSeconds: cpuSeconds(), peakRssMB: peakRssMB() }, () => process.exit(0))
    })
  }
})
process.on('disconnect', () => process.exit(0))
process.send({ type: 'ready', restUrl, token: tenant.token, tenant: tenant.name })
