#!/usr/bin/env node
// Memory and speed of the QTickets simulator: walks every order of organisations of
// 10 000 and 1 000 000 orders page by page through the pure handler, and prints peak RSS
// (process.resourceUsage().maxRSS) and orders per second. No assertions: figures only.
//
//   pnpm --filter @zakaz/qtickets-sdk build
//   node packages/qtickets-sdk/bench/simulator-memory.mjs               # 10k and 1M
//   node packages/qtickets-sdk/bench/simulator-memory.mjs 50000 --per-page=500
//
// Each size runs in its own child process, so every peak RSS belongs to one size only.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
const flag = (name, fallback) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`))
  return hit ? Number(hit.split('=')[1]) : fallback
}
const perPage = flag('per-page', 1000)
const sizes = args.filter((a) => !a.startsWith('--')).map(Number)

async function walk(size) {
  const { createSimulator } = await import('../dist/testing/index.js')
  const startedAt = process.hrtime.bigint()
  const sim = createSimulator({ seed: 'bench', tenants: [{ name: 'bench', token: 'bench', orders: size }], maxRecordedRequests: 10 })
  const built = process.hrtime.bigint()
  const headers = { authorization: 'Bearer bench' }
  let seen = 0
  let bytes = 0
  let lastId = 0
  let gaps = 0
  for (let page = 1; ; page++) {
    const response = sim.handle({ method: 'GET', url: '/api/rest/v1/orders', headers, body: { page, perPage } })
    bytes += response.body.length
    const { data, paging } = JSON.parse(response.body)
    for (const order of data) {
      if (lastId !== 0 && order.id !== lastId + 1) gaps++
      lastId = order.id
    }
    seen += data.length
    if (data.length < paging.perPage || page * paging.perPage >= paging.total) break
  }
  const done = process.hrtime.bigint()
  const seconds = Number(done - built) / 1e9
  const result = {
    orders: seen,
    expected: size,
    idGaps: gaps,
    perPage,
    buildMs: Math.round(Number(built - startedAt) / 1e6),
    walkSeconds: Number(seconds.toFixed(2)),
    ordersPerSecond: Math.round(seen / seconds),
    jsonMegabytes: Math.round(bytes / 1e6),
    peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

if (args[0] === '--child') {
  await walk(Number(args[1]))
} else {
  const script = fileURLToPath(import.meta.url)
  for (const size of sizes.length > 0 ? sizes : [10_000, 1_000_000]) {
    const child = spawnSync(process.execPath, [script, '--child', String(size), `--per-page=${perPage}`], { encoding: 'utf8' })
    if (child.status !== 0) {
      process.stderr.write(child.stderr)
      process.exitCode = 1
      continue
    }
    const r = JSON.parse(child.stdout)
    console.log(`${String(size).padStart(9)} orders: ${r.orders} walked in ${r.walkSeconds}s (${r.ordersPerSecond} orders/s, ${r.jsonMegabytes} MB JSON, build ${r.buildMs} ms, id gaps ${r.idGaps}), peak RSS ${r.peakRssMegabytes} MB`)
  }
}
