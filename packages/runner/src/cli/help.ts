import { ENV_VARS, envVarDocs, type EnvVarDoc } from '../config/env-vars.js'
import { EXIT_CODE_MEANINGS, type ExitCodeValue } from '../exit-codes.js'
import type { Command } from './command.js'
import { GLOBAL_OPTIONS, globalOptionsFor, isOptionalGlobal, optionLabel, type OptionSpec } from './option-spec.js'
import { formatParagraph, formatRows } from './text-layout.js'

/** Width of the variable column: longer names get a line of their own, so descriptions keep room for URLs. */
const ENV_TERM_WIDTH = 26

/** `qtickets-load --help`: what the tool does, its commands, global options, environment, examples and exit codes. */
export function renderGlobalHelp(commands: readonly Command[], version: string): string {
  const allCodes = Object.keys(EXIT_CODE_MEANINGS).map(Number) as ExitCodeValue[]
  return [
    `qtickets-load ${version} — load QTickets ticket sales into ClickHouse`,
    '',
    'Usage',
    '  qtickets-load <command> [options]',
    '',
    formatParagraph(
      'Reads orders, events, inventory and the other QTickets resources of one or more organisers (tenants) and ' +
        'writes them to ClickHouse: an embedded engine in CLICKHOUSE_DATA_DIR by default, or a server/cluster at CLICKHOUSE_URL. ' +
        'Logs go to stderr (JSON lines, human-readable on a terminal); results go to stdout.',
    ),
    '',
    'Commands',
    formatRows(commands.map((command) => [command.name, command.summary])),
    '',
    'Global options',
    formatRows(GLOBAL_OPTIONS.map((option) => globalOptionRow(option, commands))),
    '',
    'Environment (also read from ./.env; variables already set win)',
    formatRows(ENV_VARS.map(envRow), { maxTerm: ENV_TERM_WIDTH }),
    '',
    formatParagraph(
      "Precedence: flags > environment > config file > defaults; a tenant's own fields in the config file win over shared settings. 'qtickets-load help config' prints the config file format with an example; the package README (packages/runner/README.md in the repository) has the details.",
      { indent: 0 },
    ),
    '',
    'Examples',
    formatExamples([
      'export QTICKETS_TOKEN=… PII_HASH_KEY=…; qtickets-load migrate && qtickets-load run',
      'qtickets-load run --config tenants.json --tenant acme',
      'qtickets-load backfill --from 2025-01-01 --to 2025-03-31',
      'qtickets-load sql "SELECT * FROM v_qtickets_sales_dashboard LIMIT 10"',
      'qtickets-load demo',
    ]),
    '',
    'Exit codes',
    formatExitCodes(allCodes),
    '',
    "Run 'qtickets-load <command> --help' for a command's options.",
    '',
  ].join('\n')
}

/** `qtickets-load <command> --help`: what it does, usage, arguments, options with defaults, environment, examples, exit codes. */
export function renderCommandHelp(command: Command): string {
  const sections = [`qtickets-load ${command.name} — ${command.summary}`, '', 'Usage', `  ${command.usage}`, '', formatParagraph(command.description)]
  if (command.positionals?.length) {
    sections.push('', 'Arguments', formatRows(command.positionals.map((spec) => [`<${spec.name}>`, spec.description + (spec.required ? ' (required)' : '')])))
  }
  if (command.options.length > 0) sections.push('', 'Options', formatRows(command.options.map(optionRow)))
  sections.push('', 'Global options', formatRows(globalOptionsFor(command.globalOptions).map(optionRow)))
  if (command.env.length > 0) {
    const docs = envVarDocs(command.env).map((doc) => (doc.name === 'LOG_LEVEL' && command.defaultLogLevel ? { ...doc, default: command.defaultLogLevel } : doc))
    sections.push('', 'Environment (also read from ./.env)', formatRows(docs.map(envRow), { maxTerm: ENV_TERM_WIDTH }))
  }
  if (command.examples.length > 0) sections.push('', 'Examples', formatExamples(command.examples))
  sections.push('', 'Exit codes', formatExitCodes(command.exitCodes, command.exitCodeMeanings), '')
  return sections.join('\n')
}

function optionRow(option: OptionSpec): [string, string] {
  const notes: string[] = []
  if (option.choices) notes.push(`one of ${option.choices.join(', ')}`)
  if (option.required) notes.push('required')
  const shownDefault = option.default ?? option.defaultText
  if (shownDefault !== undefined) notes.push(`default: ${shownDefault}`)
  return [optionLabel(option), notes.length > 0 ? `${option.description} (${notes.join('; ')})` : option.description]
}

/** A global option in the general help; `--config`, `--tenant` and `--dry-run` say which commands take them. */
function globalOptionRow(option: OptionSpec, commands: readonly Command[]): [string, string] {
  const [label, text] = optionRow(option)
  const name = option.name
  if (!isOptionalGlobal(name)) return [label, text]
  const users = commands.filter((command) => command.globalOptions?.includes(name)).map((command) => command.name)
  return [label, `${text}; for ${users.join(', ')}`]
}

function envRow(doc: EnvVarDoc): [string, string] {
  const notes = [doc.secret ? 'secret' : undefined, doc.default !== undefined ? `default: ${doc.default}` : undefined].filter(Boolean)
  return [doc.name, notes.length > 0 ? `${doc.description} (${notes.join('; ')})` : doc.description]
}

function formatExamples(examples: readonly string[]): string {
  return examples.map((example) => `  ${example}`).join('\n')
}

function formatExitCodes(codes: readonly ExitCodeValue[], meanings: Readonly<Partial<Record<ExitCodeValue, string>>> = {}): string {
  return formatRows(codes.map((code) => [String(code), meanings[code] ?? EXIT_CODE_MEANINGS[code]]), { maxTerm: 4 })
}
