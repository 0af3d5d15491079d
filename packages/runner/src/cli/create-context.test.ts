import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { GlobalFlags } from './command.js'
import { COMMANDS } from './commands/index.js'
import { createContext } from './create-context.js'
import type { CliIo } from './io.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('runner-ctx-')
afterAll(() => temp.removeAll())

const ACME = 'acme-token-7a6b5c4d3e'
const GLOBEX = 'globex-literal-token-99'
const CH_PASSWORD = 'ch-P4ssw0rd-x'
const PII_KEY = 'pii-hash-key-0123456789abcdef'
const runCommand = COMMANDS.find((command) => command.name === 'run')!

function setup(options: { flags?: Partial<GlobalFlags>; tty?: boolean; env?: Record<string, string> } = {}) {
  const cwd = temp.make()
  writeFileSync(join(cwd, 'tenants.json'), JSON.stringify({ tenants: [{ name: 'acme', tokenEnv: 'ACME_TOKEN' }, { name: 'globex', token: GLOBEX }] }), { mode: 0o600 })
  let out = ''
  let err = ''
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk), isTTY: options.tty ?? false, columns: 200 },
    env: {
      LOG_LEVEL: 'debug',
      ACME_TOKEN: ACME,
      CLICKHOUSE_URL: `https://loader:${CH_PASSWORD}@ch.internal:8443`,
      PII_HASH_KEY: PII_KEY,
      ...options.env,
    },
    cwd,
  }
  const flags: GlobalFlags = { config: 'tenants.json', tenant: [], dryRun: false, json: false, verbose: false, quiet: false, ...options.flags }
  const ctx = createContext({ command: runCommand, options: {}, positionals: [], flags, io, runId: 'run-1' })
  return { ctx, stdout: () => out, stderr: () => err }
}

describe('createContext', () => {
  it('keeps every configured secret and personal data out of debug logs', () => {
    const { ctx, stderr } = setup()
    const config = ctx.loadConfig()
    expect(config.tenants.map((tenant) => tenant.name)).toEqual(['acme', 'globex'])
    const error = new Error(`GET /orders failed for token ${GLOBEX}`)
    error.stack = `${error.message}\n    at request (transport.ts:10:5) Authorization: Bearer ${ACME}`
    ctx.logger.debug('request failed', { err: error, tenant: 'globex' })
    ctx.logger.debug('request', { headers: { Authorization: `Bearer ${ACME}` }, url: `https://loader:${CH_PASSWORD}@ch.internal:8443/?query=SELECT+1` })
    ctx.logger.debug(`hashing with ${PII_KEY}`, { buyer: 'Ivan <ivan@example.com>, +7 912 345-67-89' })
    const output = stderr()
    for (const secret of [ACME, GLOBEX, CH_PASSWORD, PII_KEY, 'ivan@example.com', '345-67-89']) expect(output).not.toContain(secret)
    const lines = output.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines.every((line) => line.run_id === 'run-1' && line.command === 'run')).toBe(true)
    expect(lines.at(-1)).toMatchObject({ level: 'debug', msg: 'hashing with [redacted]', buyer: 'Ivan <[email]>, [phone]' })
  })

  it('hides secrets of the environment even before the config is loaded', () => {
    const { ctx, stderr } = setup()
    ctx.logger.info(`starting with ${ACME} and ${CH_PASSWORD}`)
    expect(stderr()).toContain('starting with [redacted] and [redacted]')
  })

  it('applies the config log level and logs config warnings once', () => {
    const { ctx, stderr } = setup({ env: { LOG_LEVEL: 'warn', QTICKETS_TOKEN: 'ignored-token-1234' } })
    ctx.loadConfig()
    ctx.loadConfig()
    ctx.logger.info('hidden at warn level')
    const lines = stderr().trim().split('\n').map((line) => JSON.parse(line) as { level: string; msg: string })
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', msg: expect.stringContaining('QTICKETS_TOKEN is set but ignored') })])
  })

  it('writes results as text, or as one JSON line with --json', () => {
    const text = setup()
    text.ctx.output({ rows: 3 }, () => 'rows: 3')
    expect(text.stdout()).toBe('rows: 3\n')
    const json = setup({ flags: { json: true } })
    json.ctx.output({ rows: 3 }, () => 'rows: 3')
    expect(json.stdout()).toBe('{"rows":3}\n')
  })

  it('draws a progress bar on a terminal and logs progress lines elsewhere', () => {
    const tty = setup({ tty: true })
    const bar = tty.ctx.progress('backfill acme')
    bar.start(2)
    bar.tick(2)
    bar.done()
    expect(tty.stderr()).toContain('\r\x1b[2Kbackfill acme [')
    expect(tty.stderr()).toMatch(/INFO {2}backfill acme finished/)

    const pipe = setup()
    const lines = pipe.ctx.progress('backfill acme')
    lines.start(2)
    lines.tick(2)
    expect(pipe.stderr()).not.toContain('\x1b')
    expect(pipe.stderr()).toContain('"msg":"backfill acme progress"')

    const quiet = setup({ tty: true, flags: { quiet: true } })
    quiet.ctx.progress('x').start(1)
    expect(quiet.stderr()).toBe('')
  })
})
