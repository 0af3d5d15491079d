import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

/** Another process holding an embedded engine's folder, as a running `qtickets-load` does. */
export interface EngineHolder {
  /** The holding process. */
  readonly pid: number
  /** Closes the engine and ends the process; resolves when it has exited. */
  release(): Promise<void>
}

// The holder opens the folder with chDB, says "held", and closes it when its stdin ends.
const HOLDER_SCRIPT = `
const { createRequire } = await import('node:module')
const { Session } = createRequire(process.argv[1])(process.argv[1])
const session = new Session(process.argv[2])
session.query('SELECT 1')
process.stdout.write('held\\n')
process.stdin.resume()
process.stdin.on('end', () => { session.close(); process.exit(0) })
`

/** Starts a child process that opens chDB on `dataDir` and keeps it until `release()`; resolves once it holds it. */
export async function holdEmbeddedEngine(dataDir: string): Promise<EngineHolder> {
  const chdb = createRequire(import.meta.url).resolve('chdb')
  const child = spawn(process.execPath, ['--input-type=module', '-e', HOLDER_SCRIPT, chdb, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the engine holder exited with ${code} before holding ${dataDir}: ${stderr}`)))
  })
  return {
    pid: child.pid!,
    async release() {
      child.stdin.end()
      await exited
    },
  }
}
