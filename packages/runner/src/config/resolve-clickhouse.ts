import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Env } from '../env/load-dotenv.js'
import { DEFAULTS } from './defaults.js'
import { envValue } from './env-value.js'
import { configFileDir, type ConfigFile } from './read-config-file.js'
import { fileSecret } from './secret-value.js'
import type { ClickHouseConfig } from './types.js'
import { checkClusterName, checkHttpUrl, checkIdentifier, checkString } from './validate.js'

/** ClickHouse settings plus what the loader should warn about. */
export interface ResolvedClickHouse {
  clickhouse: ClickHouseConfig
  literalSecrets: string[]
  warnings: string[]
}

/** ClickHouse settings: CLICKHOUSE_* variables > the file's `clickhouse` section > defaults; URL credentials move to user/password. */
export function resolveClickHouse(options: { env: Env; file?: ConfigFile; cwd: string }): ResolvedClickHouse {
  const { env, file, cwd } = options
  const section = file?.settings.clickhouse ?? {}
  const label = file?.label ?? ''
  const result: ResolvedClickHouse = { clickhouse: { mode: 'embedded', database: DEFAULTS.database, dataDir: '' }, literalSecrets: [], warnings: [] }
  const ch = result.clickhouse

  const envUrl = envValue(env, 'CLICKHOUSE_URL')
  const rawUrl = envUrl ?? section.url
  let urlUser: string | undefined
  let urlPassword: string | undefined
  if (rawUrl !== undefined) {
    const url = checkHttpUrl(envUrl !== undefined ? 'CLICKHOUSE_URL' : `${label}: clickhouse.url`, rawUrl)
    urlUser = url.username === '' ? undefined : decodeURIComponent(url.username)
    urlPassword = url.password === '' ? undefined : decodeURIComponent(url.password)
    url.username = ''
    url.password = ''
    ch.mode = 'server'
    ch.url = url.href.replace(/\/+$/, '')
    if (urlPassword !== undefined && url.protocol === 'http:' && !isLoopback(url.hostname)) {
      result.warnings.push(`CLICKHOUSE_URL sends a password over plain http to ${url.hostname}; prefer https`)
    }
  }

  const user = envValue(env, 'CLICKHOUSE_USER') ?? (section.user === undefined ? undefined : checkString(`${label}: clickhouse.user`, section.user)) ?? urlUser
  if (user !== undefined) ch.user = user

  const password = resolvePassword(env, label, section.password, section.passwordEnv) ?? (urlPassword === undefined ? undefined : { value: urlPassword, literal: false })
  if (password) {
    ch.password = password.value
    if (password.literal) result.literalSecrets.push('clickhouse.password')
  }

  const database = envValue(env, 'CLICKHOUSE_DATABASE')
  if (database !== undefined) ch.database = checkIdentifier('CLICKHOUSE_DATABASE', database)
  else if (section.database !== undefined) ch.database = checkIdentifier(`${label}: clickhouse.database`, section.database)

  const envDataDir = envValue(env, 'CLICKHOUSE_DATA_DIR')
  if (envDataDir !== undefined) ch.dataDir = resolve(cwd, envDataDir)
  else if (file && section.dataDir !== undefined) ch.dataDir = resolve(configFileDir(file), checkString(`${label}: clickhouse.dataDir`, section.dataDir))
  else ch.dataDir = resolve(cwd, DEFAULTS.dataDir)

  const cluster = envValue(env, 'CLICKHOUSE_CLUSTER')
  if (cluster !== undefined) ch.cluster = checkClusterName('CLICKHOUSE_CLUSTER', cluster)
  else if (section.cluster !== undefined) ch.cluster = checkClusterName(`${label}: clickhouse.cluster`, section.cluster)

  return result
}

/** The default lock directory: beside the embedded data, or in the temp dir when ClickHouse is a server. */
export function defaultLockDir(clickhouse: ClickHouseConfig): string {
  return clickhouse.mode === 'embedded' ? join(clickhouse.dataDir, DEFAULTS.lockDirName) : join(tmpdir(), DEFAULTS.serverLockDirName)
}

function resolvePassword(env: Env, label: string, literal: unknown, envName: unknown): { value: string; literal: boolean } | undefined {
  const fromEnv = env.CLICKHOUSE_PASSWORD
  // An empty CLICKHOUSE_PASSWORD means "no password" (ClickHouse's default user has none).
  if (fromEnv !== undefined) return fromEnv === '' ? undefined : { value: fromEnv, literal: false }
  const secret = fileSecret({ env, label, path: 'clickhouse.password', literal, envName, kind: 'password' })
  return secret && { value: secret.value, literal: secret.literal }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.')
}
