import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { nodeHttpFetch } from './node-fetch'

interface Seen {
  method: string
  body: string
  contentLength: string | undefined
  authorization: string | undefined
}

let server: Server
let base: string
const seen: Seen[] = []

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    seen.push({
      method: request.method ?? '',
      body: await readBody(request),
      contentLength: request.headers['content-length'],
      authorization: request.headers.authorization,
    })
    if (request.url === '/slow') return // never answers
    if (request.url === '/empty') return response.writeHead(204).end()
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"text":"Привет"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('nodeHttpFetch', () => {
  test('sends a JSON body with GET, byte-exact, with its length', async () => {
    const body = JSON.stringify({ where: [{ column: 'payed_at', operator: '>=', value: '2025-11-10T12:00:00+03:00' }], name: 'Москва' })
    const response = await nodeHttpFetch(`${base}/orders`, {
      method: 'GET',
      body,
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
    })
    expect(await response.json()).toEqual({ ok: true, text: 'Привет' })
    const last = seen.at(-1)
    expect(last).toEqual({ method: 'GET', body, contentLength: String(Buffer.byteLength(body)), authorization: 'Bearer t' })
  })

  test('exposes status and headers', async () => {
    const response = await nodeHttpFetch(`${base}/empty`)
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
  })

  test('rejects with the signal reason when aborted', async () => {
    const controller = new AbortController()
    const pending = nodeHttpFetch(`${base}/slow`, { signal: controller.signal })
    const reason = new Error('stop')
    setTimeout(() => controller.abort(reason), 10)
    await expect(pending).rejects.toBe(reason)
  })

  test('rejects network failures', async () => {
    await expect(nodeHttpFetch('http://127.0.0.1:1/')).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})
