import { resolve } from 'node:path'
import { loadDotenv, type DotenvResult, type Env } from '../env/load-dotenv.js'
import type { LogLevel } from '../log/levels.js'
import { DEFAULTS, LIMITS } from './defaults.js'
import { envValue } from './env-value.js'
import { configFileDir, readConfigFile, type ConfigFile } from './read-config-file.js'
import { resolveApiClient } from './resolve-api-client.js'
import { defaultLockDir, resolveClickHouse } from './resolve-clickhouse.js'
import { resolveTenants, type TenantDefaults } from './resolve-tenants.js'
import { fileSecret } from './secret-value.js'
import type { RunnerConfig } from './types.js'
import { checkBaseUrl, checkLogLevel, checkString, checkTenantName, checkTimeZone, parsePositiveInt } from './validate.js'

/** Command-line flags that take part in configuration. */
export interface ConfigFlags {
  /** `--config <file>` (falls back to QTICKETS_CONFIG). */
  config?: string
  /** `--tenant <name>` values (repeatable or comma-separated). */
  tenant?: readonly string[]
  /** `--dry-run`. */
  dryRun?: boolean
  /** `--verbose`: log level debug. */
  verbose?: boolean
  /** `--quiet`: log level warn. */
  quiet?: boolean
}

/** Inputs of `loadConfig`. */
export interface LoadConfigOptions {
  flags?: ConfigFlags
  /** The process environment (never mutated). */
  env: Env
  /** Directory of `.env` and of relative paths given by flags and variables. */
  cwd: string
  /** Read `<cwd>/.env`; default true. */
  dotenv?: boolean
  /**
   * Default true: every selected tenant needs its token. False for commands that never call the QTickets API (`status`,
   * `sql`, `migrate`, `demo`): tenants whose token variable is unset are kept by name (`tenantNames`), not in `tenants`.
   */
  requireTokens?: boolean
  /** Log level when neither a flag, LOG_LEVEL nor the config file sets one (default `info`; `demo` uses `warn`). */
  defaultLogLevel?: LogLevel
}

