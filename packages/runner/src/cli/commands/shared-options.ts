import { UsageError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import { RESOURCES, type Resource } from '../../observability/resources.js'
import { closestMatch } from '../../util/closest-match.js'
import type { OptionSpec } from '../option-spec.js'

/** `--resource <list>`: limit a sync to some resources. */
export const RESOURCE_OPTION: OptionSpec = {
  name: 'resource',
  type: 'string',
  valueName: 'list',
  multiple: true,
  description: `only these resources, comma-separated or repeated: ${RESOURCES.join(', ')}`,
  defaultText: 'all',
}

/** `--lock-wait <seconds>`: wait for another run of the same tenant (or the process holding the embedded engine) instead of failing with exit 75. */
export const LOCK_WAIT_OPTION: OptionSpec = {
  name: 'lock-wait',
  type: 'string',
  valueName: 'seconds',
  description:
    'wait up to this long in all for a running sync of the same tenant to finish (with the embedded engine, also for another qtickets-load process to release its folder), instead of exiting with 75',
  default: '0',
}

/** What exit 75 means for `run` and `backfill`, which wait for either lock with `--lock-wait`. */
export const LOCK_HELD_MEANING =
  'lock held: another run of the same tenant is in progress, or (embedded engine) another process holds the data folder; --lock-wait waits for either'

/** Resource names checked against the known list (`promo-codes` is read as `promo_codes`); all when none are given. */
export function parseResources(names: readonly string[]): Resource[] {
  if (names.length === 0) return [...RESOURCES]
  return names.map((raw) => {
    const name = raw.replace(/-/g, '_')
    const known = RESOURCES.find((resource) => resource === name)
    if (known) return known
    const suggestion = closestMatch(name, RESOURCES)
    throw new UsageError(`unknown resource "${raw}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, `resources: ${RESOURCES.join(', ')}`)
  })
}

/** Exit codes of the commands that sync (`run`, `backfill`): the worst tenant outcome, or why nothing ran. */
export const SYNC_EXIT_CODES = [
  ExitCode.OK,
  ExitCode.RUN_ERROR,
  ExitCode.PARTIAL,
  ExitCode.USAGE,
  ExitCode.DATA_ERROR,
  ExitCode.UNAVAILABLE,
  ExitCode.INTERNAL,
  ExitCode.LOCK_HELD,
  ExitCode.CONFIG,
  ExitCode.INTERRUPTED,
] as const
