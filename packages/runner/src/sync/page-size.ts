import { UsageError } from '../errors.js'
import { DEFAULT_PAGE_SIZE } from './sync-context.js'

/** Largest accepted page size (the API's own maximum is unknown; the simulator clamps at 1 000). */
export const MAX_PAGE_SIZE = 5_000

/** `--page-size`, else `QTICKETS_PAGE_SIZE`, else 500; a whole number from 1 to 5 000 (UsageError naming the source and value). */
export function resolvePageSize(option: string | undefined, env: Readonly<Record<string, string | undefined>>): number {
  const fromEnv = env.QTICKETS_PAGE_SIZE?.trim()
  const [source, raw] = option !== undefined ? ['--page-size', option] : fromEnv ? ['QTICKETS_PAGE_SIZE', fromEnv] : [undefined, undefined]
  if (raw === undefined) return DEFAULT_PAGE_SIZE
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > MAX_PAGE_SIZE) {
    throw new UsageError(`${source} must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${raw}"`)
  }
  return Number(raw)
}
