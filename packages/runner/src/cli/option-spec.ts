/** A command-line option, as parsed and as shown in help. */
export interface OptionSpec {
  /** Long name without dashes (`dry-run`). */
  name: string
  type: 'string' | 'boolean'
  /** One-letter alias (`v` for `-v`). */
  short?: string
  /** Placeholder of the value in help (`<date>`). */
  valueName?: string
  description: string
  /** Default of a string option: applied when absent, and shown in help. */
  default?: string
  /** Default shown in help when it is not a fixed value ("all configured tenants"). */
  defaultText?: string
  /** May be repeated; the value is then an array. */
  multiple?: boolean
  /** Allowed values (matched case-insensitively, normalised to this spelling). */
  choices?: readonly string[]
  /** Must be given. */
  required?: boolean
}

/** Global options only some commands take; the others (--json, --verbose, --quiet, --help, --version) apply to every command. */
export const OPTIONAL_GLOBAL_OPTIONS = ['config', 'tenant', 'dry-run'] as const

/** One of `OPTIONAL_GLOBAL_OPTIONS`. */
export type OptionalGlobalOption = (typeof OPTIONAL_GLOBAL_OPTIONS)[number]

/** The global options: `--config`, `--tenant` and `--dry-run` for the commands that take them, the others for every command. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'config',
    short: 'c',
    type: 'string',
    valueName: 'file',
    description: "JSON config file listing tenants and shared settings, see 'qtickets-load help config'",
    defaultText: '$QTICKETS_CONFIG; without one, a single tenant from QTICKETS_TOKEN',
  },
  {
    name: 'tenant',
    short: 't',
    type: 'string',
    valueName: 'name',
    multiple: true,
    description: 'only this tenant; repeat it or comma-separate names for several',
    defaultText: 'all configured tenants',
  },
  { name: 'dry-run', type: 'boolean', description: 'read the API and validate everything, write nothing' },
  { name: 'json', type: 'boolean', description: 'machine-readable output: JSON summary on stdout, JSON log lines on stderr' },
  { name: 'verbose', short: 'v', type: 'boolean', description: 'debug logs, human-readable' },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'only warnings and errors, no progress bar' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show help (for a command: qtickets-load <command> --help)' },
  { name: 'version', short: 'V', type: 'boolean', description: 'print the version' },
]

/** An option's flag as written in help: `-c, --config <file>` or `    --dry-run`. */
export function optionLabel(option: OptionSpec): string {
  const short = option.short ? `-${option.short}, ` : '    '
  const value = option.type === 'string' ? ` <${option.valueName ?? 'value'}>` : ''
  return `${short}--${option.name}${value}`
}

/** The global options a command takes: every universal one, and those of `OPTIONAL_GLOBAL_OPTIONS` it names. */
export function globalOptionsFor(optional: readonly OptionalGlobalOption[] = []): OptionSpec[] {
  return GLOBAL_OPTIONS.filter((option) => !isOptionalGlobal(option.name) || optional.includes(option.name))
}

/** True for `config`, `tenant` and `dry-run`. */
export function isOptionalGlobal(name: string): name is OptionalGlobalOption {
  return (OPTIONAL_GLOBAL_OPTIONS as readonly string[]).includes(name)
}
