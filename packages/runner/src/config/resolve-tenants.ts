import type { Env } from '../env/load-dotenv.js'
import { ConfigError } from '../errors.js'
import { LIMITS } from './defaults.js'
import { envValue } from './env-value.js'
import type { ConfigFile, FileTenant } from './read-config-file.js'
import { fileSecret } from './secret-value.js'
import type { TenantConfig } from './types.js'
import { givenTenantNames, selectTenantNames } from './select-tenants.js'
import { checkBaseUrl, checkSecret, checkTenantName, checkTimeZone, parsePositiveInt } from './validate.js'

/** Settings every tenant inherits unless it sets its own. */
export interface TenantDefaults {
  name: string
  baseUrl: string
  partnersBaseUrl: string
  timeZone: string
  concurrency: number
}

/** Tenants found in the config file or the environment. */
export interface ResolvedTenants {
  tenants: TenantConfig[]
  /** Names of the selected tenants, tokens or not (see `RunnerConfig.tenantNames`). */
  names: string[]
  noTenantsReason?: string
  /** Fields whose secret is written literally in the config file. */
  literalSecrets: string[]
  warnings: string[]
}

/** Inputs of `resolveTenants`. */
export interface ResolveTenantsOptions {
  env: Env
  file?: ConfigFile
  defaults: TenantDefaults
  /** `--tenant` names. */
  only?: readonly string[]
  /**
   * Default true: every selected tenant needs its token. False (commands that never call the API): a tenant whose token
   * variable is unset is kept by name only (in `names`, not in `tenants`), and with no tenant configured at all the
   * `--tenant` names are taken as given.
   */
  requireTokens?: boolean
}

/**
 * Tenants from the config file's `tenants`, or else one tenant from QTICKETS_TOKEN (none when it is unset or empty),
 * narrowed to the `only` names (`--tenant`). Tokens are resolved for the selected tenants only, so a job that runs one
 * tenant needs only that tenant's token variable.
 */
export function resolveTenants(options: ResolveTenantsOptions): ResolvedTenants {
  const { env, file, defaults } = options
  const only = options.only ?? []
  const requireTokens = options.requireTokens ?? true
  const listed = file?.settings.tenants
  if (file && listed !== undefined) return resolveFileTenants(env, file, listed, defaults, only, requireTokens)
  const resolved = resolveEnvTenant(env, defaults)
  if (!requireTokens && resolved.tenants.length === 0) return { ...resolved, names: givenTenantNames(only) }
  const selected = selectTenantNames(resolved.tenants.map((tenant) => tenant.name), only, resolved.noTenantsReason)
  return { ...resolved, tenants: resolved.tenants.filter((tenant) => selected.includes(tenant.name)), names: selected }
}

function resolveEnvTenant(env: Env, defaults: TenantDefaults): Omit<ResolvedTenants, 'names'> {
  const raw = env.QTICKETS_TOKEN
  const empty = { tenants: [], literalSecrets: [], warnings: [] }
  if (raw === undefined) return { ...empty, noTenantsReason: 'QTICKETS_TOKEN is not set (or list tenants in a config file, see --config)' }
  if (raw.trim() === '') return { ...empty, noTenantsReason: 'QTICKETS_TOKEN is empty' }
  const tenant: TenantConfig = {
    name: defaults.name,
    token: checkSecret('QTICKETS_TOKEN', raw),
    tokenSource: 'env QTICKETS_TOKEN',
    baseUrl: defaults.baseUrl,
    partnersBaseUrl: defaults.partnersBaseUrl,
    timeZone: defaults.timeZone,
    concurrency: defaults.concurrency,
  }
  const partners = envValue(env, 'QTICKETS_PARTNERS_TOKEN')
  if (partners !== undefined) {
    tenant.partnersToken = checkSecret('QTICKETS_PARTNERS_TOKEN', partners)
    tenant.partnersTokenSource = 'env QTICKETS_PARTNERS_TOKEN'
  }
  return { tenants: [tenant], literalSecrets: [], warnings: [] }
}

function resolveFileTenants(
  env: Env,
  file: ConfigFile,
  listed: FileTenant[],
  defaults: TenantDefaults,
  only: readonly string[],
  requireTokens: boolean,
): ResolvedTenants {
  if (listed.length === 0) throw new ConfigError(`${file.label}: tenants is empty; list at least one tenant or remove the key`)
  const names = tenantNames(file.label, listed)
  const selected = selectTenantNames(names, only)
  const result: ResolvedTenants = { tenants: [], names: selected, literalSecrets: [], warnings: [] }
  listed.forEach((entry, index) => {
    if (entry.token !== undefined) result.literalSecrets.push(`tenants[${index}].token`)
    if (entry.partnersToken !== undefined) result.literalSecrets.push(`tenants[${index}].partnersToken`)
    const name = names[index]!
    if (!selected.includes(name)) return
    const tenant = resolveFileTenant(env, file.label, `tenants[${index}]`, name, entry, defaults, requireTokens)
    if (tenant) result.tenants.push(tenant)
  })
  const usesEnvToken = listed.some((entry) => entry.tokenEnv === 'QTICKETS_TOKEN')
  if (env.QTICKETS_TOKEN !== undefined && !usesEnvToken) {
    result.warnings.push(`QTICKETS_TOKEN is set but ignored: ${file.label} lists the tenants (use "tokenEnv": "QTICKETS_TOKEN" to use it)`)
  }
  return result
}

/** Every tenant's name, validated and unique. */
function tenantNames(label: string, listed: FileTenant[]): string[] {
  const names: string[] = []
  listed.forEach((entry, index) => {
    const field = `${label}: tenants[${index}].name`
    if (entry.name === undefined) throw new ConfigError(`${field} is missing`)
    const name = checkTenantName(field, entry.name)
    const duplicate = names.indexOf(name)
    if (duplicate >= 0) throw new ConfigError(`${field} "${name}" is already used by tenants[${duplicate}]`)
    names.push(name)
  })
  return names
}

/** One tenant of the file; undefined when its token is not available and tokens are not required. */
function resolveFileTenant(
  env: Env,
  label: string,
  path: string,
  name: string,
  entry: FileTenant,
  defaults: TenantDefaults,
  requireTokens: boolean,
): TenantConfig | undefined {
  const field = (name: string) => `${label}: ${path}.${name}`
  const optional = !requireTokens
  const token = fileSecret({ env, label, path: `${path}.token`, literal: entry.token, envName: entry.tokenEnv, optional })
  if (!token && optional) return undefined
  if (!token) throw new ConfigError(`${field('token')} is missing (set token, or tokenEnv naming an environment variable)`)
  const partners = fileSecret({ env, label, path: `${path}.partnersToken`, literal: entry.partnersToken, envName: entry.partnersTokenEnv, optional })
  const tenant: TenantConfig = {
    name,
    token: token.value,
    tokenSource: token.source,
    baseUrl: entry.baseUrl === undefined ? defaults.baseUrl : checkBaseUrl(field('baseUrl'), entry.baseUrl),
    partnersBaseUrl: entry.partnersBaseUrl === undefined ? defaults.partnersBaseUrl : checkBaseUrl(field('partnersBaseUrl'), entry.partnersBaseUrl),
    timeZone: entry.timeZone === undefined ? defaults.timeZone : checkTimeZone(field('timeZone'), entry.timeZone),
    concurrency: entry.concurrency === undefined ? defaults.concurrency : parsePositiveInt(field('concurrency'), entry.concurrency, LIMITS.concurrency),
  }
  if (partners) {
    tenant.partnersToken = partners.value
    tenant.partnersTokenSource = partners.source
  }
  return tenant
}
