import type { Env } from '../env/load-dotenv.js'
import type { RunnerConfig } from './types.js'

const SECRET_NAME = /TOKEN|PASSWORD|PASSWD|SECRET|(^|_)KEY($|_)/i

/** Every secret value of a config: tenant and Partners tokens, PII_HASH_KEY and the ClickHouse password (URL passwords included). */
export function configSecrets(config: RunnerConfig): string[] {
  const secrets: (string | undefined)[] = [config.piiHashKey, config.clickhouse.password]
  for (const tenant of config.tenants) secrets.push(tenant.token, tenant.partnersToken)
  return secrets.filter((secret): secret is string => Boolean(secret))
}

/**
 * Secret-looking values of an environment, before any config is loaded: every variable whose name says
 * TOKEN, PASSWORD, SECRET or KEY (so `tokenEnv` variables are covered too), and the password of CLICKHOUSE_URL.
 */
export function envSecrets(env: Env): string[] {
  const secrets: string[] = []
  for (const [name, value] of Object.entries(env)) {
    if (value && SECRET_NAME.test(name)) secrets.push(value, value.trim())
  }
  const password = urlPassword(env.CLICKHOUSE_URL)
  if (password) secrets.push(password)
  return secrets
}

function urlPassword(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  try {
    const password = new URL(raw.trim()).password
    return password === '' ? undefined : decodeURIComponent(password)
  } catch {
    return undefined
  }
}
