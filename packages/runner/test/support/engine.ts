import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSink, type Sink, type SinkConfig } from '@zakaz/clickhouse-sink'

/** A fresh temporary directory (one embedded data dir per test file: chDB binds one per process). */
export function tmpDir(prefix = 'runner-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Removes a directory made by `tmpDir`. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** A database name nobody else uses. */
export function freshDatabase(prefix = 'e2e'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`
}

/** A PII key for tests. */
export const TEST_PII_KEY = 'test-pepper-0123456789abcdef'

/** An embedded sink on `dataDir` with a fresh, migrated database. */
export async function openTestSink(dataDir: string, config: SinkConfig = {}): Promise<Sink> {
  const sink = await createSink({ dataDir, database: freshDatabase(), piiHashKey: TEST_PII_KEY, logger: { warn() {} }, ...config })
  await sink.migrate()
  return sink
}

/** Opens the embedded sink on `config.dataDir` for one look and closes it (chDB binds a folder to one process at a time). */
export async function withSink<T>(config: SinkConfig, look: (sink: Sink) => Promise<T>): Promise<T> {
  const sink = await createSink({ piiHashKey: TEST_PII_KEY, logger: { warn() {} }, ...config })
  try {
    return await look(sink)
  } finally {
    await sink.close()
  }
}

/** Runs a read query through `sink.client`; `{db}` in the text is replaced by the sink's database. */
export async function rowsOf<T = Record<string, unknown>>(sink: Sink, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await sink.client.query({ query: query.replaceAll('{db}', sink.database), query_params: params, format: 'JSONEachRow' })
  return result.json<T>()
}

/** `count()` of a table of the sink's database, without FINAL (every stored version) or with it. */
export async function countRows(sink: Sink, table: string, options: { final?: boolean; tenant?: string } = {}): Promise<number> {
  const where = options.tenant ? 'WHERE tenant = {tenant:String}' : ''
  const rows = await rowsOf<{ n: string | number }>(sink, `SELECT count() AS n FROM {db}.${table}${options.final ? ' FINAL' : ''} ${where}`, { tenant: options.tenant ?? '' })
  return Number(rows[0]?.n ?? 0)
}
