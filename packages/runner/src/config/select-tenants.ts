import { UsageError } from '../errors.js'
import { closestMatch } from '../util/closest-match.js'

/**
 * The tenant names chosen by `--tenant` (repeatable, or comma-separated): all of `known` when none are given.
 * An unknown name is a UsageError suggesting the closest configured one.
 */
export function selectTenantNames(known: readonly string[], wanted: readonly string[], noTenantsReason?: string): string[] {
  const names = wanted.flatMap((name) => name.split(',')).map((name) => name.trim()).filter(Boolean)
  if (names.length === 0) return [...known]
  for (const name of names) {
    if (known.includes(name)) continue
    if (known.length === 0) throw new UsageError(`unknown tenant "${name}": no tenant is configured (${noTenantsReason ?? 'none listed'})`)
    const suggestion = closestMatch(name, known)
    throw new UsageError(`unknown tenant "${name}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, `configured tenants: ${known.join(', ')}`)
  }
  return known.filter((name) => names.includes(name))
}
