/** Executable entry of qtickets-load (bin/qtickets-load.mjs imports dist/cli.js): wires signals and sets process.exitCode. */
import { processIo } from './cli/io.js'
import { main } from './cli/main.js'
import { envSecrets } from './config/config-secrets.js'
import { ExitCode } from './exit-codes.js'
import { createRedactor } from './log/redactor.js'

const interrupt = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second signal while shutting down ends the process at once.
    if (interrupt.signal.aborted) process.exit(ExitCode.INTERRUPTED)
    interrupt.abort(new Error(`received ${signal}`))
  })
}

main(process.argv.slice(2), processIo(interrupt.signal)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // Only reached for a bug outside any command; its stack is still redacted.
    const redactor = createRedactor(envSecrets(process.env))
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    process.stderr.write(`qtickets-load: internal error: ${redactor.redactString(text)}\n`)
    process.exitCode = ExitCode.INTERNAL
  },
)
