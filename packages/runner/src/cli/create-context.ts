import { randomUUID } from 'node:crypto'
import { configSecrets, envSecrets } from '../config/config-secrets.js'
import { loadConfig } from '../config/load-config.js'
import type { RunnerConfig } from '../config/types.js'
import { loadDotenv } from '../env/load-dotenv.js'
import { isLogLevel, type LogLevel } from '../log/levels.js'
import { createLogger, type TextSink } from '../log/logger.js'
import { createRedactor } from '../log/redactor.js'
import { createProgress } from '../progress/progress.js'
import { createStatusLine, type StatusLine } from '../progress/status-line.js'
import type { Command, CommandContext, GlobalFlags, OptionValues } from './command.js'
import type { CliIo } from './io.js'

/** Builds the context a command runs in: run id, redacting logger, lazy config, progress and output helpers. */
export function createContext(input: {
  command: Command
  options: OptionValues
  positionals: string[]
  flags: GlobalFlags
  io: CliIo
  runId?: string
}): CommandContext {
  const { command, flags, io } = input
  const runId = input.runId ?? randomUUID()
  // Secrets of the environment and .env are hidden from the first log line on, before any config is loaded.
  const bootEnv = loadDotenv({ env: io.env, cwd: io.cwd }).env
  const redactor = createRedactor(envSecrets(bootEnv))
  const statusLine = io.stderr.isTTY && !flags.json && !flags.quiet ? createStatusLine(io.stderr) : undefined
  const sink: TextSink = statusLine ?? io.stderr
  const logger = createLogger({
    sink,
    format: !flags.json && (io.stderr.isTTY || flags.verbose) ? 'pretty' : 'json',
    level: initialLevel(flags, bootEnv.LOG_LEVEL, command.defaultLogLevel),
    redactor,
    ...(io.now ? { now: io.now } : {}),
  }).child({ run_id: runId, command: command.name })

  let config: RunnerConfig | undefined
  return {
    options: input.options,
    positionals: input.positionals,
    flags,
    io,
    runId,
    logger,
    signal: io.signal ?? new AbortController().signal,
    loadConfig() {
      if (config) return config
      config = loadConfig({
        flags,
        env: io.env,
        cwd: io.cwd,
        requireTokens: command.needsTokens ?? true,
        ...(command.defaultLogLevel ? { defaultLogLevel: command.defaultLogLevel } : {}),
      })
      redactor.addSecrets(configSecrets(config))
      logger.setLevel(config.logLevel)
      for (const warning of config.warnings) logger.warn(warning)
      return config
    },
    progress: (label) => createProgress({ label, mode: progressMode(flags, statusLine), ...(statusLine ? { statusLine } : {}), logger }),
    output(value, text) {
      const body = flags.json ? JSON.stringify(value) : text()
      io.stdout.write(body.endsWith('\n') ? body : `${body}\n`)
    },
  }
}

function initialLevel(flags: GlobalFlags, envLevel: string | undefined, commandDefault: LogLevel | undefined): LogLevel {
  if (flags.verbose) return 'debug'
  if (flags.quiet) return 'warn'
  const level = envLevel?.trim()
  return isLogLevel(level) ? level : (commandDefault ?? 'info')
}

function progressMode(flags: GlobalFlags, statusLine: StatusLine | undefined): 'bar' | 'log' | 'off' {
  if (flags.quiet) return 'off'
  return statusLine ? 'bar' : 'log'
}
