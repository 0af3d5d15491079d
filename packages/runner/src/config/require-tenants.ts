import { ConfigError } from '../errors.js'
import type { RunnerConfig, TenantConfig } from './types.js'

/** The configured tenants, or a ConfigError saying why there are none (for commands that talk to the API). */
export function requireTenants(config: RunnerConfig): TenantConfig[] {
  if (config.tenants.length > 0) return config.tenants
  throw new ConfigError(`no tenant to load: ${config.noTenantsReason ?? 'no tenant is configured'}`)
}
