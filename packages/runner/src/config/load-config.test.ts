import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDirs } from '../../test/support/temp-dirs.js'
import { ConfigError, UsageError } from '../errors.js'
import { configSecrets, envSecrets } from './config-secrets.js'
import { describeConfig } from './describe-config.js'
import { loadConfig } from './load-config.js'
import { requireTenants } from './require-tenants.js'

const TOKEN = 'qt-token-0123456789'
const ACME = 'acme-token-abcdef'
const GLOBEX = 'globex-token-literal'

const temp = tempDirs('runner-config-')
afterAll(() => temp.removeAll())

function tempDir(): string {
  return temp.make()
}

function writeJson(dir: string, name: string, value: unknown, mode = 0o600): string {
  const path = join(dir, name)
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2))
  chmodSync(path, mode)
  return path
}

const twoTenants = {
  lagMinutes: 5,
  timeZone: 'Europe/Moscow',
  clickhouse: { dataDir: 'data/ch', database: 'analytics' },
  tenants: [
    { name: 'acme', tokenEnv: 'ACME_TOKEN', partnersTokenEnv: 'ACME_PARTNERS' },
    { name: 'globex', token: GLOBEX, timeZone: 'Asia/Yekaterinburg', concurrency: 1, baseUrl: 'https://mock.test/api/rest/v1/' },
  ],
}

