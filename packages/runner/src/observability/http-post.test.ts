import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { NotifierError, postJson } from './http-post'

describe('postJson', () => {
  it('resolves with the status and body of a 2xx answer and throws NotifierError on others', async () => {
    let status = 201
    const server = createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(status).end('answer'))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`
    try {
      expect(await postJson(url, { a: 1 }, { label: 'test', timeoutMs: 2000 })).toEqual({ status: 201, text: 'answer' })
      status = 502
      const error = await postJson(url, {}, { label: 'test', timeoutMs: 2000 }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NotifierError)
      expect(error).toMatchObject({ message: 'test: HTTP 502', status: 502, responseBody: 'answer' })
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('names the target by label only, never by URL, and attaches no cause', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const url = `http://127.0.0.1:${port}/services/SECRET-PATH?key=SECRET-KEY`
    const error = await postJson(url, {}, { label: 'webhook', timeoutMs: 2000 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotifierError)
    expect((error as Error).message).toBe('webhook: request failed (ECONNREFUSED)')
    expect((error as Error).cause).toBeUndefined()
    expect(JSON.stringify(error)).not.toContain('SECRET')
  })

  it('reports a fetch that rejects with an unknown error as a network error', async () => {
    const failing = (async () => {
      throw new Error('boom at http://host/bot123:SECRET/sendMessage')
    }) as unknown as typeof fetch
    await expect(postJson('http://host/x', {}, { label: 'telegram', timeoutMs: 100, fetch: failing })).rejects.toThrow(
      /^telegram: request failed \(network error\)$/,
    )
  })
})
