/** Telegram bot settings; the token is a secret (it is part of the API URL). */
export interface TelegramConfig {
  botToken: string
  chatId: string
  /** Bot API base URL, default `https://api.telegram.org` (tests point it to loopback). */
  apiUrl: string
}

/** Monitoring and alerting settings of the runner. */
export interface ObservabilityConfig {
  /** Generic JSON webhook for alerts (may itself hold a secret in its path). */
  alertWebhookUrl: string | undefined
  telegram: TelegramConfig | undefined
  /** `status` is unhealthy when the last successful run is older than this (default 60). */
  maxRunAgeMinutes: number
  /** `status` is unhealthy when the newest paid order is older than this (default 180). */
  maxDataAgeMinutes: number
  /** Where the alert manager remembers open problems between runs; no alerting state without it. */
  alertStateFile: string | undefined
  /** Prometheus textfile to write after each run (`--metrics-file`). */
  metricsFile: string | undefined
  /** Timeout of each notifier request (default 5000 ms). */
  notifyTimeoutMs: number
}

/** The same settings as a config file object holds them (camelCase); env and flags override them. */
export interface ObservabilitySettings {
  alertWebhookUrl?: string
  telegramBotToken?: string
  telegramChatId?: string | number
  telegramApiUrl?: string
  maxRunAgeMinutes?: number | string
  maxDataAgeMinutes?: number | string
  alertStateFile?: string
  metricsFile?: string
  notifyTimeoutMs?: number | string
}

/** Where `parseObservabilityConfig` reads from, by precedence: flags, then env, then settings. */
export interface ObservabilityConfigSources {
  env?: Readonly<Record<string, string | undefined>>
  flags?: { metricsFile?: string }
  settings?: ObservabilitySettings
}

/** The environment variables the observability settings read. */
export const OBSERVABILITY_ENV = {
  alertWebhookUrl: 'QTICKETS_ALERT_WEBHOOK_URL',
  telegramBotToken: 'QTICKETS_TELEGRAM_BOT_TOKEN',
  telegramChatId: 'QTICKETS_TELEGRAM_CHAT_ID',
  telegramApiUrl: 'QTICKETS_TELEGRAM_API_URL',
  maxRunAgeMinutes: 'QTICKETS_MAX_RUN_AGE_MINUTES',
  maxDataAgeMinutes: 'QTICKETS_MAX_DATA_AGE_MINUTES',
  alertStateFile: 'QTICKETS_ALERT_STATE_FILE',
  metricsFile: 'QTICKETS_METRICS_FILE',
  notifyTimeoutMs: 'QTICKETS_ALERT_TIMEOUT_MS',
} as const satisfies Record<keyof ObservabilitySettings, string>

type Key = keyof ObservabilitySettings

/** A value and the name of where it came from, for error messages. */
interface Found {
  value: string
  from: string
}

/** Reads and checks the observability settings; errors name the variable (or flag, or field) and the bad value. */
export function parseObservabilityConfig(sources: ObservabilityConfigSources = {}): ObservabilityConfig {
  const find = (key: Key): Found | undefined => lookup(sources, key)
  const config: ObservabilityConfig = {
    alertWebhookUrl: optional(find('alertWebhookUrl'), (f) => httpUrl(f, { secret: true })),
    telegram: telegramConfig(find),
    maxRunAgeMinutes: optional(find('maxRunAgeMinutes'), (f) => positiveInteger(f, 'minutes')) ?? 60,
    maxDataAgeMinutes: optional(find('maxDataAgeMinutes'), (f) => positiveInteger(f, 'minutes')) ?? 180,
    alertStateFile: find('alertStateFile')?.value,
    metricsFile: optional(find('metricsFile'), promFile),
    notifyTimeoutMs: optional(find('notifyTimeoutMs'), (f) => positiveInteger(f, 'milliseconds', 120_000)) ?? 5000,
  }
  if ((config.alertWebhookUrl || config.telegram) && !config.alertStateFile) {
    throw new Error(
      `${OBSERVABILITY_ENV.alertStateFile} is required when alerts are configured ` +
        `(${OBSERVABILITY_ENV.alertWebhookUrl} or Telegram): without it every run would repeat the same alert`,
    )
  }
  return config
}

function lookup(sources: ObservabilityConfigSources, key: Key): Found | undefined {
  if (key === 'metricsFile' && nonEmpty(sources.flags?.metricsFile)) {
    return { value: sources.flags?.metricsFile as string, from: '--metrics-file' }
  }
  const name = OBSERVABILITY_ENV[key]
  const fromEnv = sources.env?.[name]
  if (nonEmpty(fromEnv)) return { value: fromEnv.trim(), from: name }
  const fromSettings = sources.settings?.[key]
  if (typeof fromSettings === 'number') return { value: String(fromSettings), from: `config field ${key}` }
  if (nonEmpty(fromSettings)) return { value: fromSettings.trim(), from: `config field ${key}` }
  if (fromSettings !== undefined && typeof fromSettings !== 'string') {
    throw new Error(`config field ${key} must be a string or number, got ${typeof fromSettings}`)
  }
  return undefined
}

function telegramConfig(find: (key: Key) => Found | undefined): TelegramConfig | undefined {
  const token = find('telegramBotToken')
  const chat = find('telegramChatId')
  if (!token && !chat) return undefined
  if (!token) throw new Error(`${OBSERVABILITY_ENV.telegramBotToken} is required when ${chat?.from} is set`)
  if (!chat) throw new Error(`${OBSERVABILITY_ENV.telegramChatId} is required when ${token.from} is set`)
  if (!/^\d+:[A-Za-z0-9_-]+$/.test(token.value)) {
    throw new Error(`${token.from} does not look like a bot token (<digits>:<letters>); its value is not shown`)
  }
  if (!/^(-?\d+|@[A-Za-z][A-Za-z0-9_]{3,})$/.test(chat.value)) {
    throw new Error(`${chat.from} must be a numeric chat id or an @channel name, got ${JSON.stringify(chat.value)}`)
  }
  const api = find('telegramApiUrl')
  const apiUrl = api ? httpUrl(api, { secret: false }) : 'https://api.telegram.org'
  return { botToken: token.value, chatId: chat.value, apiUrl: apiUrl.replace(/\/+$/, '') }
}

function httpUrl(found: Found, { secret }: { secret: boolean }): string {
  let url: URL | undefined
  try {
    url = new URL(found.value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    const shown = secret ? 'its value is not shown' : `got ${JSON.stringify(found.value)}`
    throw new Error(`${found.from} must be an http(s) URL; ${shown}`)
  }
  return found.value
}

function positiveInteger(found: Found, unit: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(found.value)
  if (!/^\d+$/.test(found.value) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? '' : ` up to ${max}`
    throw new Error(`${found.from} must be a positive whole number of ${unit}${range}, got ${JSON.stringify(found.value)}`)
  }
  return value
}

function promFile(found: Found): string {
  if (!found.value.endsWith('.prom')) {
    throw new Error(
      `${found.from} must end in .prom (node_exporter's textfile collector reads only *.prom files), ` +
        `got ${JSON.stringify(found.value)}`,
    )
  }
  return found.value
}

function optional<T>(found: Found | undefined, parse: (found: Found) => T): T | undefined {
  return found === undefined ? undefined : parse(found)
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}
