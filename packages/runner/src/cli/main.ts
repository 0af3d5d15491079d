import { exitCodeForError, RunnerError, UsageError } from '../errors.js'
import { ExitCode } from '../exit-codes.js'
import type { CommandContext } from './command.js'
import { COMMANDS } from './commands/index.js'
import { createContext } from './create-context.js'
import { renderCommandHelp, renderGlobalHelp } from './help.js'
import type { CliIo } from './io.js'
import { parseCommandLine, type ParsedCommandLine } from './parse-command-line.js'
import { VERSION } from './version.js'

/** Runs the qtickets-load CLI on `argv` (without node and script) and resolves to the exit code; never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ParsedCommandLine
  try {
    parsed = parseCommandLine(argv, COMMANDS)
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(io, error)
    throw error
  }
  if (parsed.version) {
    io.stdout.write(`${VERSION}\n`)
    return ExitCode.OK
  }
  if (parsed.help) {
    io.stdout.write(parsed.command ? renderCommandHelp(parsed.command) : renderGlobalHelp(COMMANDS, VERSION))
    return ExitCode.OK
  }
  if (!parsed.command) {
    return reportUsageError(io, new UsageError('no command given', `commands: ${COMMANDS.map((command) => command.name).join(', ')}. Run 'qtickets-load --help' for more.`))
  }
  const { command } = parsed
  let ctx: CommandContext
  try {
    ctx = createContext({ command, options: parsed.options, positionals: parsed.positionals, flags: parsed.flags, io })
  } catch (error) {
    return reportEarlyError(io, error)
  }
  try {
    return (await command.run(ctx)) ?? ExitCode.OK
  } catch (error) {
    return reportError(ctx, error)
  }
}

function reportUsageError(io: CliIo, error: UsageError): number {
  io.stderr.write(`qtickets-load: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`)
  return ExitCode.USAGE
}

/** A failure before the logger exists (e.g. an unreadable .env): one plain line. */
function reportEarlyError(io: CliIo, error: unknown): number {
  if (!(error instanceof RunnerError)) throw error
  io.stderr.write(`qtickets-load: ${error.message}\n`)
  return error.exitCode
}

function reportError(ctx: CommandContext, error: unknown): number {
  if (error instanceof UsageError) return reportUsageError(ctx.io, error)
  if (ctx.signal.aborted) {
    ctx.logger.warn('interrupted', { err: error })
    return ExitCode.INTERRUPTED
  }
  const exitCode = exitCodeForError(error)
  if (error instanceof RunnerError) {
    // Expected failures: the message says it all; the stack only helps at debug level.
    ctx.logger.error(error.message, { exit_code: exitCode, ...(ctx.logger.enabled('debug') ? { err: error } : {}) })
  } else {
    ctx.logger.error(`failed: ${error instanceof Error ? error.message : String(error)}`, { exit_code: exitCode, err: error })
  }
  return exitCode
}