/** Resolves the runner's configuration: flags > environment (and `.env`) > config file > defaults. Throws ConfigError/UsageError. */
export function loadConfig(options: LoadConfigOptions): RunnerConfig {
  const flags = options.flags ?? {}
  const dotenv: DotenvResult = options.dotenv === false ? { env: options.env, applied: [] } : loadDotenv({ env: options.env, cwd: options.cwd })
  const env = dotenv.env
  const configPath = flags.config ?? envValue(env, 'QTICKETS_CONFIG')
  const file = configPath === undefined ? undefined : readConfigFile(configPath, options.cwd)
  const fileSettings = file?.settings ?? {}
  const label = file ? `${file.label}: ` : ''

  const setting = <T>(envName: string, fileKey: keyof typeof fileSettings, check: (field: string, raw: unknown) => T): T | undefined => {
    const fromEnv = envValue(env, envName)
    if (fromEnv !== undefined) return check(envName, fromEnv)
    const fromFile = fileSettings[fileKey]
    return fromFile === undefined ? undefined : check(`${label}${String(fileKey)}`, fromFile)
  }
  const positive = (max: number) => (field: string, raw: unknown) => parsePositiveInt(field, raw, max)

  const tenantDefaults: TenantDefaults = {
    name: envValue(env, 'QTICKETS_TENANT') === undefined ? DEFAULTS.tenantName : checkTenantName('QTICKETS_TENANT', envValue(env, 'QTICKETS_TENANT')),
    baseUrl: setting('QTICKETS_BASE_URL', 'baseUrl', checkBaseUrl) ?? DEFAULTS.baseUrl,
    partnersBaseUrl: setting('QTICKETS_PARTNERS_BASE_URL', 'partnersBaseUrl', checkBaseUrl) ?? DEFAULTS.partnersBaseUrl,
    timeZone: setting('QTICKETS_TZ', 'timeZone', checkTimeZone) ?? DEFAULTS.timeZone,
    concurrency: setting('QTICKETS_CONCURRENCY', 'concurrency', positive(LIMITS.concurrency)) ?? DEFAULTS.concurrency,
  }
  const tenants = resolveTenants({ env, file, defaults: tenantDefaults, only: flags.tenant ?? [], requireTokens: options.requireTokens ?? true })
  const apiClient = resolveApiClient({ env, file })
  const clickhouse = resolveClickHouse({ env, file, cwd: options.cwd })
  const piiHashKey = resolvePiiHashKey(env, file)

  const config: RunnerConfig = {
    tenants: Object.keys(apiClient).length === 0 ? tenants.tenants : tenants.tenants.map((tenant) => ({ ...tenant, client: apiClient })),
    tenantNames: tenants.names,
    clickhouse: clickhouse.clickhouse,
    lagMinutes: setting('QTICKETS_LAG_MINUTES', 'lagMinutes', positive(LIMITS.lagMinutes)) ?? DEFAULTS.lagMinutes,
    initialDays: setting('QTICKETS_INITIAL_DAYS', 'initialDays', positive(LIMITS.initialDays)) ?? DEFAULTS.initialDays,
    reportTimeZone: setting('QTICKETS_REPORT_TZ', 'reportTimeZone', checkTimeZone) ?? DEFAULTS.reportTimeZone,
    logLevel: flagLogLevel(flags) ?? setting('LOG_LEVEL', 'logLevel', checkLogLevel) ?? options.defaultLogLevel ?? DEFAULTS.logLevel,
    dryRun: flags.dryRun ?? false,
    lockDir: resolveLockDir(env, file, options.cwd) ?? defaultLockDir(clickhouse.clickhouse),
    warnings: [...tenants.warnings, ...clickhouse.warnings],
  }
  if (tenants.noTenantsReason !== undefined) config.noTenantsReason = tenants.noTenantsReason
  if (piiHashKey) config.piiHashKey = piiHashKey.value
  if (file) config.configFile = file.path
  if (fileSettings.observability) config.observability = fileSettings.observability
  if (dotenv.path !== undefined) config.envFile = dotenv.path

  const literalSecrets = [...tenants.literalSecrets, ...clickhouse.literalSecrets, ...(piiHashKey?.literal ? ['piiHashKey'] : [])]
  if (file?.worldReadable && literalSecrets.length > 0) {
    config.warnings.push(
      `${file.label} is readable by every user and holds secrets (${literalSecrets.join(', ')}); run chmod 600 on it or use the *Env fields`,
    )
  }
  if (piiHashKey && piiHashKey.value.length < 16) config.warnings.push('PII_HASH_KEY is shorter than 16 characters; use a long random key')
  return config
}

function flagLogLevel(flags: ConfigFlags): LogLevel | undefined {
  if (flags.verbose) return 'debug'
  if (flags.quiet) return 'warn'
  return undefined
}

function resolvePiiHashKey(env: Env, file: ConfigFile | undefined) {
  const fromEnv = envValue(env, 'PII_HASH_KEY')
  if (fromEnv !== undefined) return { value: fromEnv, literal: false }
  if (!file) return undefined
  return fileSecret({ env, label: file.label, path: 'piiHashKey', literal: file.settings.piiHashKey, envName: file.settings.piiHashKeyEnv, kind: 'password' })
}

function resolveLockDir(env: Env, file: ConfigFile | undefined, cwd: string): string | undefined {
  const fromEnv = envValue(env, 'QTICKETS_LOCK_DIR')
  if (fromEnv !== undefined) return resolve(cwd, fromEnv)
  if (file?.settings.lockDir === undefined) return undefined
  return resolve(configFileDir(file), checkString(`${file.label}: lockDir`, file.settings.lockDir))
}
