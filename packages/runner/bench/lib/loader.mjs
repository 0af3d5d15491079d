// Runs the real loader CLI (packages/runner/bin/qtickets-load.mjs) against a simulator server, measured.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchFile, runNode } from './children.mjs'
import { BACKFILL_RANGE } from './scenario.mjs'

/** The loader's executable. */
export const LOADER_BIN = fileURLToPath(new URL('../../bin/qtickets-load.mjs', import.meta.url))

/** The loader's defaults (QTICKETS_PAGE_SIZE, QTICKETS_CONCURRENCY, backfill --window-days), as its --help documents them. */
export const LOADER_DEFAULTS = { pageSize: 500, concurrency: 2, windowDays: 1 }

/** Database of the end-to-end run inside its data directory. */
export const E2E_DATABASE = 'bench_e2e'

/** Variables the loader reads; the caller's own values are dropped so that the bench never touches a real target. */
const LOADER_VARIABLES = /^(QTICKETS_|CLICKHOUSE_|PII_HASH_KEY$|LOG_LEVEL$)/

/** The loader's environment: the simulator's URL and token, a private data directory, and the chosen knobs. */
export function loaderEnv({ sim = null, dir, pageSize = null, concurrency = null, extra = {} }) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !LOADER_VARIABLES.test(name)))
  return {
    ...env,
    ...(sim ? { QTICKETS_BASE_URL: sim.restUrl, QTICKETS_TOKEN: sim.token } : {}),
    QTICKETS_TENANT: 'bench',
    CLICKHOUSE_DATA_DIR: join(dir, 'clickhouse'),
    CLICKHOUSE_DATABASE: E2E_DATABASE,
    QTICKETS_LOCK_DIR: join(dir, 'locks'),
    PII_HASH_KEY: 'bench-pii-hash-key-not-a-secret',
    ...(pageSize !== null ? { QTICKETS_PAGE_SIZE: String(pageSize) } : {}),
    ...(concurrency !== null ? { QTICKETS_CONCURRENCY: String(concurrency) } : {}),
    ...extra,
  }
}

/**
 * Runs `qtickets-load <command…>` in its own process (cwd = `dir`, so no stray .env is read) and resolves with
 * `{ code, wallSeconds, cpuSeconds, peakRssMB, summary, logFile, profile, statements }`: CPU time and peak RSS are the
 * loader process's own, written at exit by usage-preload.mjs; `summary` is its `--json` stdout when that parses;
 * `profile` the V8 CPU profile file (cpuProfile); `statements` the engine's time per kind of statement (sqlTimings).
 */
export async function runLoader(command, { sim = null, dir, pageSize = null, concurrency = null, cpuProfile = false, sqlTimings = false, onTick, label = 'loader' }) {
  mkdirSync(dir, { recursive: true })
  const usageFile = join(dir, `${label}-usage.json`)
  const logFile = join(dir, `${label}.log`)
  const profileDir = join(dir, `${label}-cpu-profile`)
  const sqlTimingsFile = join(dir, `${label}-sql-timings.json`)
  const nodeArgs = [
    '--import', benchFile('usage-preload.mjs'),
    ...(sqlTimings ? ['--import', benchFile('sql-timing-preload.mjs')] : []),
    ...(cpuProfile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
  ]
  const env = loaderEnv({ sim, dir, pageSize, concurrency, extra: { BENCH_USAGE_FILE: usageFile, ...(sqlTimings ? { BENCH_SQL_TIMINGS_FILE: sqlTimingsFile } : {}) } })
  const run = await runNode([...nodeArgs, LOADER_BIN, ...command], { env, cwd: dir, stderrFile: logFile, onTick })
  // Missing when the process died before its exit hook ran.
  const usage = readJson(usageFile) ?? {}
  let summary = null
  try {
    summary = JSON.parse(run.stdout)
  } catch {
    summary = null
  }
  const profile = cpuProfile ? newestFile(profileDir, '.cpuprofile') : null
  const statements = sqlTimings ? readJson(sqlTimingsFile) : null
  return { code: run.code, signal: run.signal, wallSeconds: run.wallSeconds, cpuSeconds: usage.cpuSeconds ?? null, peakRssMB: usage.peakRssMB ?? null, peakHeapUsedMB: usage.peakHeapUsedMB ?? null, peakExternalMB: usage.peakExternalMB ?? null, summary, stdout: run.stdout, logFile, profile, statements }
}

/** `qtickets-load backfill` over `range` (default BACKFILL_RANGE) against the simulator server `sim` (see runLoader). */
export function runLoaderBackfill({ range = BACKFILL_RANGE, ...options }) {
  return runLoader(['backfill', '--from', range.from, '--to', range.to, '--json'], { ...options, label: 'loader' })
}

/** `qtickets-load migrate` in `dir`'s data directory (the schema a backfill needs; on an empty folder, the fixed cost of a run). */
export function runLoaderMigrate({ dir }) {
  return runLoader(['migrate', '--json'], { dir, label: 'migrate' })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

function newestFile(dir, suffix) {
  try {
    const names = readdirSync(dir).filter((name) => name.endsWith(suffix)).sort()
    return names.length > 0 ? join(dir, names[names.length - 1]) : null
  } catch {
    return null
  }
}
