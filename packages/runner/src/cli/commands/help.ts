import { UsageError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import { closestMatch } from '../../util/closest-match.js'
import type { Command } from '../command.js'
import { renderConfigHelp } from '../config-help.js'
import { renderCommandHelp, renderGlobalHelp } from '../help.js'
import { VERSION } from '../version.js'

/** `qtickets-load help [command]`; `commands` is read lazily because the list includes this command. */
export function createHelpCommand(commands: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'Show help for qtickets-load or for one command',
    usage: 'qtickets-load help [command | config]',
    description:
      'Prints what a command does, its options with their defaults, the environment variables it reads, examples and its exit codes (same as qtickets-load <command> --help); `help config` prints the config file format with an example.',
    options: [],
    positionals: [{ name: 'command', description: 'the command to explain, or config for the config file format' }],
    env: [],
    examples: ['qtickets-load help', 'qtickets-load help backfill', 'qtickets-load help config'],
    exitCodeMeanings: { [ExitCode.USAGE]: 'usage error: unknown command or topic' },
    exitCodes: [ExitCode.OK, ExitCode.USAGE],
    async run(ctx) {
      const name = ctx.positionals[0]
      if (name === undefined) {
        ctx.io.stdout.write(renderGlobalHelp(commands(), VERSION))
        return ExitCode.OK
      }
      if (name === 'config') {
        ctx.io.stdout.write(renderConfigHelp())
        return ExitCode.OK
      }
      const command = commands().find((candidate) => candidate.name === name)
      if (!command) {
        const suggestion = closestMatch(name, [...commands().map((candidate) => candidate.name), 'config'])
        throw new UsageError(`unknown command "${name}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`)
      }
      ctx.io.stdout.write(renderCommandHelp(command))
      return ExitCode.OK
    },
  }
}
