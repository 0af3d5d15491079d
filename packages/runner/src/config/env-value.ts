import type { Env } from '../env/load-dotenv.js'

/** A variable's trimmed value, or undefined when it is unset or blank (blank means "use the default"). */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === '' ? undefined : value
}