describe('loadConfig without a config file', () => {
  it('uses the defaults and reports why there is no tenant', () => {
    const cwd = tempDir()
    const config = loadConfig({ env: {}, cwd })
    expect(config).toMatchObject({
      tenants: [],
      noTenantsReason: expect.stringContaining('QTICKETS_TOKEN is not set'),
      clickhouse: { mode: 'embedded', database: 'zakaz', dataDir: join(cwd, '.clickhouse') },
      lagMinutes: 10,
      initialDays: 30,
      reportTimeZone: 'Europe/Moscow',
      logLevel: 'info',
      dryRun: false,
      lockDir: join(cwd, '.clickhouse', 'locks'),
      warnings: [],
    })
    expect(() => requireTenants(config)).toThrow(new ConfigError('no tenant to load: QTICKETS_TOKEN is not set (or list tenants in a config file, see --config)'))
  })

  it('builds the default tenant from the environment', () => {
    const env = {
      QTICKETS_TOKEN: ` ${TOKEN}\n`,
      QTICKETS_PARTNERS_TOKEN: 'partners-123456',
      QTICKETS_TZ: 'Asia/Novosibirsk',
      QTICKETS_REPORT_TZ: 'UTC',
      QTICKETS_LAG_MINUTES: '15',
      QTICKETS_INITIAL_DAYS: '7',
      QTICKETS_BASE_URL: 'http://127.0.0.1:9999/api/rest/v1/',
      CLICKHOUSE_DATABASE: 'zakaz_test',
      LOG_LEVEL: 'debug',
    }
    const config = loadConfig({ env, cwd: tempDir(), flags: { dryRun: true } })
    expect(config.tenants).toEqual([
      {
        name: 'default',
        token: TOKEN,
        tokenSource: 'env QTICKETS_TOKEN',
        partnersToken: 'partners-123456',
        partnersTokenSource: 'env QTICKETS_PARTNERS_TOKEN',
        baseUrl: 'http://127.0.0.1:9999/api/rest/v1',
        partnersBaseUrl: 'https://qtickets.ru/api/partners/v1',
        timeZone: 'Asia/Novosibirsk',
        concurrency: 2,
      },
    ])
    expect(config).toMatchObject({ lagMinutes: 15, initialDays: 7, reportTimeZone: 'UTC', logLevel: 'debug', dryRun: true })
    expect(config.clickhouse.database).toBe('zakaz_test')
  })

  it('names the default tenant after QTICKETS_TENANT', () => {
    const config = loadConfig({ env: { QTICKETS_TOKEN: TOKEN, QTICKETS_TENANT: 'acme' }, cwd: tempDir() })
    expect(config.tenants.map((tenant) => tenant.name)).toEqual(['acme'])
  })

  it('says an empty QTICKETS_TOKEN is empty', () => {
    const config = loadConfig({ env: { QTICKETS_TOKEN: '  ' }, cwd: tempDir() })
    expect(() => requireTenants(config)).toThrow('no tenant to load: QTICKETS_TOKEN is empty')
  })

  it('reads .env from the cwd without overriding the environment', () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, '.env'), `QTICKETS_TOKEN=${TOKEN}\nQTICKETS_LAG_MINUTES=20\nLOG_LEVEL=debug\n`)
    const config = loadConfig({ env: { LOG_LEVEL: 'warn' }, cwd })
    expect(config.tenants[0]?.token).toBe(TOKEN)
    expect(config.lagMinutes).toBe(20)
    expect(config.logLevel).toBe('warn')
    expect(config.envFile).toBe(join(cwd, '.env'))
    expect(loadConfig({ env: {}, cwd, dotenv: false }).tenants).toEqual([])
  })

  it('lets --verbose and --quiet override LOG_LEVEL', () => {
    const cwd = tempDir()
    expect(loadConfig({ env: { LOG_LEVEL: 'error' }, cwd, flags: { verbose: true } }).logLevel).toBe('debug')
    expect(loadConfig({ env: { LOG_LEVEL: 'debug' }, cwd, flags: { quiet: true } }).logLevel).toBe('warn')
  })

  it("uses a command's default log level only when neither a flag nor LOG_LEVEL sets one", () => {
    const cwd = tempDir()
    expect(loadConfig({ env: {}, cwd }).logLevel).toBe('info')
    expect(loadConfig({ env: {}, cwd, defaultLogLevel: 'warn' }).logLevel).toBe('warn')
    expect(loadConfig({ env: { LOG_LEVEL: 'info' }, cwd, defaultLogLevel: 'warn' }).logLevel).toBe('info')
    expect(loadConfig({ env: {}, cwd, defaultLogLevel: 'warn', flags: { verbose: true } }).logLevel).toBe('debug')
  })

  it('moves CLICKHOUSE_URL credentials out of the URL and locks in the temp dir', () => {
    const env = { CLICKHOUSE_URL: 'https://loader:p%40ss-w0rd@ch.example.com:8443/', CLICKHOUSE_CLUSTER: 'main' }
    const config = loadConfig({ env, cwd: tempDir() })
    expect(config.clickhouse).toMatchObject({
      mode: 'server',
      url: 'https://ch.example.com:8443',
      user: 'loader',
      password: 'p@ss-w0rd',
      cluster: 'main',
    })
    expect(config.lockDir).toBe(join(tmpdir(), 'qtickets-load-locks'))
    expect(configSecrets(config)).toContain('p@ss-w0rd')
  })

  it('prefers CLICKHOUSE_USER and CLICKHOUSE_PASSWORD over the URL, and warns about passwords over plain http', () => {
    const env = { CLICKHOUSE_URL: 'http://u:url-pass@ch.internal:8123', CLICKHOUSE_USER: 'loader', CLICKHOUSE_PASSWORD: 'env pass' }
    const config = loadConfig({ env, cwd: tempDir() })
    expect(config.clickhouse).toMatchObject({ user: 'loader', password: 'env pass' })
    expect(config.warnings).toEqual([expect.stringContaining('plain http to ch.internal')])
  })

  it('rejects bad values naming the variable and the value', () => {
    const cwd = tempDir()
    const cases: [Record<string, string>, string][] = [
      [{ QTICKETS_LAG_MINUTES: 'soon' }, 'QTICKETS_LAG_MINUTES must be a positive integer from 1 to 10080, got "soon"'],
      [{ QTICKETS_INITIAL_DAYS: '0' }, 'QTICKETS_INITIAL_DAYS must be a positive integer'],
      [{ QTICKETS_REPORT_TZ: 'Moscow' }, 'QTICKETS_REPORT_TZ is not an IANA time zone: "Moscow"'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error, got "loud"'],
      [{ CLICKHOUSE_DATABASE: 'my-db' }, 'CLICKHOUSE_DATABASE must be an identifier'],
      [{ CLICKHOUSE_URL: 'ch.example.com:8123' }, 'CLICKHOUSE_URL must be an http:// or https:// URL'],
      [{ QTICKETS_TENANT: 'ACME' }, 'QTICKETS_TENANT must match'],
    ]
    for (const [env, message] of cases) expect(() => loadConfig({ env, cwd }), message).toThrow(message)
  })

  it('never echoes a malformed token', () => {
    const bad = 'Bearer qt-secret-value-42'
    let message = ''
    try {
      loadConfig({ env: { QTICKETS_TOKEN: bad }, cwd: tempDir() })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe('QTICKETS_TOKEN must be the bare token, without the "Bearer " prefix')
  })
})

