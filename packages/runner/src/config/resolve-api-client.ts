import type { Env } from '../env/load-dotenv.js'
import { LIMITS } from './defaults.js'
import { envValue } from './env-value.js'
import type { ConfigFile, FileSettings } from './read-config-file.js'
import type { ApiClientSettings } from './types.js'
import { parsePositiveInt } from './validate.js'

/** Each SDK client knob: its variable, its config file key and its upper bound. */
export const API_CLIENT_KNOBS = [
  { key: 'retryAttempts', env: 'QTICKETS_RETRY_ATTEMPTS', max: LIMITS.retryAttempts },
  { key: 'breakerFailures', env: 'QTICKETS_BREAKER_FAILURES', max: LIMITS.breakerFailures },
  { key: 'breakerHalfOpenSeconds', env: 'QTICKETS_BREAKER_HALF_OPEN_SECONDS', max: LIMITS.breakerHalfOpenSeconds },
  { key: 'requestTimeoutSeconds', env: 'QTICKETS_REQUEST_TIMEOUT_SECONDS', max: LIMITS.requestTimeoutSeconds },
] as const satisfies ReadonlyArray<{ key: keyof ApiClientSettings & keyof FileSettings; env: string; max: number }>

/**
 * The retry, breaker and timeout settings of the tenants' SDK clients: each variable > the config file's key of the same
 * name in camelCase; a knob set nowhere is left out (the SDK's default applies). Errors name the variable or field.
 */
export function resolveApiClient(options: { env: Env; file?: ConfigFile | undefined }): ApiClientSettings {
  const settings: ApiClientSettings = {}
  for (const knob of API_CLIENT_KNOBS) {
    const fromEnv = envValue(options.env, knob.env)
    const fromFile = options.file?.settings[knob.key]
    if (fromEnv !== undefined) settings[knob.key] = parsePositiveInt(knob.env, fromEnv, knob.max)
    else if (fromFile !== undefined) settings[knob.key] = parsePositiveInt(`${options.file!.label}: ${knob.key}`, fromFile, knob.max)
  }
  return settings
}
