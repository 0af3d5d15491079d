import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SinkError } from './errors'

/** One numbered migration file as read from disk. */
export interface MigrationFile {
  /** Number in front of the file name (`0003_facts.sql` → 3). */
  version: number
  /** File name, e.g. `0003_facts.sql`. */
  name: string
  /** sha256 hex of the file's bytes (the template, before the database name is filled in). */
  checksum: string
  /** File contents. */
  template: string
}

const MIGRATION_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/

/** Reads every `NNNN_name.sql` in `dir`, ordered by number; other files are ignored, a repeated number is an error. */
export function loadMigrationFiles(dir: string): MigrationFile[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (error) {
    throw new SinkError('migration', `cannot read the migrations folder ${dir}: ${(error as Error).message}`, { cause: error })
  }
  const files = names
    .filter((name) => MIGRATION_NAME.test(name))
    .map((name) => readMigration(dir, name))
    .sort((a, b) => a.version - b.version)
  assertUniqueVersions(files)
  return files
}

function readMigration(dir: string, name: string): MigrationFile {
  const bytes = readFileSync(join(dir, name))
  return {
    version: Number(MIGRATION_NAME.exec(name)?.[1]),
    name,
    checksum: createHash('sha256').update(bytes).digest('hex'),
    template: bytes.toString('utf8'),
  }
}

function assertUniqueVersions(files: MigrationFile[]): void {
  files.forEach((file, index) => {
    const previous = files[index - 1]
    if (previous && previous.version === file.version) {
      throw new SinkError('migration', `migrations ${previous.name} and ${file.name} share number ${file.version}`, { file: file.name })
    }
  })
}