describe('loadConfig with a config file', () => {
  it('lists the tenants, with shared settings, per-tenant overrides and env precedence', () => {
    const dir = tempDir()
    const file = writeJson(dir, 'qtickets.json', twoTenants)
    const env = { ACME_TOKEN: ACME, ACME_PARTNERS: 'acme-partners-999', QTICKETS_LAG_MINUTES: '12' }
    const config = loadConfig({ env, cwd: tempDir(), flags: { config: file } })
    expect(config.configFile).toBe(file)
    expect(config.lagMinutes).toBe(12)
    expect(config.clickhouse).toMatchObject({ database: 'analytics', dataDir: join(dir, 'data/ch') })
    expect(config.lockDir).toBe(join(dir, 'data/ch', 'locks'))
    expect(config.tenants).toEqual([
      {
        name: 'acme',
        token: ACME,
        tokenSource: 'env ACME_TOKEN (tenants[0].tokenEnv)',
        partnersToken: 'acme-partners-999',
        partnersTokenSource: 'env ACME_PARTNERS (tenants[0].partnersTokenEnv)',
        baseUrl: 'https://qtickets.ru/api/rest/v1',
        partnersBaseUrl: 'https://qtickets.ru/api/partners/v1',
        timeZone: 'Europe/Moscow',
        concurrency: 2,
      },
      {
        name: 'globex',
        token: GLOBEX,
        tokenSource: 'config file (tenants[1].token)',
        baseUrl: 'https://mock.test/api/rest/v1',
        partnersBaseUrl: 'https://qtickets.ru/api/partners/v1',
        timeZone: 'Asia/Yekaterinburg',
        concurrency: 1,
      },
    ])
    expect(config.warnings).toEqual([])
  })

  it('passes the observability section through untouched', () => {
    const observability = { maxRunAgeMinutes: 30, alertWebhookUrl: 'https://hooks.test/x' }
    const file = writeJson(tempDir(), 'qtickets.json', { observability })
    expect(loadConfig({ env: {}, cwd: tempDir(), flags: { config: file } }).observability).toEqual(observability)
  })

  it('reads QTICKETS_CONFIG when --config is not given, relative to the cwd', () => {
    const dir = tempDir()
    writeJson(dir, 'tenants.json', { tenants: [{ name: 'solo', token: GLOBEX }] })
    expect(loadConfig({ env: { QTICKETS_CONFIG: 'tenants.json' }, cwd: dir }).tenants[0]?.name).toBe('solo')
  })

  it('selects tenants with --tenant, needing only their tokens, and suggests the closest name for a typo', () => {
    const file = writeJson(tempDir(), 'qtickets.json', twoTenants)
    const config = loadConfig({ env: {}, cwd: tempDir(), flags: { config: file, tenant: ['globex'] } })
    expect(config.tenants.map((tenant) => tenant.name)).toEqual(['globex'])
    const env = { ACME_TOKEN: ACME, ACME_PARTNERS: 'acme-partners-999' }
    expect(loadConfig({ env, cwd: tempDir(), flags: { config: file, tenant: ['globex,acme'] } }).tenants).toHaveLength(2)
    expect(() => loadConfig({ env, cwd: tempDir(), flags: { config: file, tenant: ['acme,glob3x'] } })).toThrow(
      new UsageError('unknown tenant "glob3x" (did you mean globex?)', 'configured tenants: acme, globex'),
    )
  })

  it('warns when a world-readable file holds a token, and when QTICKETS_TOKEN is ignored', () => {
    const file = writeJson(tempDir(), 'qtickets.json', twoTenants, 0o644)
    const env = { ACME_TOKEN: ACME, ACME_PARTNERS: 'acme-partners-999', QTICKETS_TOKEN: TOKEN }
    const config = loadConfig({ env, cwd: tempDir(), flags: { config: file } })
    expect(config.warnings).toHaveLength(2)
    expect(config.warnings[0]).toContain('QTICKETS_TOKEN is set but ignored')
    expect(config.warnings[1]).toContain('is readable by every user and holds secrets (tenants[1].token)')
    expect(config.warnings.join('\n')).not.toContain(GLOBEX)
  })

  it('falls back to QTICKETS_TOKEN when the file has no tenants key', () => {
    const file = writeJson(tempDir(), 'shared.json', { reportTimeZone: 'Asia/Omsk', initialDays: 90 })
    const config = loadConfig({ env: { QTICKETS_TOKEN: TOKEN }, cwd: tempDir(), flags: { config: file } })
    expect(config.tenants.map((tenant) => tenant.name)).toEqual(['default'])
    expect(config).toMatchObject({ reportTimeZone: 'Asia/Omsk', initialDays: 90 })
  })

  it('names the file, the field and the problem, never a secret', () => {
    const dir = tempDir()
    const cases: [unknown, Record<string, string>, string][] = [
      [{ tenants: [{ name: 'acme', tokenEnv: 'ACME_TOKEN' }, { name: 'globex' }] }, { ACME_TOKEN: ACME }, 'bad.json: tenants[1].token is missing'],
      [{ tenants: [{ name: 'acme', tokenEnv: 'ACME_TOKEN' }] }, {}, 'bad.json: tenants[0].tokenEnv names ACME_TOKEN, which is not set'],
      [{ tenants: [{ name: 'acme', tokenEnv: 'ACME_TOKEN' }] }, { ACME_TOKEN: '' }, 'ACME_TOKEN (from tenants[0].tokenEnv) is empty'],
      [{ tenants: [{ name: 'acme', token: GLOBEX, tokenEnv: 'X' }] }, {}, 'bad.json: set either tenants[0].token or tenants[0].tokenEnv, not both'],
      [{ tenants: [{ name: 'Acme Corp', token: GLOBEX }] }, {}, 'bad.json: tenants[0].name must match'],
      [{ tenants: [{ name: 'a', token: GLOBEX }, { name: 'a', token: GLOBEX }] }, {}, 'bad.json: tenants[1].name "a" is already used by tenants[0]'],
      [{ tenants: [{ name: 'a', token: GLOBEX, timeZone: 'Europe/Kiev2' }] }, {}, 'bad.json: tenants[0].timeZone is not an IANA time zone: "Europe/Kiev2"'],
      [{ tenants: [{ name: 'a', token: GLOBEX, concurrency: 0 }] }, {}, 'bad.json: tenants[0].concurrency must be a positive integer'],
      [{ tenants: [{ name: 'a', tokenEnvv: 'X' }] }, {}, 'bad.json: tenants[0].tokenEnvv is not a known setting (did you mean tenants[0].tokenEnv?)'],
      [{ lagMinute: 5 }, {}, 'bad.json: lagMinute is not a known setting (did you mean lagMinutes?)'],
      [{ clickhouse: { pasword: 'x' } }, {}, 'bad.json: clickhouse.pasword is not a known setting (did you mean clickhouse.password?)'],
      [{ lagMinutes: '5m' }, {}, 'bad.json: lagMinutes must be a positive integer from 1 to 10080, got "5m"'],
      [{ tenants: [] }, {}, 'bad.json: tenants is empty'],
      [{ tenants: {} }, {}, 'bad.json: tenants must be an array'],
      [[1, 2], {}, 'bad.json: the top level must be a JSON object'],
    ]
    for (const [content, env, message] of cases) {
      writeJson(dir, 'bad.json', content)
      let thrown: unknown
      try {
        loadConfig({ env, cwd: dir, flags: { config: 'bad.json' } })
      } catch (error) {
        thrown = error
      }
      expect(thrown, message).toBeInstanceOf(ConfigError)
      expect((thrown as Error).message, message).toContain(message)
      expect((thrown as Error).message).not.toContain(GLOBEX)
      expect((thrown as Error).message).not.toContain(ACME)
    }
  })

  it('reports invalid JSON by position without quoting the content', () => {
    const dir = tempDir()
    writeJson(dir, 'broken.json', `{ "tenants": [ { "name": "a", "token": ${GLOBEX} } ] }`)
    expect(() => loadConfig({ env: {}, cwd: dir, flags: { config: 'broken.json' } })).toThrow(/^config file broken\.json is not valid JSON/)
    expect(() => loadConfig({ env: {}, cwd: dir, flags: { config: 'broken.json' } })).not.toThrow(new RegExp(GLOBEX))
    writeJson(dir, 'broken.json', '{\n  "lagMinutes": 5\n  "initialDays": 3\n}')
    expect(() => loadConfig({ env: {}, cwd: dir, flags: { config: 'broken.json' } })).toThrow('config file broken.json is not valid JSON at line 3, column 3')
    expect(() => loadConfig({ env: {}, cwd: dir, flags: { config: 'missing.json' } })).toThrow('config file missing.json does not exist')
  })
})

