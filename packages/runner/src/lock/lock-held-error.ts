import { RunnerError } from '../errors.js'
import { ExitCode } from '../exit-codes.js'
import { formatDuration } from '../util/format-duration.js'
import type { LockInfo } from './lock-info.js'

/** Another run holds the tenant's lock (exit 75). */
export class LockHeldError extends RunnerError {
  readonly tenant: string
  readonly lockPath: string
  /** The holder's run id, pid and host (undefined while its lock file is being written). */
  readonly holder: LockInfo | undefined
  /** How long the holder has held the lock, in ms. */
  readonly ageMs: number | undefined

  constructor(options: { tenant: string; lockPath: string; holder?: LockInfo; now: number }) {
    const { tenant, lockPath, holder, now } = options
    const ageMs = holder ? Math.max(0, now - Date.parse(holder.acquiredAt)) : undefined
    const who = holder ? ` by run ${holder.runId} (pid ${holder.pid} on ${holder.host}, for ${formatDuration(ageMs!)})` : ''
    super(`tenant "${tenant}" is locked${who}: another run is in progress (lock file ${lockPath})`, ExitCode.LOCK_HELD)
    this.name = 'LockHeldError'
    this.tenant = tenant
    this.lockPath = lockPath
    this.holder = holder
    this.ageMs = ageMs
  }
}
