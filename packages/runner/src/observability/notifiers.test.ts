import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryAlertStore } from './alert-store'
import { type AlertMessage, createAlertManager } from './alerts'
import { parseObservabilityConfig } from './config'
import { createAlertSender, createNotifiers, createTelegramNotifier, createWebhookNotifier, type Notifier } from './notifiers'

const TOKEN = '7012345678:AAH-fake_Token_For_Tests_0123456789'

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** A loopback HTTP server recording every request; `reply` answers it (or not, to simulate a hang). */
async function startServer(reply: (res: ServerResponse, received: Received) => void) {
  const received: Received[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body }
      received.push(entry)
      reply(res, entry)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const close = async () => {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  servers.push(close)
  return { url: `http://127.0.0.1:${port}`, received, close }
}

const servers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((close) => close()))
})

/** A logger that keeps every line it is given, as text. */
function captureLogger() {
  const lines: string[] = []
  return { lines, warn: (message: string, fields?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(fields)}`) }
}

const message: AlertMessage = {
  kind: 'problem',
  tenant: 'acme',
  problem: 'outage',
  message: '[qtickets-load] PROBLEM tenant acme: loading is failing since 2025-11-03T09:05:00Z (orders server HTTP 503)',
  at: '2025-11-03T09:05:00.000Z',
}

describe('webhook notifier', () => {
  it('POSTs the alert as JSON', async () => {
    const server = await startServer((res) => res.writeHead(204).end())
    await createWebhookNotifier({ url: `${server.url}/hooks/alerts?key=abc` }).send(message)
    expect(server.received).toHaveLength(1)
    const [request] = server.received
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/hooks/alerts?key=abc')
    expect(request?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request?.body ?? '')).toEqual({
      kind: 'problem',
      tenant: 'acme',
      problem: 'outage',
      message: message.message,
      at: '2025-11-03T09:05:00.000Z',
    })
  })
})

describe('telegram notifier', () => {
  it('POSTs chat_id and text to /bot<token>/sendMessage under the configured base URL', async () => {
    const server = await startServer((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":{}}'))
    await createTelegramNotifier({ botToken: TOKEN, chatId: '-100123', apiUrl: `${server.url}/` }).send(message)
    const [request] = server.received
    expect(request?.url).toMatch(/^\/bot\d+:[\w-]+\/sendMessage$/)
    expect(request?.url === `/bot${TOKEN}/sendMessage`).toBe(true)
    expect(JSON.parse(request?.body ?? '')).toEqual({ chat_id: '-100123', text: message.message, disable_web_page_preview: true })
  })

  it('fails on an answer that is 200 but not ok', async () => {
    const server = await startServer((res) => res.writeHead(200).end('{"ok":false}'))
    const telegram = createTelegramNotifier({ botToken: TOKEN, chatId: '1', apiUrl: server.url })
    await expect(telegram.send(message)).rejects.toThrow('telegram: answer did not say ok')
  })
})

describe('createAlertSender with failing notifiers', () => {
  async function refusedUrl(): Promise<string> {
    const server = await startServer((res) => res.end())
    await server.close()
    return server.url
  }

  async function sendThroughTelegram(apiUrl: string, timeoutMs = 5000) {
    const logger = captureLogger()
    const send = createAlertSender({
      notifiers: [createTelegramNotifier({ botToken: TOKEN, chatId: '1', apiUrl, timeoutMs })],
      logger,
    })
    const delivered = await send(message)
    return { delivered, lines: logger.lines }
  }

  it('logs a refused connection without the token and reports the alert undelivered', async () => {
    const { delivered, lines } = await sendThroughTelegram(await refusedUrl())
    expect(delivered).toBe(false)
    expect(lines).toEqual([
      'alert notifier failed {"notifier":"telegram","alert":"problem","tenant":"acme","problem":"outage","error":"telegram: request failed (ECONNREFUSED)"}',
    ])
  })

  it('logs an HTTP 500 without the token', async () => {
    const server = await startServer((res) => res.writeHead(500).end('internal error'))
    const { delivered, lines } = await sendThroughTelegram(server.url)
    expect(delivered).toBe(false)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('"error":"telegram: HTTP 500"')
    expect(lines.join('\n')).not.toContain(TOKEN.split(':')[1])
  })

  it('gives up on a server that never answers after the timeout, without throwing', async () => {
    const server = await startServer(() => {})
    const { delivered, lines } = await sendThroughTelegram(server.url, 200)
    expect(delivered).toBe(false)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('"error":"telegram: no answer within 200ms"')
    expect(server.received).toHaveLength(1)
  })

  it('redacts a token the API echoes back in its error description', async () => {
    const server = await startServer((res) =>
      res.writeHead(401).end(JSON.stringify({ ok: false, error_code: 401, description: `Unauthorized: bad bot${TOKEN}` })),
    )
    const { lines } = await sendThroughTelegram(server.url)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('telegram: HTTP 401 (Unauthorized: bad bot[redacted])')
    expect(lines[0]).not.toContain(TOKEN.split(':')[1])
  })

  it('never names a webhook URL that embeds a secret, only its host', async () => {
    const logger = captureLogger()
    const server = await startServer((res) => res.writeHead(503).end())
    const url = `${server.url}/services/T000/B000/SecretHookPart`
    const send = createAlertSender({ notifiers: [createWebhookNotifier({ url })], logger })
    expect(await send(message)).toBe(false)
    expect(logger.lines[0]).toContain(`"error":"webhook ${new URL(server.url).host}: HTTP 503"`)
    expect(logger.lines.join('\n')).not.toContain('SecretHookPart')
  })

  it('delivers through the notifiers that work when another one is down', async () => {
    const logger = captureLogger()
    const good = await startServer((res) => res.writeHead(200).end())
    const send = createAlertSender({
      notifiers: [createWebhookNotifier({ url: await refusedUrl() }), createWebhookNotifier({ url: good.url })],
      logger,
    })
    expect(await send(message)).toBe(true)
    expect(good.received).toHaveLength(1)
    expect(logger.lines).toHaveLength(1)
  })

  it('catches a notifier that throws something unexpected, redacting its message', async () => {
    const logger = captureLogger()
    const broken: Notifier = {
      name: 'broken',
      secrets: ['hunter2-secret'],
      send: async () => {
        throw new Error('failed for hunter2-secret and ops@example.com')
      },
    }
    expect(await createAlertSender({ notifiers: [broken], logger })(message)).toBe(false)
    expect(logger.lines[0]).toContain('"error":"failed for [redacted] and [email]"')
  })
})

describe('what is sent', () => {
  it('never carries a configured secret, an e-mail or a phone number', async () => {
    const webhook = await startServer((res) => res.writeHead(200).end())
    const telegram = await startServer((res) => res.writeHead(200).end('{"ok":true}'))
    const logger = captureLogger()
    const send = createAlertSender({
      notifiers: [
        createWebhookNotifier({ url: webhook.url }),
        createTelegramNotifier({ botToken: TOKEN, chatId: '1', apiUrl: telegram.url }),
      ],
      logger,
      secrets: ['qtickets-api-token-123'],
    })
    const leaky: AlertMessage = {
      ...message,
      tenant: 'owner@acme.example',
      resource: 'orders',
      message: `token qtickets-api-token-123, bot ${TOKEN}, buyer anna@example.ru, phone +7 (912) 345-67-89`,
    }
    expect(await send(leaky)).toBe(true)
    const bodies = [...webhook.received, ...telegram.received].map((r) => r.body)
    expect(bodies).toHaveLength(2)
    for (const body of bodies) {
      expect(body).not.toMatch(/qtickets-api-token-123|AAH-fake|@example|912/)
    }
    expect(JSON.parse(webhook.received[0]?.body ?? '')).toMatchObject({
      tenant: '[email]',
      resource: 'orders',
      message: 'token [redacted], bot [redacted], buyer [email], phone [phone]',
    })
  })

  it('a storm seen by separate processes reaches the webhook as one problem and one recovery', async () => {
    const webhook = await startServer((res) => res.writeHead(200).end())
    const store = createMemoryAlertStore()
    const config = parseObservabilityConfig({ env: { QTICKETS_ALERT_WEBHOOK_URL: webhook.url, QTICKETS_ALERT_STATE_FILE: 'unused.json' } })
    const runProcess = (status: 'ok' | 'error', minute: number) => {
      const send = createAlertSender({ notifiers: createNotifiers(config), logger: captureLogger() })
      const failures = status === 'error' ? [{ resource: 'orders', kind: 'server', status: 503 }] : []
      return createAlertManager({ store, send }).observe(
        [{ tenant: 'acme', run: { status, failures }, breakerState: status === 'error' ? 'open' : 'closed' }],
        new Date(Date.UTC(2025, 10, 3, 9, minute)),
      )
    }
    for (const [status, minute] of [['ok', 0], ['error', 5], ['error', 10], ['error', 15], ['ok', 20]] as const) {
      await runProcess(status, minute)
    }
    expect(webhook.received.map((r) => JSON.parse(r.body).kind)).toEqual(['problem', 'recovery'])
  })
})

describe('createNotifiers', () => {
  it('builds no notifier without configuration, and webhook then Telegram when configured', () => {
    expect(createNotifiers(parseObservabilityConfig({ env: {} }))).toEqual([])
    const config = parseObservabilityConfig({
      env: {
        QTICKETS_ALERT_WEBHOOK_URL: 'https://alerts.example.com/hook',
        QTICKETS_TELEGRAM_BOT_TOKEN: TOKEN,
        QTICKETS_TELEGRAM_CHAT_ID: '-100123',
        QTICKETS_ALERT_STATE_FILE: '/var/lib/qtickets-load/alerts.json',
      },
    })
    expect(createNotifiers(config).map((n) => n.name)).toEqual(['webhook alerts.example.com', 'telegram'])
  })
})
