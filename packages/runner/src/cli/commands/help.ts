import { UsageError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import { closestMatch } from '../../util/closest-match.js'
import type { Command } from '../command.js'
import { renderCommandHelp, renderGlobalHelp } from '../help.js'
import { VERSION } from '../version.js'

/** `qtickets-load help [command]`; `commands` is read lazily because the list includes this command. */
export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'Show help for qtickets-load or for one command',
    usage: 'qtickets-load help [command]',
    description: 'Prints what a command does, its options with their defaults, the environment variables it reads, examples and its exit codes. Same as qtickets-load <command> --help.',
    options: [],
    positionals: [{ name: 'command', description: 'the command to explain' }],
    env: [],
    examples: ['qtickets-load help', 'qtickets-load help backfill'],
    exitCodes: [ExitCode.OK, ExitCode.USAGE],
    async run(ctx) {
      const name = ctx.positionals[0]
      if (name === undefined) {
        ctx.io.stdout.write(renderGlobalHelp(commands(), VERSION))
        return ExitCode.OK
      }
      const command = commands().find((candidate) => candidate.name === name)
      if (!command) {
        const suggestion = closestMatch(name, commands().map((candidate) => candidate.name))
        throw new UsageError(`unknown command "${name}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`)
      }
      ctx.io.stdout.write(renderCommandHelp(command))
      return ExitCode.OK
    },
  }
}
