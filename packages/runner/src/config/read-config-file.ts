import { readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { closestMatch } from '../util/closest-match.js'

/** A tenant entry of the config file, values not yet validated. */
export interface FileTenant {
  name?: unknown
  token?: unknown
  tokenEnv?: unknown
  baseUrl?: unknown
  partnersToken?: unknown
  partnersTokenEnv?: unknown
  partnersBaseUrl?: unknown
  timeZone?: unknown
  concurrency?: unknown
}

/** The `clickhouse` section of the config file, values not yet validated. */
export interface FileClickHouse {
  url?: unknown
  user?: unknown
  password?: unknown
  passwordEnv?: unknown
  database?: unknown
  dataDir?: unknown
  cluster?: unknown
}

/** The config file's content, checked for shape and unknown keys (values are validated when resolved). */
export interface FileSettings {
  baseUrl?: unknown
  partnersBaseUrl?: unknown
  timeZone?: unknown
  reportTimeZone?: unknown
  lagMinutes?: unknown
  initialDays?: unknown
  concurrency?: unknown
  retryAttempts?: unknown
  breakerFailures?: unknown
  breakerHalfOpenSeconds?: unknown
  requestTimeoutSeconds?: unknown
  logLevel?: unknown
  lockDir?: unknown
  piiHashKey?: unknown
  piiHashKeyEnv?: unknown
  clickhouse?: FileClickHouse
  tenants?: FileTenant[]
  /** Monitoring and alerting settings, validated by the observability module, not here. */
  observability?: Record<string, unknown>
}

/** A config file that was read. */
export interface ConfigFile {
  /** Absolute path. */
  path: string
  /** The path as the user gave it, for messages. */
  label: string
  settings: FileSettings
  /** Whether users other than the owner can read it (POSIX mode bit o+r). */
  worldReadable: boolean
}

/** The keys a config file may hold: at the top level, in `clickhouse` and in each tenant. */
export const CONFIG_FILE_KEYS = {
  top: ['$schema', 'baseUrl', 'partnersBaseUrl', 'timeZone', 'reportTimeZone', 'lagMinutes', 'initialDays', 'concurrency', 'retryAttempts', 'breakerFailures', 'breakerHalfOpenSeconds', 'requestTimeoutSeconds', 'logLevel', 'lockDir', 'piiHashKey', 'piiHashKeyEnv', 'clickhouse', 'tenants', 'observability'],
  clickhouse: ['url', 'user', 'password', 'passwordEnv', 'database', 'dataDir', 'cluster'],
  tenant: ['name', 'token', 'tokenEnv', 'baseUrl', 'partnersToken', 'partnersTokenEnv', 'partnersBaseUrl', 'timeZone', 'concurrency'],
} as const
const TOP_KEYS: readonly string[] = CONFIG_FILE_KEYS.top
const CLICKHOUSE_KEYS: readonly string[] = CONFIG_FILE_KEYS.clickhouse
const TENANT_KEYS: readonly string[] = CONFIG_FILE_KEYS.tenant

/** Reads and shape-checks a JSON config file; errors name the file and the field, and never quote its content. */
export function readConfigFile(path: string, cwd: string): ConfigFile {
  const absolute = resolve(cwd, path)
  const text = readText(absolute, path)
  const data = parseJson(text, path)
  checkObject(data, path, 'the top level')
  checkKeys(data, TOP_KEYS, path, '')
  if (data.clickhouse !== undefined) {
    checkObject(data.clickhouse, path, 'clickhouse')
    checkKeys(data.clickhouse, CLICKHOUSE_KEYS, path, 'clickhouse.')
  }
  if (data.observability !== undefined) checkObject(data.observability, path, 'observability')
  if (data.tenants !== undefined) {
    if (!Array.isArray(data.tenants)) throw new ConfigError(`${path}: tenants must be an array of tenant objects`)
    data.tenants.forEach((tenant: unknown, index: number) => {
      checkObject(tenant, path, `tenants[${index}]`)
      checkKeys(tenant, TENANT_KEYS, path, `tenants[${index}].`)
    })
  }
  return { path: absolute, label: path, settings: data as FileSettings, worldReadable: isWorldReadable(absolute) }
}

/** The directory relative paths in the file are resolved against. */
export function configFileDir(file: ConfigFile): string {
  return dirname(file.path)
}

function readText(absolute: string, label: string): string {
  try {
    return readFileSync(absolute, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new ConfigError(`config file ${label} does not exist`)
    throw new ConfigError(`config file ${label} cannot be read (${code ?? 'unknown error'})`)
  }
}

function parseJson(text: string, label: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    // V8's message may quote the file's content (a token), so only the position is reported.
    const position = /at position (\d+)/.exec(String((error as Error).message))?.[1]
    const where = position === undefined ? '' : ` at ${lineAndColumn(text, Number(position))}`
    throw new ConfigError(`config file ${label} is not valid JSON${where}`)
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n')
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`
}

function checkObject(value: unknown, label: string, where: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${label}: ${where} must be a JSON object`)
  }
}

function checkKeys(object: Record<string, unknown>, known: readonly string[], label: string, prefix: string): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue
    const suggestion = closestMatch(key, known)
    throw new ConfigError(`${label}: ${prefix}${key} is not a known setting${suggestion ? ` (did you mean ${prefix}${suggestion}?)` : ''}`)
  }
}

function isWorldReadable(path: string): boolean {
  if (process.platform === 'win32') return false
  return (statSync(path).mode & 0o004) !== 0
}
