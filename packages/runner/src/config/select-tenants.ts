import { UsageError } from '../errors.js'
import { closestMatch } from '../util/closest-match.js'
import { TENANT_NAME_PATTERN } from './validate.js'

/**
 * The tenant names chosen by `--tenant` (repeatable, or comma-separated): all of `known` when none are given.
 * An unknown name is a UsageError suggesting the closest configured one.
 */
export function selectTenantNames(known: readonly string[], wanted: readonly string[], noTenantsReason?: string): string[] {
  const names = tenantOptionNames(wanted)
  if (names.length === 0) return [...known]
  for (const name of names) {
    if (known.includes(name)) continue
    if (known.length === 0) throw new UsageError(`unknown tenant "${name}": no tenant is configured (${noTenantsReason ?? 'none listed'})`)
    const suggestion = closestMatch(name, known)
    throw new UsageError(`unknown tenant "${name}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, `configured tenants: ${known.join(', ')}`)
  }
  return known.filter((name) => names.includes(name))
}

/** The names given with `--tenant` (repeatable, or comma-separated), trimmed, without empty ones. */
export function tenantOptionNames(wanted: readonly string[]): string[] {
  return wanted.flatMap((name) => name.split(',')).map((name) => name.trim()).filter(Boolean)
}

/**
 * The `--tenant` names taken as they are, for commands that read tenants from ClickHouse when none is configured
 * (`status` without a token). A name that no tenant could have is a UsageError.
 */
export function givenTenantNames(wanted: readonly string[]): string[] {
  const names = tenantOptionNames(wanted)
  for (const name of names) {
    if (!TENANT_NAME_PATTERN.test(name)) throw new UsageError(`--tenant must match ${TENANT_NAME_PATTERN.source} (lowercase letters, digits, _ and -), got ${JSON.stringify(name)}`)
  }
  return [...new Set(names)]
}
