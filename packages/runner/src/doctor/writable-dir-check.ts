import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ExitCode } from '../exit-codes.js'
import type { Verdict } from './verdict.js'

/** Whether `dir` (or, when missing, its nearest existing parent) is a writable directory; creates nothing. */
export async function checkWritableDir(check: string, dir: string): Promise<Verdict> {
  let existing = dir
  while (!(await exists(existing))) {
    const parent = dirname(existing)
    if (parent === existing) break
    existing = parent
  }
  const fail = (detail: string): Verdict => ({ check, status: 'fail', detail, exitCode: ExitCode.CONFIG })
  const stats = await stat(existing).catch(() => undefined)
  if (!stats?.isDirectory()) return fail(`${existing} is not a directory`)
  try {
    await access(existing, constants.W_OK)
  } catch {
    return fail(`${existing} is not writable`)
  }
  const detail = existing === dir ? `${dir} is writable` : `${dir} will be created in ${existing} (writable)`
  return { check, status: 'ok', detail }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
