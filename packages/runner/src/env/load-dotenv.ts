import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ConfigError } from '../errors.js'
import { parseDotenv } from './parse-dotenv.js'

/** Environment variables as a plain record (like `process.env`). */
export type Env = Readonly<Record<string, string | undefined>>

/** The result of merging a `.env` file into an environment. */
export interface DotenvResult {
  /** The merged environment; the input is never mutated. */
  env: Env
  /** Absolute path of the `.env` file read, if one existed. */
  path?: string
  /** Names taken from the file (variables already set in `env`, even to '', are kept). */
  applied: string[]
}

/** Merges `<cwd>/.env` (or `file`) under `env`: already-set variables are never overridden. */
export function loadDotenv(options: { env: Env; cwd: string; file?: string }): DotenvResult {
  const path = resolve(options.cwd, options.file ?? '.env')
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { env: options.env, applied: [] }
    throw new ConfigError(`cannot read ${path} (${code ?? 'unknown error'})`)
  }
  const fromFile = parseDotenv(text)
  const applied = Object.keys(fromFile).filter((key) => options.env[key] === undefined)
  const env: Record<string, string | undefined> = { ...options.env }
  for (const key of applied) env[key] = fromFile[key]
  return { env, path, applied }
}
