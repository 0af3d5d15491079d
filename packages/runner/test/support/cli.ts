import { main } from '../../src/cli/main.js'
import type { CliIo } from '../../src/cli/io.js'

/** What one in-process CLI call printed and returned. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `qtickets-load <argv>` in-process with the given environment, working directory and clock; `onStderr` sees stderr as it is written. */
export async function cli(
  argv: string[],
  options: { env: Record<string, string>; cwd: string; now?: () => Date; tty?: boolean; onStderr?: (chunk: string) => void },
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk
        options.onStderr?.(chunk)
      },
      isTTY: options.tty ?? false,
      columns: 120,
    },
    env: options.env,
    cwd: options.cwd,
    ...(options.now ? { now: options.now } : {}),
  }
  const code = await main(argv, io)
  return { code, stdout, stderr }
}

/** The JSON log lines of stderr. */
export function logLines(stderr: string): Array<Record<string, unknown>> {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}