describe('describeConfig', () => {
  it('shows where secrets come from but never their values', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'x'))
    const file = writeJson(dir, 'qtickets.json', { ...twoTenants, piiHashKey: 'pii-key-0123456789abcdef', clickhouse: { url: 'https://u:chpass-123@ch.test' } })
    const config = loadConfig({ env: { ACME_TOKEN: ACME, ACME_PARTNERS: 'acme-partners-999' }, cwd: dir, flags: { config: file } })
    const description = describeConfig(config)
    const text = JSON.stringify(description)
    for (const secret of configSecrets(config)) expect(text).not.toContain(secret)
    expect(configSecrets(config)).toEqual(expect.arrayContaining([ACME, GLOBEX, 'acme-partners-999', 'pii-key-0123456789abcdef', 'chpass-123']))
    expect(description).toMatchObject({
      tenants: [
        { name: 'acme', token: 'set (env ACME_TOKEN (tenants[0].tokenEnv))', partnersToken: 'set (env ACME_PARTNERS (tenants[0].partnersTokenEnv))' },
        { name: 'globex', token: 'set (config file (tenants[1].token))', partnersToken: 'not set' },
      ],
      clickhouse: { mode: 'server', url: 'https://ch.test', user: 'u', password: 'set' },
      piiHashKey: 'set',
    })
  })
})

