import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSink, type Sink, type SinkConfig, type SinkLogger } from '../src/index'

/** A fresh temporary directory (one embedded data dir per test file: chDB binds one per process). */
export function tmpDir(prefix = 'zakaz-sink-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Removes a directory made by `tmpDir`. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/** A database name nobody else uses. */
export function freshDatabase(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`
}

/** A logger that remembers what it was told. */
export function memoryLogger(): SinkLogger & { lines: { level: string; message: string; fields?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = []
  return {
    lines,
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
  }
}

/** An embedded sink on `dataDir` with a fresh database, already migrated unless `migrate: false`. */
export async function openSink(dataDir: string, config: SinkConfig & { migrate?: boolean } = {}): Promise<Sink> {
  const { migrate = true, ...rest } = config
  const sink = await createSink({ dataDir, database: freshDatabase(), logger: memoryLogger(), ...rest })
  if (migrate) await sink.migrate()
  return sink
}

/** Runs a read query through `sink.client` and returns its rows. */
export async function rowsOf<T = Record<string, unknown>>(sink: Sink, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await sink.client.query({ query, query_params: params, format: 'JSONEachRow' })
  return result.json<T>()
}
