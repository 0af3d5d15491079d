import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CliIo } from '../io.js'
import { main } from '../main.js'

/** What one in-process CLI invocation printed and returned. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs `qtickets-load <argv>` in-process with this environment, working directory and clock (tests only). Without a
 * `cwd`, it runs in a new empty temporary directory that is removed afterwards.
 */
export async function runCli(argv: string[], options: { env?: Record<string, string>; cwd?: string; now?: () => Date } = {}): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const ownCwd = options.cwd === undefined ? mkdtempSync(join(tmpdir(), 'runner-cli-')) : undefined
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false, columns: 120 },
    env: options.env ?? {},
    cwd: options.cwd ?? ownCwd!,
    ...(options.now ? { now: options.now } : {}),
  }
  try {
    const code = await main(argv, io)
    return { code, stdout, stderr }
  } finally {
    if (ownCwd) rmSync(ownCwd, { recursive: true, force: true })
  }
}

/** The `msg` of every JSON log line on stderr. */
export function logMessages(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => String((JSON.parse(line) as { msg?: unknown }).msg))
}

/** A loopback port nothing listens on (for "unreachable" cases). */
export async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
