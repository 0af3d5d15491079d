import type { AlertMessage, AlertSender } from './alerts'
import type { ObservabilityConfig } from './config'
import { type FetchLike, NotifierError, postJson } from './http-post'
import { createRedactor } from './redact'
import type { ObservabilityLogger } from './types'

/** Somewhere alerts go. `send` throws a `NotifierError` on failure; `secrets` are redacted from everything logged. */
export interface Notifier {
  /** Safe name for logs (`webhook alerts.example.com`, `telegram`). */
  readonly name: string
  /** Strings that must never be sent or logged (token, webhook URL). */
  readonly secrets: readonly string[]
  send(message: AlertMessage): Promise<void>
}

/** Options of `createWebhookNotifier`. */
export interface WebhookNotifierOptions {
  url: string
  timeoutMs?: number
  headers?: Record<string, string>
  fetch?: FetchLike
}

/** POSTs each alert as JSON `{kind, tenant, problem, message, at[, resource]}` to a URL. */
export function createWebhookNotifier(options: WebhookNotifierOptions): Notifier {
  const url = new URL(options.url)
  const label = `webhook ${url.host}`
  return {
    name: label,
    secrets: [options.url, `${url.pathname}${url.search}`, url.password].filter((s) => s.length > 1),
    async send(message) {
      await postJson(options.url, message, {
        label,
        timeoutMs: options.timeoutMs ?? 5000,
        ...(options.headers ? { headers: options.headers } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      })
    },
  }
}

/** Options of `createTelegramNotifier`. */
export interface TelegramNotifierOptions {
  botToken: string
  chatId: string
  /** Default `https://api.telegram.org`. */
  apiUrl?: string
  timeoutMs?: number
  fetch?: FetchLike
}

/** Sends each alert's text to a Telegram chat through `<apiUrl>/bot<token>/sendMessage`. */
export function createTelegramNotifier(options: TelegramNotifierOptions): Notifier {
  const url = `${(options.apiUrl ?? 'https://api.telegram.org').replace(/\/+$/, '')}/bot${options.botToken}/sendMessage`
  return {
    name: 'telegram',
    secrets: [options.botToken],
    async send(message) {
      const body = { chat_id: options.chatId, text: message.message.slice(0, 4000), disable_web_page_preview: true }
      try {
        const answer = await postJson(url, body, {
          label: 'telegram',
          timeoutMs: options.timeoutMs ?? 5000,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        })
        if (!isOkAnswer(answer.text)) throw new NotifierError('telegram: answer did not say ok')
      } catch (error) {
        throw withDescription(error, options.botToken)
      }
    },
  }
}

/** Builds the notifiers the config asks for: a webhook and/or Telegram, in that order. */
export function createNotifiers(config: ObservabilityConfig, options: { fetch?: FetchLike } = {}): Notifier[] {
  const notifiers: Notifier[] = []
  const common = { timeoutMs: config.notifyTimeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}) }
  if (config.alertWebhookUrl) notifiers.push(createWebhookNotifier({ url: config.alertWebhookUrl, ...common }))
  if (config.telegram) notifiers.push(createTelegramNotifier({ ...config.telegram, ...common }))
  return notifiers
}

/** Options of `createAlertSender`. */
export interface AlertSenderOptions {
  notifiers: readonly Notifier[]
  logger: ObservabilityLogger
  /** More strings to keep out of alerts and logs (API tokens, passwords, hash keys). */
  secrets?: readonly string[]
}

/**
 * The sender the alert manager calls: redacts secrets, e-mails and phones from the message, sends it to every
 * notifier at once, logs each failure (redacted) and never throws. True when at least one notifier took it
 * (or when there is no notifier).
 */
export function createAlertSender(options: AlertSenderOptions): AlertSender {
  const redact = createRedactor([...(options.secrets ?? []), ...options.notifiers.flatMap((n) => n.secrets)])
  return async (message) => {
    if (options.notifiers.length === 0) return true
    const safe = redactMessage(message, redact)
    const results = await Promise.all(
      options.notifiers.map(async (notifier) => {
        try {
          await notifier.send(safe)
          return true
        } catch (error) {
          options.logger.warn('alert notifier failed', {
            notifier: redact(notifier.name),
            alert: safe.kind,
            tenant: safe.tenant,
            problem: safe.problem,
            error: redact(error instanceof Error ? error.message : String(error)),
          })
          return false
        }
      }),
    )
    return results.some(Boolean)
  }
}

function redactMessage(message: AlertMessage, redact: (text: string) => string): AlertMessage {
  const safe: AlertMessage = { ...message, tenant: redact(message.tenant), message: redact(message.message) }
  if (message.resource !== undefined) safe.resource = redact(message.resource)
  return safe
}

function isOkAnswer(text: string): boolean {
  try {
    return (JSON.parse(text) as { ok?: unknown }).ok === true
  } catch {
    return false
  }
}

/** Adds Telegram's short error description (`Bad Request: chat not found`) to a failed send, in safe characters. */
function withDescription(error: unknown, botToken: string): unknown {
  if (!(error instanceof NotifierError) || error.responseBody === undefined) return error
  let description: unknown
  try {
    description = (JSON.parse(error.responseBody) as { description?: unknown }).description
  } catch {
    return error
  }
  if (typeof description !== 'string') return error
  const safe = description.split(botToken).join('[redacted]').replace(/[^\w\s:.,'()[\]-]/g, '').slice(0, 120)
  return new NotifierError(`${error.message} (${safe})`, error.status)
}