describe('envSecrets', () => {
  it('collects secret-named variables and the CLICKHOUSE_URL password', () => {
    const secrets = envSecrets({ ACME_TOKEN: ACME, PII_HASH_KEY: 'k-123456', HOME: '/home/x', CLICKHOUSE_URL: 'http://u:pw-1234@h' })
    expect(secrets).toEqual(expect.arrayContaining([ACME, 'k-123456', 'pw-1234']))
    expect(secrets).not.toContain('/home/x')
  })
})

describe('API client settings', () => {
  it('reads the retry, breaker and timeout knobs from the environment over the config file, for every tenant', () => {
    const file = writeJson(tempDir(), 'qtickets.json', { ...twoTenants, retryAttempts: 3, breakerFailures: 7, breakerHalfOpenSeconds: 45 })
    const env = { ACME_TOKEN: ACME, ACME_PARTNERS: 'acme-partners-999', QTICKETS_BREAKER_FAILURES: '2', QTICKETS_REQUEST_TIMEOUT_SECONDS: ' 15 ' }
    const config = loadConfig({ env, cwd: tempDir(), flags: { config: file } })
    const expected = { retryAttempts: 3, breakerFailures: 2, breakerHalfOpenSeconds: 45, requestTimeoutSeconds: 15 }
    expect(config.tenants.map((tenant) => tenant.client)).toEqual([expected, expected])
    expect(describeConfig(config)).toMatchObject({ tenants: [{ name: 'acme', client: expected }, { name: 'globex', client: expected }] })
  })

  it("leaves the tenants' clients to the SDK's defaults when no knob is set", () => {
    const config = loadConfig({ env: { QTICKETS_TOKEN: TOKEN }, cwd: tempDir() })
    expect(config.tenants[0]).not.toHaveProperty('client')
  })

  it('rejects bad values naming the variable or field and the value', () => {
    const dir = tempDir()
    expect(() => loadConfig({ env: { QTICKETS_TOKEN: TOKEN, QTICKETS_RETRY_ATTEMPTS: '0' }, cwd: dir })).toThrow(
      new ConfigError('QTICKETS_RETRY_ATTEMPTS must be a positive integer from 1 to 10, got "0"'),
    )
    expect(() => loadConfig({ env: { QTICKETS_TOKEN: TOKEN, QTICKETS_BREAKER_HALF_OPEN_SECONDS: '30s' }, cwd: dir })).toThrow(
      'QTICKETS_BREAKER_HALF_OPEN_SECONDS must be a positive integer from 1 to 3600, got "30s"',
    )
    writeJson(dir, 'bad.json', { requestTimeoutSeconds: 9000 })
    expect(() => loadConfig({ env: {}, cwd: dir, flags: { config: 'bad.json' } })).toThrow('bad.json: requestTimeoutSeconds must be a positive integer from 1 to 600, got 9000')
    writeJson(dir, 'bad.json', { breakerFailure: 3 })
    expect(() => loadConfig({ env: {}, cwd: dir, flags: { config: 'bad.json' } })).toThrow('bad.json: breakerFailure is not a known setting (did you mean breakerFailures?)')
  })
})

