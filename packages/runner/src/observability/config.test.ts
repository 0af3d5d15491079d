import { describe, expect, it } from 'vitest'
import { parseObservabilityConfig } from './config'

const TOKEN = '7012345678:AAH-fake_Token_For_Tests_0123456789'

describe('parseObservabilityConfig', () => {
  it('has defaults and no notifier when nothing is set', () => {
    expect(parseObservabilityConfig({ env: {} })).toEqual({
      alertWebhookUrl: undefined,
      telegram: undefined,
      maxRunAgeMinutes: 60,
      maxDataAgeMinutes: 180,
      alertStateFile: undefined,
      metricsFile: undefined,
      notifyTimeoutMs: 5000,
    })
  })

  it('reads every setting from the environment', () => {
    const config = parseObservabilityConfig({
      env: {
        QTICKETS_ALERT_WEBHOOK_URL: 'https://alerts.example.com/hook',
        QTICKETS_TELEGRAM_BOT_TOKEN: TOKEN,
        QTICKETS_TELEGRAM_CHAT_ID: '-100123',
        QTICKETS_MAX_RUN_AGE_MINUTES: '30',
        QTICKETS_MAX_DATA_AGE_MINUTES: ' 720 ',
        QTICKETS_ALERT_STATE_FILE: '/var/lib/qtickets-load/alerts.json',
        QTICKETS_ALERT_TIMEOUT_MS: '2000',
        QTICKETS_METRICS_FILE: '/tmp/env.prom',
      },
    })
    expect(config).toEqual({
      alertWebhookUrl: 'https://alerts.example.com/hook',
      telegram: { botToken: TOKEN, chatId: '-100123', apiUrl: 'https://api.telegram.org' },
      maxRunAgeMinutes: 30,
      maxDataAgeMinutes: 720,
      alertStateFile: '/var/lib/qtickets-load/alerts.json',
      metricsFile: '/tmp/env.prom',
      notifyTimeoutMs: 2000,
    })
  })

  it('lets flags override env, and env override config file settings', () => {
    const config = parseObservabilityConfig({
      env: { QTICKETS_MAX_RUN_AGE_MINUTES: '15', QTICKETS_METRICS_FILE: '/tmp/env.prom', QTICKETS_ALERT_STATE_FILE: '' },
      flags: { metricsFile: '/var/lib/node_exporter/textfile_collector/qtickets.prom' },
      settings: { maxRunAgeMinutes: 90, maxDataAgeMinutes: 240, alertStateFile: './alerts.json', telegramChatId: 42, telegramBotToken: TOKEN, telegramApiUrl: 'http://127.0.0.1:9/' },
    })
    expect(config.maxRunAgeMinutes).toBe(15)
    expect(config.maxDataAgeMinutes).toBe(240)
    expect(config.metricsFile).toBe('/var/lib/node_exporter/textfile_collector/qtickets.prom')
    expect(config.alertStateFile).toBe('./alerts.json')
    expect(config.telegram).toEqual({ botToken: TOKEN, chatId: '42', apiUrl: 'http://127.0.0.1:9' })
  })

  it.each([
    [{ QTICKETS_MAX_RUN_AGE_MINUTES: 'abc' }, 'QTICKETS_MAX_RUN_AGE_MINUTES must be a positive whole number of minutes, got "abc"'],
    [{ QTICKETS_MAX_DATA_AGE_MINUTES: '0' }, 'QTICKETS_MAX_DATA_AGE_MINUTES must be a positive whole number of minutes, got "0"'],
    [{ QTICKETS_MAX_DATA_AGE_MINUTES: '1.5' }, 'got "1.5"'],
    [{ QTICKETS_ALERT_TIMEOUT_MS: '600000' }, 'QTICKETS_ALERT_TIMEOUT_MS must be a positive whole number of milliseconds up to 120000, got "600000"'],
    [{ QTICKETS_METRICS_FILE: '/tmp/qtickets.txt' }, 'QTICKETS_METRICS_FILE must end in .prom'],
    [{ QTICKETS_TELEGRAM_CHAT_ID: '1' }, 'QTICKETS_TELEGRAM_BOT_TOKEN is required when QTICKETS_TELEGRAM_CHAT_ID is set'],
    [{ QTICKETS_TELEGRAM_BOT_TOKEN: TOKEN }, 'QTICKETS_TELEGRAM_CHAT_ID is required when QTICKETS_TELEGRAM_BOT_TOKEN is set'],
    [{ QTICKETS_TELEGRAM_BOT_TOKEN: TOKEN, QTICKETS_TELEGRAM_CHAT_ID: 'my chat' }, 'QTICKETS_TELEGRAM_CHAT_ID must be a numeric chat id or an @channel name, got "my chat"'],
    [{ QTICKETS_TELEGRAM_BOT_TOKEN: TOKEN, QTICKETS_TELEGRAM_CHAT_ID: '1', QTICKETS_TELEGRAM_API_URL: 'ftp://x' }, 'QTICKETS_TELEGRAM_API_URL must be an http(s) URL; got "ftp://x"'],
  ])('rejects %j naming the variable and value', (env, error) => {
    expect(() => parseObservabilityConfig({ env })).toThrow(error)
  })

  it('requires an alert state file once a notifier is configured', () => {
    expect(() => parseObservabilityConfig({ env: { QTICKETS_ALERT_WEBHOOK_URL: 'https://alerts.example.com/hook' } })).toThrow(
      'QTICKETS_ALERT_STATE_FILE is required when alerts are configured (QTICKETS_ALERT_WEBHOOK_URL or Telegram)',
    )
  })

  it('names the flag when --metrics-file is wrong', () => {
    expect(() => parseObservabilityConfig({ flags: { metricsFile: 'out.txt' } })).toThrow('--metrics-file must end in .prom')
  })

  it('never shows a bad bot token or webhook URL in its error', () => {
    const badToken = 'not-a-token-but-secret'
    expect(() => parseObservabilityConfig({ env: { QTICKETS_TELEGRAM_BOT_TOKEN: badToken, QTICKETS_TELEGRAM_CHAT_ID: '1' } })).toThrow(
      'QTICKETS_TELEGRAM_BOT_TOKEN does not look like a bot token (<digits>:<letters>); its value is not shown',
    )
    let message = ''
    try {
      parseObservabilityConfig({ env: { QTICKETS_ALERT_WEBHOOK_URL: 'hooks.example.com/secret-path' } })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe('QTICKETS_ALERT_WEBHOOK_URL must be an http(s) URL; its value is not shown')
  })

  it('rejects a config field of the wrong type, naming it', () => {
    expect(() => parseObservabilityConfig({ settings: { maxRunAgeMinutes: true as unknown as number } })).toThrow(
      'config field maxRunAgeMinutes must be a string or number, got boolean',
    )
    expect(() => parseObservabilityConfig({ settings: { maxRunAgeMinutes: -5 } })).toThrow(
      'config field maxRunAgeMinutes must be a positive whole number of minutes, got "-5"',
    )
  })
})
