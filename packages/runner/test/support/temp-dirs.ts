import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Temporary directories of one test file, removed together (call `removeAll` in `afterAll` or `afterEach`). */
export interface TempDirs {
  /** A new empty directory `<tmp>/<prefix>XXXXXX` (the given prefix, else the one of `tempDirs`). */
  make(prefix?: string): string
  /** Removes every directory made so far (recursively; already removed ones are fine). */
  removeAll(): void
}

/** Makes temporary directories named `<prefix>XXXXXX` and remembers them, so a test file leaves nothing in the temp dir. */
export function tempDirs(prefix: string): TempDirs {
  const made: string[] = []
  return {
    make(name = prefix) {
      const dir = mkdtempSync(join(tmpdir(), name))
      made.push(dir)
      return dir
    },
    removeAll() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
    },
  }
}
