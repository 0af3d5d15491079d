import { dirname } from 'node:path'
import type { RunnerConfig } from '../config/types.js'
import { loadDotenv, type Env } from '../env/load-dotenv.js'
import { ConfigError } from '../errors.js'
import { closestMatch } from '../util/closest-match.js'
import { OBSERVABILITY_ENV, parseObservabilityConfig, type ObservabilityConfig, type ObservabilitySettings } from './config'

/** Inputs of `runnerObservabilityConfig`. */
export interface RunnerObservabilityInput {
  config: RunnerConfig
  /** The environment; default: this process's, with the `.env` file the config was loaded with. */
  env?: Env
  /** `--metrics-file`, when given. */
  metricsFile?: string
}

/**
 * The monitoring settings of a loaded runner config: `--metrics-file` > environment (and `.env`) > the config file's
 * `observability` section. Unknown keys of that section and bad values are ConfigErrors (exit 78) naming the setting.
 */
export function runnerObservabilityConfig(input: RunnerObservabilityInput): ObservabilityConfig {
  const settings = observabilitySettings(input.config.observability)
  try {
    return parseObservabilityConfig({
      env: input.env ?? runnerEnv(input.config),
      settings,
      ...(input.metricsFile === undefined ? {} : { flags: { metricsFile: input.metricsFile } }),
    })
  } catch (error) {
    throw new ConfigError((error as Error).message)
  }
}

/** The process environment with the `.env` file the config was read with (variables already set win). */
export function runnerEnv(config: RunnerConfig, env: Env = process.env): Env {
  return config.envFile ? loadDotenv({ env, cwd: dirname(config.envFile) }).env : env
}

function observabilitySettings(section: Record<string, unknown> | undefined): ObservabilitySettings {
  if (section === undefined) return {}
  const known = Object.keys(OBSERVABILITY_ENV)
  for (const key of Object.keys(section)) {
    if (known.includes(key)) continue
    const suggestion = closestMatch(key, known)
    throw new ConfigError(`observability.${key} is not a known setting${suggestion ? ` (did you mean observability.${suggestion}?)` : ''}`)
  }
  return section as ObservabilitySettings
}