describe('loadConfig with requireTokens: false (commands that never call the API)', () => {
  it('keeps configured tenants whose token variables are unset by name, and still resolves the tokens that are set', () => {
    const file = writeJson(tempDir(), 'qtickets.json', twoTenants)
    expect(() => loadConfig({ env: {}, cwd: tempDir(), flags: { config: file } })).toThrow('tenants[0].tokenEnv names ACME_TOKEN, which is not set')
    const config = loadConfig({ env: {}, cwd: tempDir(), flags: { config: file }, requireTokens: false })
    expect(config.tenantNames).toEqual(['acme', 'globex'])
    expect(config.tenants.map((tenant) => tenant.name)).toEqual(['globex'])
    expect(configSecrets(config)).toContain(GLOBEX)
    const acmeOnly = loadConfig({ env: {}, cwd: tempDir(), flags: { config: file, tenant: ['acme'] }, requireTokens: false })
    expect(acmeOnly).toMatchObject({ tenants: [], tenantNames: ['acme'] })
    expect(() => loadConfig({ env: {}, cwd: tempDir(), flags: { config: file, tenant: ['acmee'] }, requireTokens: false })).toThrow(
      new UsageError('unknown tenant "acmee" (did you mean acme?)', 'configured tenants: acme, globex'),
    )
  })

  it('still rejects a token that is set but malformed, without echoing it', () => {
    const file = writeJson(tempDir(), 'qtickets.json', twoTenants)
    expect(() => loadConfig({ env: { ACME_TOKEN: 'Bearer acme-secret-42' }, cwd: tempDir(), flags: { config: file }, requireTokens: false })).toThrow(
      'ACME_TOKEN (from tenants[0].tokenEnv) must be the bare token, without the "Bearer " prefix',
    )
  })

  it('takes the --tenant names as given when no tenant is configured at all', () => {
    const cwd = tempDir()
    expect(() => loadConfig({ env: {}, cwd, flags: { tenant: ['acme'] } })).toThrow('unknown tenant "acme": no tenant is configured (QTICKETS_TOKEN is not set')
    const config = loadConfig({ env: {}, cwd, flags: { tenant: ['acme,globex', 'acme'] }, requireTokens: false })
    expect(config).toMatchObject({ tenants: [], tenantNames: ['acme', 'globex'], noTenantsReason: expect.stringContaining('QTICKETS_TOKEN is not set') })
    expect(loadConfig({ env: {}, cwd, requireTokens: false }).tenantNames).toEqual([])
    expect(() => loadConfig({ env: {}, cwd, flags: { tenant: ['Acme Corp'] }, requireTokens: false })).toThrow(UsageError)
  })

  it('lists the same names as the tenants when every token is set', () => {
    const config = loadConfig({ env: { QTICKETS_TOKEN: TOKEN, QTICKETS_TENANT: 'acme' }, cwd: tempDir(), requireTokens: false })
    expect(config.tenants.map((tenant) => tenant.name)).toEqual(['acme'])
    expect(config.tenantNames).toEqual(['acme'])
  })
})
