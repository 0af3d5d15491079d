import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors.js'
import {
  checkHttpUrl,
  checkIdentifier,
  checkLogLevel,
  checkSecret,
  checkTenantName,
  checkTimeZone,
  parsePositiveInt,
} from './validate.js'

describe('parsePositiveInt', () => {
  it('accepts numbers and decimal strings within bounds', () => {
    expect(parsePositiveInt('QTICKETS_LAG_MINUTES', '15', 100)).toBe(15)
    expect(parsePositiveInt('lagMinutes', 7, 100)).toBe(7)
  })

  it('names the field and the bad value', () => {
    for (const bad of ['0', '-3', '1.5', '1e3', 'ten', '', 101, 2.5]) {
      expect(() => parsePositiveInt('QTICKETS_LAG_MINUTES', bad, 100)).toThrow(ConfigError)
    }
    expect(() => parsePositiveInt('QTICKETS_LAG_MINUTES', 'ten', 100)).toThrow(
      'QTICKETS_LAG_MINUTES must be a positive integer from 1 to 100, got "ten"',
    )
  })
})

describe('checkTimeZone', () => {
  it('accepts IANA zones and suggests a fix for a typo', () => {
    expect(checkTimeZone('QTICKETS_TZ', 'Asia/Yekaterinburg')).toBe('Asia/Yekaterinburg')
    expect(checkTimeZone('QTICKETS_TZ', 'UTC')).toBe('UTC')
    expect(() => checkTimeZone('QTICKETS_TZ', 'Europe/Mscow')).toThrow(
      'QTICKETS_TZ is not an IANA time zone: "Europe/Mscow" (did you mean Europe/Moscow?)',
    )
    expect(() => checkTimeZone('QTICKETS_TZ', '+03:00')).toThrow(/QTICKETS_TZ is not an IANA time zone: "\+03:00"/)
  })
})

describe('checkTenantName', () => {
  it('accepts lowercase slugs and rejects the rest', () => {
    expect(checkTenantName('tenants[0].name', 'acme-events_2')).toBe('acme-events_2')
    for (const bad of ['Acme', '-acme', 'a b', '../etc', 'x'.repeat(64), '']) {
      expect(() => checkTenantName('tenants[0].name', bad)).toThrow(/tenants\[0\]\.name/)
    }
  })
})

describe('checkHttpUrl', () => {
  it('accepts http(s) and never shows a password in the error', () => {
    expect(checkHttpUrl('CLICKHOUSE_URL', 'http://localhost:8123').host).toBe('localhost:8123')
    expect(() => checkHttpUrl('CLICKHOUSE_URL', 'ftp://u:hunter22@x')).toThrow('CLICKHOUSE_URL must be an http:// or https:// URL')
    expect(() => checkHttpUrl('CLICKHOUSE_URL', 'ftp://u:hunter22@x')).not.toThrow(/hunter22/)
    expect(() => checkHttpUrl('CLICKHOUSE_URL', 'not a url')).toThrow('CLICKHOUSE_URL is not a valid URL: "not a url"')
  })
})

describe('checkIdentifier', () => {
  it('rejects names that would need quoting', () => {
    expect(checkIdentifier('CLICKHOUSE_DATABASE', 'zakaz_test')).toBe('zakaz_test')
    expect(() => checkIdentifier('CLICKHOUSE_DATABASE', 'za; DROP')).toThrow('CLICKHOUSE_DATABASE must be an identifier')
  })
})

describe('checkSecret', () => {
  it('trims, and rejects empty, prefixed or broken tokens without echoing them', () => {
    expect(checkSecret('QTICKETS_TOKEN', '  abc123\n')).toBe('abc123')
    expect(() => checkSecret('QTICKETS_TOKEN', '   ')).toThrow('QTICKETS_TOKEN is empty')
    expect(() => checkSecret('QTICKETS_TOKEN', 'Bearer abc123')).toThrow('QTICKETS_TOKEN must be the bare token')
    expect(() => checkSecret('tenants[1].token', 'abc 123')).toThrow('tenants[1].token contains whitespace')
    expect(() => checkSecret('tenants[1].token', 'abc 123')).not.toThrow(/abc/)
  })
})

describe('checkLogLevel', () => {
  it('lists the valid levels', () => {
    expect(checkLogLevel('LOG_LEVEL', 'warn')).toBe('warn')
    expect(() => checkLogLevel('LOG_LEVEL', 'verbose')).toThrow('LOG_LEVEL must be one of debug, info, warn, error, got "verbose"')
  })
})
