import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatKillPoint, type KillPoint, type TraceLine } from './kill-switch.js'

// The crash tests run `qtickets-load` in a CHILD process so that SIGKILL is real. The child is the runner's own source,
// bundled once per test file with esbuild (the copy vite ships; vitest depends on it), so each child starts in about
// half a second instead of transforming TypeScript again. In the bundle `@zakaz/qtickets-sdk` and
// `@zakaz/clickhouse-sink` resolve to counting stand-ins (child/counting-*.ts) that re-export the real packages.

const here = dirname(fileURLToPath(import.meta.url))
const packages = join(here, '../../../..')
const runnerDir = join(packages, 'runner')

/** Where bundles go: under the runner's node_modules, so the external `chdb` resolves from there. */
const CACHE_DIR = join(runnerDir, 'node_modules/.cache/reliability')

interface EsbuildPlugin {
  name: string
  setup(build: {
    onResolve(options: { filter: RegExp }, callback: (args: { path: string }) => { path: string } | undefined): void
    onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => { contents: string; loader: 'ts' } | undefined): void
  }): void
}

interface Esbuild {
  build(options: Record<string, unknown> & { plugins: EsbuildPlugin[] }): Promise<unknown>
}

function loadEsbuild(): Esbuild {
  const fromHere = createRequire(import.meta.url)
  const fromVitest = createRequire(fromHere.resolve('vitest'))
  return createRequire(fromVitest.resolve('vite/package.json'))('esbuild') as Esbuild
}

const STAND_INS: Record<string, string> = {
  '@zakaz/qtickets-sdk': join(here, '../child/counting-sdk.ts'),
  '@zakaz/clickhouse-sink': join(here, '../child/counting-sink.ts'),
  // The demo command imports the simulator; it is bundled as is.
  '@zakaz/qtickets-sdk/testing': join(packages, 'qtickets-sdk/src/testing/index.ts'),
}

/** Resolves the workspace packages to their sources (stand-ins for the two counted ones) and pins `import.meta.url` per file. */
const workspaceSources: EsbuildPlugin = {
  name: 'workspace-sources',
  setup(build) {
    build.onResolve({ filter: /^@zakaz\// }, (args) => {
      const standIn = STAND_INS[args.path]
      if (!standIn) throw new Error(`the crash-test child does not expect an import of ${args.path}`)
      return { path: standIn }
    })
    // The sink finds its migrations next to its source file: keep each file's own URL instead of the bundle's.
    build.onLoad({ filter: /\/packages\/[^/]+\/src\/.*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' }
    })
  },
}

/** Bundles the child entry (test/reliability/child/loader-child.ts) and returns the bundle's path. */
export async function bundleLoaderChild(): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true })
  const outfile = join(CACHE_DIR, `loader-child-${process.pid}.mjs`)
  await loadEsbuild().build({
    entryPoints: [join(here, '../child/loader-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['chdb', 'chdb/*'],
    // Some bundled CommonJS dependencies call require() for node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'error',
    plugins: [workspaceSources],
  })
  return outfile
}

/** Removes a bundle made by `bundleLoaderChild`. */
export function removeBundle(path: string): void {
  rmSync(path, { force: true })
}

/** How a child ended. */
export interface ChildRun {
  /** Exit code, or null when a signal ended it. */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** What the kill switch recorded: the operation it died at, or how many operations the run performed. */
  trace: TraceLine[]
}

/** Options of one child run. */
export interface ChildRunOptions {
  /** The child's whole environment (besides PATH): nothing leaks in from the test process. */
  env: Record<string, string>
  cwd: string
  /** The loader's clock (the simulator's now). */
  nowMs: number
  /** Where the child kills itself; none: it runs to the end. */
  killAt?: KillPoint
  /** A file for the trace (removed after reading). */
  traceFile: string
}

/** Runs `qtickets-load <argv>` in a child process and waits for it to end (by itself or by its kill switch). */
export function runLoaderChild(bundle: string, argv: readonly string[], options: ChildRunOptions): Promise<ChildRun> {
  rmSync(options.traceFile, { force: true })
  const env = {
    PATH: process.env.PATH ?? '',
    ...options.env,
    RELIABILITY_NOW_MS: String(options.nowMs),
    RELIABILITY_TRACE_FILE: options.traceFile,
    ...(options.killAt ? { RELIABILITY_KILL_AT: formatKillPoint(options.killAt) } : {}),
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...argv], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), trace: readTrace(options.traceFile) })
    })
  })
}

function readTrace(file: string): TraceLine[] {
  let text = ''
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return []
  }
  rmSync(file, { force: true })
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TraceLine)
}
