import { SinkError } from './errors'

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/
const CLUSTER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/
const IANA_ZONE = /^(?:UTC|[A-Za-z][A-Za-z_]*(?:\/[A-Za-z0-9_+-]+)+)$/

/** Returns `name` when it is a safe SQL identifier (`^[A-Za-z_][A-Za-z0-9_]*$`), else throws a config error naming `what`. */
export function assertIdentifier(name: unknown, what: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name) || name.length > 128) {
    throw new SinkError('config', `${what} ${JSON.stringify(name)} is not a valid identifier (expected ^[A-Za-z_][A-Za-z0-9_]*$)`)
  }
  return name
}

/** Returns the database name when valid (`^[A-Za-z_][A-Za-z0-9_]*$`), else throws. */
export function assertDatabaseName(name: unknown): string {
  return assertIdentifier(name, 'database name')
}

/** Returns the cluster name when valid (letters, digits, `_`, `.`, `-`), else throws. */
export function assertClusterName(name: unknown): string {
  if (typeof name !== 'string' || !CLUSTER_NAME.test(name) || name.length > 128) {
    throw new SinkError('config', `cluster name ${JSON.stringify(name)} is not valid (expected ^[A-Za-z_][A-Za-z0-9_.-]*$)`)
  }
  return name
}

/** Returns `zone` when it is an IANA time-zone name the runtime knows (e.g. `Europe/Moscow`, `UTC`), else throws. */
export function assertTimeZone(zone: unknown, what = 'report time zone'): string {
  if (typeof zone !== 'string' || !IANA_ZONE.test(zone) || !runtimeKnowsZone(zone)) {
    throw new SinkError('validation', `${what} ${JSON.stringify(zone)} is not an IANA time-zone name (e.g. Europe/Moscow)`)
  }
  return zone
}

function runtimeKnowsZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Returns `day` when it is a real calendar date written `YYYY-MM-DD`, else throws. */
export function assertDay(day: unknown, what = 'day'): string {
  const match = typeof day === 'string' ? DAY.exec(day) : null
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
  if (!match || !date || date.toISOString().slice(0, 10) !== day) {
    throw new SinkError('validation', `${what} ${JSON.stringify(day)} is not a calendar date written YYYY-MM-DD`)
  }
  return day as string
}

/** Returns `tenant` when it is a non-empty string of at most 200 characters (it travels as a query parameter), else throws. */
export function assertTenant(tenant: unknown): string {
  if (typeof tenant !== 'string' || tenant.length === 0 || tenant.length > 200) {
    throw new SinkError('validation', 'tenant must be a non-empty string of at most 200 characters')
  }
  return tenant
}
