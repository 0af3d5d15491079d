import type { Env } from '../env/load-dotenv.js'

/** A writable text stream (process.stdout/stderr, or a buffer in tests). */
export interface OutputStream {
  write(chunk: string): unknown
  /** True on a terminal. */
  isTTY?: boolean
  /** Terminal width. */
  columns?: number
}

/** Everything the CLI touches in the outside world, injected so `main` is testable in-process. */
export interface CliIo {
  stdout: OutputStream
  stderr: OutputStream
  env: Env
  cwd: string
  /** Aborted on SIGINT/SIGTERM. */
  signal?: AbortSignal
  /** Clock; default `() => new Date()`. */
  now?: () => Date
}

/** The real process's streams, environment, cwd and an abort signal. */
export function processIo(signal?: AbortSignal): CliIo {
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }
  if (signal) io.signal = signal
  return io
}
