import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from '../errors.js'
import { closestMatch } from '../util/closest-match.js'
import type { Command, GlobalFlags, OptionValues } from './command.js'
import { GLOBAL_OPTIONS, globalOptionsFor, type OptionSpec } from './option-spec.js'

/** A command line, understood. */
export interface ParsedCommandLine {
  /** The command, or undefined when none was named. */
  command: Command | undefined
  options: OptionValues
  positionals: string[]
  flags: GlobalFlags
  /** `--help` was given (other problems with the line are then ignored). */
  help: boolean
  /** `--version` was given. */
  version: boolean
}

/** Parses argv (without node and script) into a command, options and positionals; throws UsageError with a suggestion. */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): ParsedCommandLine {
  const everyOption = uniqueOptions([...GLOBAL_OPTIONS, ...commands.flatMap((command) => command.options)])
  const { tokens } = parseArgs({ args: [...argv], options: toParseArgs(everyOption), strict: false, allowPositionals: true, tokens: true })
  const commandToken = tokens.find((token) => token.kind === 'positional')
  const command = commandToken ? findCommand(commandToken.value, commands) : undefined
  const known = command ? [...globalOptionsFor(command.globalOptions), ...command.options] : [...GLOBAL_OPTIONS]
  const help = tokens.some((token) => token.kind === 'option' && token.name === 'help')

  if (!help) checkOptionTokens(tokens, known, everyOption, command)
  const args = commandToken ? argv.filter((_, index) => index !== commandToken.index) : [...argv]
  const parsed = parseArgs({ args, options: toParseArgs(known), strict: false, allowPositionals: true })
  const options = parsed.values as Record<string, string | boolean | string[] | undefined>
  const positionals = parsed.positionals
  if (!help && command) {
    normaliseChoices(options, command.options)
    checkRequired(options, command)
    checkPositionals(positionals, command)
  }
  return {
    command,
    options,
    positionals,
    flags: globalFlags(options),
    help,
    version: options.version === true,
  }
}

function findCommand(name: string, commands: readonly Command[]): Command {
  const command = commands.find((candidate) => candidate.name === name)
  if (command) return command
  const suggestion = closestMatch(name, commands.map((candidate) => candidate.name))
  throw new UsageError(
    `unknown command "${name}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
    `commands: ${commands.map((candidate) => candidate.name).join(', ')}. Run 'qtickets-load --help' for more.`,
  )
}

type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never

function checkOptionTokens(tokens: readonly Token[], known: readonly OptionSpec[], everyOption: readonly OptionSpec[], command: Command | undefined): void {
  const where = command ? `qtickets-load ${command.name}` : 'qtickets-load'
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const spec = known.find((option) => option.name === token.name)
    if (!spec) {
      if (everyOption.some((option) => option.name === token.name)) {
        throw new UsageError(`${token.rawName} is not an option of ${where}`, `Run '${where} --help' for its options.`)
      }
      const suggestion = closestMatch(token.name, known.map((option) => option.name))
      throw new UsageError(
        `unknown option ${token.rawName}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`,
        `Run '${where} --help' for the options.`,
      )
    }
    if (spec.type === 'string' && token.value === undefined) {
      throw new UsageError(`${token.rawName} needs a value: ${token.rawName} <${spec.valueName ?? 'value'}>`)
    }
    if (spec.type === 'boolean' && token.inlineValue) throw new UsageError(`${token.rawName} takes no value`)
  }
}

function normaliseChoices(options: Record<string, unknown>, specs: readonly OptionSpec[]): void {
  for (const spec of specs) {
    const value = options[spec.name]
    if (!spec.choices || typeof value !== 'string') continue
    const match = spec.choices.find((choice) => choice.toLowerCase() === value.toLowerCase())
    if (match) {
      options[spec.name] = match
      continue
    }
    const suggestion = closestMatch(value, spec.choices)
    throw new UsageError(
      `--${spec.name} must be one of ${spec.choices.join(', ')}, got "${value}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
    )
  }
}

function checkRequired(options: Record<string, unknown>, command: Command): void {
  const missing = command.options.filter((spec) => spec.required && options[spec.name] === undefined)
  if (missing.length === 0) return
  const list = missing.map((spec) => `--${spec.name} <${spec.valueName ?? 'value'}>`).join(' and ')
  throw new UsageError(`${command.name} needs ${list}`, `usage: ${command.usage}`)
}

function checkPositionals(positionals: string[], command: Command): void {
  const specs = command.positionals ?? []
  const variadic = specs.some((spec) => spec.variadic)
  if (positionals.length > specs.length && !variadic) {
    const extra = positionals[specs.length]!
    throw new UsageError(`unexpected argument "${extra}" for ${command.name}`, `usage: ${command.usage}`)
  }
  const missing = specs.filter((spec, index) => spec.required && positionals[index] === undefined)
  if (missing.length > 0) {
    throw new UsageError(`${command.name} needs <${missing.map((spec) => spec.name).join('> <')}>`, `usage: ${command.usage}`)
  }
}

function globalFlags(options: Record<string, string | boolean | string[] | undefined>): GlobalFlags {
  const flags: GlobalFlags = {
    tenant: Array.isArray(options.tenant) ? options.tenant : [],
    dryRun: options['dry-run'] === true,
    json: options.json === true,
    verbose: options.verbose === true,
    quiet: options.quiet === true,
  }
  if (typeof options.config === 'string') flags.config = options.config
  if (flags.verbose && flags.quiet) throw new UsageError('--verbose and --quiet cannot be used together')
  return flags
}

function uniqueOptions(options: readonly OptionSpec[]): OptionSpec[] {
  const byName = new Map<string, OptionSpec>()
  for (const option of options) if (!byName.has(option.name)) byName.set(option.name, option)
  return [...byName.values()]
}

function toParseArgs(options: readonly OptionSpec[]): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {}
  for (const option of options) {
    config[option.name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.default !== undefined ? { default: option.default } : {}),
    }
  }
  return config
}
