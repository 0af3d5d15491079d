import type { Env } from '../env/load-dotenv.js'
import { ConfigError } from '../errors.js'
import { checkEnvName, checkPassword, checkSecret } from './validate.js'

/** A secret read from the config file, either literally or through an environment variable it names. */
export interface SecretValue {
  value: string
  /** Where it came from, for doctor: `env ACME_TOKEN (tenants[0].tokenEnv)` or `config file (tenants[0].token)`. */
  source: string
  /** True when the value is written in the file itself. */
  literal: boolean
}

/**
 * Resolves a `<field>` / `<field>Env` pair of the config file (e.g. `token` / `tokenEnv`).
 * Returns undefined when neither is given (or, with `optional`, when the named variable is unset); errors name the field
 * and the variable, never the value.
 */
export function fileSecret(options: {
  env: Env
  label: string
  path: string
  literal: unknown
  envName: unknown
  /** `token` (default): trimmed, no whitespace; `password`: any non-empty string, kept as is. */
  kind?: 'token' | 'password'
  /** When `<field>Env` names a variable that is not set: undefined instead of a ConfigError (commands that need no token). */
  optional?: boolean
}): SecretValue | undefined {
  const { env, label, path, literal, envName } = options
  const check = options.kind === 'password' ? checkPassword : checkSecret
  if (literal !== undefined && envName !== undefined) {
    throw new ConfigError(`${label}: set either ${path} or ${path}Env, not both`)
  }
  if (envName !== undefined) {
    const name = checkEnvName(`${label}: ${path}Env`, envName)
    const value = env[name]
    if (value === undefined && options.optional) return undefined
    if (value === undefined) throw new ConfigError(`${label}: ${path}Env names ${name}, which is not set`)
    return { value: check(`${name} (from ${path}Env)`, value), source: `env ${name} (${path}Env)`, literal: false }
  }
  if (literal !== undefined) {
    return { value: check(`${label}: ${path}`, literal), source: `config file (${path})`, literal: true }
  }
  return undefined
}
