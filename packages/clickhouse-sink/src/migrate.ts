import type { ClickHouseClient } from '@clickhouse/client'
import { SinkError } from './errors'
import { insertRows, type WriteContext } from './insert'
import type { SinkLogger } from './logger'
import { loadMigrationFiles, type MigrationFile } from './migration-files'
import { renderDdl, splitStatements, type DdlTarget } from './render-sql'
import { queryError, runStatement, selectRows } from './sql'

/** A migration recorded in `schema_migrations`. */
export interface AppliedMigration {
  version: number
  /** File name, e.g. `0003_facts.sql`. */
  name: string
  /** sha256 hex of the file. */
  checksum: string
}

/** Schema state: file names applied, pending, and applied-but-changed since. */
export interface SchemaVersion {
  applied: string[]
  pending: string[]
  changed: string[]
}

/** What `applyMigrations` and `readSchemaVersion` need. */
export interface MigrationContext {
  write: WriteContext
  target: DdlTarget
  dir: string
  logger: SinkLogger
}

const CREATE_DATABASE = 'CREATE DATABASE IF NOT EXISTS {{db}} {{on_cluster}}'
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS {{db}}.schema_migrations {{on_cluster}}
(
    version     UInt32,
    name        String,
    checksum    String,
    applied_at  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(applied_at)
ORDER BY version`

/** Creates the database and `schema_migrations`, checks applied files are unchanged, then applies pending files in order; returns what it applied. */
export async function applyMigrations(ctx: MigrationContext): Promise<AppliedMigration[]> {
  const files = loadMigrationFiles(ctx.dir)
  const client = ctx.write.client
  await runStatement(client, 'creating the database', renderDdl(CREATE_DATABASE, ctx.target))
  await runStatement(client, 'creating schema_migrations', renderDdl(CREATE_MIGRATIONS_TABLE, ctx.target))
  const recorded = await readRecorded(client, ctx.target.database)
  assertUnchanged(files, recorded)
  const applied: AppliedMigration[] = []
  for (const file of files.filter((f) => !recorded.has(f.version))) {
    await applyFile(ctx, file)
    applied.push({ version: file.version, name: file.name, checksum: file.checksum })
  }
  return applied
}

/** Reports applied, pending and changed migration files without changing anything. */
export async function readSchemaVersion(ctx: MigrationContext): Promise<SchemaVersion> {
  const files = loadMigrationFiles(ctx.dir)
  const recorded = (await migrationsTableExists(ctx.write.client, ctx.target.database))
    ? await readRecorded(ctx.write.client, ctx.target.database)
    : new Map<number, AppliedMigration>()
  return {
    applied: [...recorded.values()].sort((a, b) => a.version - b.version).map((m) => m.name),
    pending: files.filter((f) => !recorded.has(f.version)).map((f) => f.name),
    changed: files.filter((f) => isChanged(f, recorded.get(f.version))).map((f) => f.name),
  }
}

async function applyFile(ctx: MigrationContext, file: MigrationFile): Promise<void> {
  const statements = splitStatements(renderDdl(file.template, ctx.target))
  for (const [index, statement] of statements.entries()) {
    try {
      await ctx.write.client.command({ query: statement })
    } catch (error) {
      const failure = queryError(`migration ${file.name}, statement ${index + 1}`, error, { file: file.name })
      throw new SinkError('migration', failure.message, { file: file.name, code: failure.code, type: failure.type })
    }
  }
  const row = { version: file.version, name: file.name, checksum: file.checksum, applied_at: new Date().toISOString() }
  await insertRows(ctx.write, 'schema_migrations', [row])
  ctx.logger.info?.('applied migration', { file: file.name, statements: statements.length })
}

function assertUnchanged(files: MigrationFile[], recorded: Map<number, AppliedMigration>): void {
  for (const file of files) {
    const applied = recorded.get(file.version)
    if (!applied || !isChanged(file, applied)) continue
    throw new SinkError(
      'migration',
      `migration ${file.name} was changed after it was applied (applied as ${applied.name} with sha256 ${applied.checksum.slice(0, 12)}…, ` +
        `the file now has ${file.checksum.slice(0, 12)}…). Never edit an applied migration: restore it and add a new numbered file.`,
      { file: file.name },
    )
  }
}

function isChanged(file: MigrationFile, applied: AppliedMigration | undefined): boolean {
  return applied !== undefined && (applied.checksum !== file.checksum || applied.name !== file.name)
}

async function readRecorded(client: ClickHouseClient, database: string): Promise<Map<number, AppliedMigration>> {
  const rows = await selectRows<AppliedMigration>(
    client,
    'reading schema_migrations',
    `SELECT version, name, checksum FROM ${database}.schema_migrations FINAL ORDER BY version`,
  )
  return new Map(rows.map((row) => [Number(row.version), { ...row, version: Number(row.version) }]))
}

async function migrationsTableExists(client: ClickHouseClient, database: string): Promise<boolean> {
  const rows = await selectRows<{ n: number | string }>(
    client,
    'looking for schema_migrations',
    `SELECT count() AS n FROM system.tables WHERE database = {database:String} AND name = 'schema_migrations'`,
    { database },
  )
  return Number(rows[0]?.n ?? 0) > 0
}
