#!/usr/bin/env node
// Floor (a) of the bench: the same GET-with-JSON-body requests the loader made (replayed from the simulator
// server's log of the requests it received), sent one after another with plain node:http and `JSON.parse`d,
// nothing else: no validation, no transform, no retry policy. Prints one JSON line: { requests, items, responseMB, seconds, cpuSeconds, peakRssMB }.
//
//   node floor-fetch.mjs --origin <http://127.0.0.1:port> --token <t> --requests <log.ndjson>
//   node floor-fetch.mjs --origin <…> --token <t> --walk-orders --page-size 500   (unfiltered orders, page by page)
import { readFileSync } from 'node:fs'
import http from 'node:http'
import { parseArgs } from 'node:util'
import { cpuSeconds, peakRssMB } from './lib/usage.mjs'

const { values } = parseArgs({
  options: {
    origin: { type: 'string' },
    token: { type: 'string' },
    requests: { type: 'string' },
    'walk-orders': { type: 'boolean', default: false },
    'page-size': { type: 'string', default: '500' },
    'rest-prefix': { type: 'string', default: '/api/rest/v1' },
  },
})
if (!values.origin || !values.token) throw new Error('floor-fetch: --origin and --token are required')
const origin = new URL(values.origin)

/** GET with a JSON body (`body`: the exact text, or a value to encode), as the API documents it; resolves with the status and the body text. */
function getWithBody(path, body) {
  const text = body === undefined || body === '' ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  const payload = text === undefined ? undefined : Buffer.from(text, 'utf8')
  const headers = {
    accept: 'application/json',
    'cache-control': 'no-cache',
    'content-type': 'application/json',
    authorization: `Bearer ${values.token}`,
    ...(payload ? { 'content-length': String(payload.length) } : {}),
  }
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, origin), { method: 'GET', headers }, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
    })
    request.on('error', reject)
    request.end(payload)
  })
}

/** The recorded GET requests (`{ method, url, body }` as the loader sent them), read before the clock starts. */
function recordedRequests(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))
    .filter((r) => r.method === 'GET')
    .map((r) => ({ path: r.url, body: r.body }))
}

const totals = { requests: 0, items: 0, bytes: 0, failed: 0 }

async function fetchAndParse(path, body) {
  const { status, text } = await getWithBody(path, body)
  totals.requests++
  totals.bytes += Buffer.byteLength(text)
  if (status !== 200) totals.failed++
  const json = text === '' ? null : JSON.parse(text)
  if (Array.isArray(json?.data)) totals.items += json.data.length
  return json
}

async function replay(requests) {
  for (const r of requests) await fetchAndParse(r.path, r.body)
}

async function walkOrders(perPage) {
  for (let page = 1; ; page++) {
    const json = await fetchAndParse(`${values['rest-prefix']}/orders`, { page, perPage })
    const { data, paging } = json
    if (data.length === 0 || data.length < paging.perPage || page * paging.perPage >= paging.total) return
  }
}

const plan = values.requests ? recordedRequests(values.requests) : null
if (!plan && !values['walk-orders']) throw new Error('floor-fetch: give --requests <file> or --walk-orders')
const cpuBefore = cpuSeconds()
const started = process.hrtime.bigint()
if (plan) await replay(plan)
else await walkOrders(Number(values['page-size']))
const seconds = Number(process.hrtime.bigint() - started) / 1e9
process.stdout.write(
  `${JSON.stringify({
    requests: totals.requests,
    failed: totals.failed,
    items: totals.items,
    responseMB: totals.bytes / 1e6,
    seconds,
    cpuSeconds: cpuSeconds() - cpuBefore,
    peakRssMB: peakRssMB(),
  })}\n`,
)
