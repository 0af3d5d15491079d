import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { COMMANDS } from './commands/index.js'
import { closedPort } from './commands/test-support.js'
import type { CliIo } from './io.js'
import { main } from './main.js'
import { VERSION } from './version.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('runner-cli-')
afterAll(() => temp.removeAll())

const TOKEN = 'qt-live-token-5f4e3d2c1b'

function fakeIo(options: { env?: Record<string, string>; tty?: boolean; cwd?: string } = {}) {
  let out = ''
  let err = ''
  const io: CliIo = {
    stdout: { write: (chunk: string) => (out += chunk), isTTY: options.tty ?? false },
    stderr: { write: (chunk: string) => (err += chunk), isTTY: options.tty ?? false, columns: 120 },
    env: options.env ?? {},
    cwd: options.cwd ?? temp.make(),
  }
  return { io, stdout: () => out, stderr: () => err }
}

async function cli(argv: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  const io = fakeIo(options)
  const code = await main(argv, io.io)
  return { code, stdout: io.stdout(), stderr: io.stderr() }
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('help', () => {
  it('--help teaches the commands, global options, environment, examples and exit codes', async () => {
    const { code, stdout, stderr } = await cli(['--help'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    for (const command of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${command.name} +${command.summary.slice(0, 20)}`, 'm'))
    for (const flag of ['--config <file>', '--tenant <name>', '--dry-run', '--json', '--verbose', '--quiet', '--version']) expect(stdout).toContain(flag)
    for (const name of ['QTICKETS_TOKEN', 'QTICKETS_BASE_URL', 'CLICKHOUSE_DATA_DIR', 'PII_HASH_KEY', 'LOG_LEVEL']) expect(stdout).toContain(name)
    expect(stdout).toContain('default: https://qtickets.ru/api/rest/v1')
    expect(stdout).toMatch(/^  75 +lock held/m)
    expect(stdout).toMatch(/^  78 +configuration error/m)
    expect(stdout).toContain('Examples')
  })

  it('every command has help with usage, options, environment, an example and exit codes', async () => {
    for (const command of COMMANDS) {
      const { code, stdout } = await cli([command.name, '--help'])
      expect(code, command.name).toBe(0)
      expect(stdout, command.name).toContain(`qtickets-load ${command.name} — ${command.summary}`)
      expect(stdout, command.name).toContain(`Usage\n  ${command.usage}`)
      expect(stdout, command.name).toContain('Global options')
      expect(stdout, command.name).toContain('Examples')
      expect(stdout, command.name).toMatch(/Exit codes\n {2}0 +\S/)
      for (const code of command.exitCodes) expect(stdout, `${command.name} exit ${code}`).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'))
      for (const option of command.options) expect(stdout, `${command.name} --${option.name}`).toContain(`--${option.name}`)
      for (const name of command.env) expect(stdout, `${command.name} ${name}`).toContain(name)
    }
  })

  it('each command lists only the global options it takes; --help says which commands take them', async () => {
    const globals = (stdout: string) => stdout.split('Global options\n')[1]!.split('\n\n')[0]!
    const sql = (await cli(['sql', '--help'])).stdout
    expect(globals(sql)).toContain('--config <file>')
    for (const flag of ['--json', '--verbose', '--quiet', '--version']) expect(globals(sql)).toContain(flag)
    for (const flag of ['--dry-run', '--tenant']) expect(globals(sql)).not.toContain(flag)
    const demo = globals((await cli(['demo', '--help'])).stdout)
    for (const flag of ['--config', '--tenant', '--dry-run']) expect(demo).not.toContain(flag)
    expect(globals((await cli(['migrate', '--help'])).stdout)).toContain('--dry-run')
    expect(globals((await cli(['run', '--help'])).stdout)).toMatch(/--config[\s\S]*--tenant[\s\S]*--dry-run/)
    const general = (await cli(['--help'])).stdout.replace(/\s+/g, ' ')
    expect(general).toContain('--dry-run read the API and validate everything, write nothing; for migrate, run, backfill')
    expect(general).toMatch(/--tenant <name> only this tenant.*; for run, backfill, status, doctor -/)
  })

  it('exit codes are explained for the command: sql 65 is a query ClickHouse rejected, status 3 an unhealthy tenant', async () => {
    expect((await cli(['sql', '--help'])).stdout).toMatch(/^ {2}65 +ClickHouse rejected the query/m)
    expect((await cli(['status', '--help'])).stdout).toMatch(/^ {2}3 +a tenant is unhealthy/m)
    expect((await cli(['demo', '--help'])).stdout).toMatch(/^ {2}1 +the loaded facts or inventory differ from the simulator's ground truth/m)
    expect((await cli(['demo', '--help'])).stdout).toMatch(/^ {2}LOG_LEVEL +debug, info, warn or error \(default: warn\)$/m)
    expect((await cli(['run', '--help'])).stdout).toMatch(/^ {2}65 +bad data: an API response failed validation/m)
  })

  it('help config prints the config file format, and --help says where to find it', async () => {
    const { code, stdout } = await cli(['help', 'config'])
    expect(code).toBe(0)
    expect(stdout).toContain('"tokenEnv": "ACME_QTICKETS_TOKEN"')
    expect(stdout).toMatch(/tenants\[\]: name, token, tokenEnv/)
    const general = (await cli(['--help'])).stdout.replace(/\s+/g, ' ')
    expect(general).toContain("'qtickets-load help config' prints the config file format")
    expect(general).toContain('packages/runner/README.md')
    expect((await cli(['run', '--help'])).stdout.replace(/\s+/g, ' ')).toContain("shared settings, see 'qtickets-load help config'")
  })

  it('backfill --help shows its required options, defaults and the lock exit code', async () => {
    const { stdout } = await cli(['backfill', '--help'])
    expect(stdout).toMatch(/--from <date> +first day to load, YYYY-MM-DD \(required\)/)
    expect(stdout).toMatch(/--window-days <n> +days per window \(default: 1\)/)
    expect(stdout).toMatch(/^ {2}QTICKETS_TZ +IANA zone of API date filters \(default: Europe\/Moscow\)/m)
    expect(stdout).toContain('qtickets-load backfill --from 2025-01-01 --to 2025-03-31')
    expect(stdout).toMatch(/^ {2}75 +lock held/m)
  })

  it('help <command> equals <command> --help, and --help wins over other problems on the line', async () => {
    expect((await cli(['help', 'sql'])).stdout).toBe((await cli(['sql', '--help'])).stdout)
    expect(await cli(['backfill', '--bogus', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('qtickets-load backfill') })
    expect((await cli(['help'])).stdout).toBe((await cli(['--help'])).stdout)
  })

  it('--version prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe('usage errors exit 64 with a clear message', () => {
  const cases: [string[], string][] = [
    [['rnu'], 'qtickets-load: unknown command "rnu" (did you mean run?)'],
    [['help', 'statsu'], 'qtickets-load: unknown command "statsu" (did you mean status?)'],
    [['run', '--dryrun'], 'qtickets-load: unknown option --dryrun (did you mean --dry-run?)'],
    [['run', '--from', '2025-01-01'], "qtickets-load: --from is not an option of qtickets-load run\nRun 'qtickets-load run --help' for its options."],
    [['backfill', '--from', '2025-01-01'], 'qtickets-load: backfill needs --to <date>'],
    [['backfill', '--from', '2025-02-30', '--to', '2025-03-01'], 'qtickets-load: --from must be a calendar date like 2025-01-31, got "2025-02-30"'],
    [['backfill', '--from', '2025-01-01', '--to', '2025-01-02', '--window-days', '0'], 'qtickets-load: --window-days must be a whole number from 1 to 366, got "0"'],
    [['run', '--resource', 'ordres'], 'qtickets-load: unknown resource "ordres" (did you mean orders?)'],
    [['run', '--tenant'], 'qtickets-load: --tenant needs a value: --tenant <name>'],
    [['run', '--dry-run=yes'], 'qtickets-load: --dry-run takes no value'],
    [['run', 'extra'], 'qtickets-load: unexpected argument "extra" for run'],
    [['run', '--verbose', '--quiet'], 'qtickets-load: --verbose and --quiet cannot be used together'],
    [['sql'], 'qtickets-load: sql needs <query>'],
    [['sql', '--format', 'json', 'SELECT 1'], 'qtickets-load: --format must be one of JSONEachRow, Pretty, CSV, got "json" (did you mean JSONEachRow?)'],
    [['sql', 'DROP TABLE zakaz.meta_sync_state'], 'qtickets-load: sql runs read-only queries'],
    [['sql', '--dry-run', 'SELECT 1'], "qtickets-load: --dry-run is not an option of qtickets-load sql\nRun 'qtickets-load sql --help' for its options."],
    [['demo', '--tenant', 'acme'], "qtickets-load: --tenant is not an option of qtickets-load demo\nRun 'qtickets-load demo --help' for its options."],
    [['migrate', '--tenant', 'acme'], "qtickets-load: --tenant is not an option of qtickets-load migrate\nRun 'qtickets-load migrate --help' for its options."],
    [['help', 'confgi'], 'qtickets-load: unknown command "confgi" (did you mean config?)'],
    [['simulator', '--port', '70000'], 'qtickets-load: --port must be a whole number from 0 to 65535, got "70000"'],
    [[], "qtickets-load: no command given\ncommands: demo, migrate, run, backfill, status, doctor, sql, simulator, help. Run 'qtickets-load --help' for more."],
  ]
  for (const [argv, message] of cases) {
    it(`qtickets-load ${argv.join(' ')}`, async () => {
      const result = await cli(argv, { env: { QTICKETS_TOKEN: TOKEN } })
      expect(result.code).toBe(64)
      expect(result.stdout).toBe('')
      expect(result.stderr.startsWith(message)).toBe(true)
    })
  }

  it('an unknown --tenant suggests the configured one', async () => {
    const result = await cli(['run', '--tenant', 'defualt'], { env: { QTICKETS_TOKEN: TOKEN } })
    expect(result).toMatchObject({ code: 64, stderr: 'qtickets-load: unknown tenant "defualt" (did you mean default?)\nconfigured tenants: default\n' })
  })
})

describe('commands', () => {
  it('run without a token exits 78 and says why, as a JSON log line', async () => {
    const { code, stdout, stderr } = await cli(['run'])
    expect(code).toBe(78)
    expect(stdout).toBe('')
    const [line] = jsonLines(stderr)
    expect(line).toMatchObject({ level: 'error', command: 'run', exit_code: 78, msg: expect.stringContaining('no tenant to load: QTICKETS_TOKEN is not set') })
    expect(line?.run_id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('a bad variable exits 78 naming it', async () => {
    const { code, stderr } = await cli(['run'], { env: { QTICKETS_TOKEN: TOKEN, QTICKETS_LAG_MINUTES: 'ten' } })
    expect(code).toBe(78)
    expect(jsonLines(stderr)[0]?.msg).toBe('QTICKETS_LAG_MINUTES must be a positive integer from 1 to 10080, got "ten"')
  })

  it('run and backfill exit 69 when ClickHouse is unreachable, without leaking the token or password at debug level', async () => {
    const unreachable = `http://loader:ch-secret-pw@127.0.0.1:${await closedPort()}`
    for (const argv of [['run'], ['backfill', '--from', '2025-01-01', '--to', '2025-01-31']]) {
      const env = { QTICKETS_TOKEN: TOKEN, LOG_LEVEL: 'debug', CLICKHOUSE_URL: unreachable }
      const { code, stderr } = await cli(argv, { env })
      expect(code, argv[0]).toBe(69)
      expect(stderr).toContain('"level":"debug"')
      expect(stderr).not.toContain(TOKEN)
      expect(stderr).not.toContain('ch-secret-pw')
    }
  })

  it('reads .env from the working directory', async () => {
    const cwd = temp.make()
    const unreachable = `http://127.0.0.1:${await closedPort()}`
    writeFileSync(join(cwd, '.env'), `QTICKETS_TOKEN=${TOKEN}\nQTICKETS_TENANT=from-dotenv\nQTICKETS_BASE_URL=${unreachable}/api/rest/v1\nCLICKHOUSE_URL=${unreachable}\n`)
    const { stdout } = await cli(['doctor'], { cwd })
    expect(stdout).toMatch(/^PASS tenant from-dotenv +token from env QTICKETS_TOKEN/m)
    expect(stdout).toMatch(/^FAIL qtickets api from-dotenv +API unreachable: 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/m)
  })

  it('doctor reports each check and exits with the first failure', async () => {
    // Nothing listens there: the API and ClickHouse checks fail fast (their verdicts are tested in src/doctor).
    const unreachable = `http://127.0.0.1:${await closedPort()}`
    const failing = await cli(['doctor'], { env: { CLICKHOUSE_URL: unreachable } })
    expect(failing.code).toBe(78)
    expect(failing.stdout).toMatch(/^FAIL tenants +QTICKETS_TOKEN is not set.*\n +→ export QTICKETS_TOKEN=… \(organiser REST token: cabinet → Settings → Main\)/m)
    expect(failing.stdout).toMatch(/^WARN pii hash key +PII_HASH_KEY is not set.*\n +→ export PII_HASH_KEY=<32\+ random bytes>, e\.g\. `openssl rand -hex 32`/m)

    const env = { QTICKETS_TOKEN: TOKEN, PII_HASH_KEY: 'pii-key-0123456789abcdef', QTICKETS_BASE_URL: `${unreachable}/api/rest/v1`, CLICKHOUSE_URL: unreachable }
    const unavailable = await cli(['doctor', '--verbose'], { env })
    expect(unavailable.code).toBe(69)
    expect(unavailable.stdout).toMatch(/^PASS lock dir/m)
    expect(unavailable.stdout).toMatch(/^FAIL qtickets api default +API unreachable/m)
    expect(unavailable.stdout).toContain('Resolved configuration')
    expect(unavailable.stdout).not.toContain(TOKEN)
    expect(unavailable.stdout).not.toContain('pii-key-0123456789abcdef')

    const badConfig = await cli(['doctor', '--config', 'missing.json'], { env })
    expect(badConfig.code).toBe(78)
    expect(badConfig.stdout).toMatch(/^FAIL config +config file missing.json does not exist/m)
  })

  it('doctor --json prints the verdicts as JSON on stdout', async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}`
    const { code, stdout } = await cli(['doctor', '--json'], { env: { QTICKETS_TOKEN: TOKEN, QTICKETS_BASE_URL: `${unreachable}/api/rest/v1`, CLICKHOUSE_URL: unreachable } })
    expect(code).toBe(69)
    const result = JSON.parse(stdout) as { verdicts: { check: string; status: string }[] }
    expect(result.verdicts).toContainEqual(expect.objectContaining({ check: 'tenant default', status: 'ok' }))
    expect(result.verdicts).toContainEqual(expect.objectContaining({ check: 'pii hash key', status: 'warn' }))
  })

  it('logs human-readable lines on a terminal', async () => {
    const { code, stderr } = await cli(['run'], { tty: true })
    expect(code).toBe(78)
    expect(stderr).toMatch(/^\d\d:\d\d:\d\d\.\d{3} ERROR no tenant to load: QTICKETS_TOKEN is not set.* run_id=[0-9a-f-]{36} command=run exit_code=78\n$/)
  })

  it('config warnings are logged once, without secrets', async () => {
    const cwd = temp.make()
    writeFileSync(join(cwd, 'tenants.json'), JSON.stringify({ tenants: [{ name: 'acme', token: TOKEN }] }), { mode: 0o644 })
    const { stderr } = await cli(['doctor', '--config', 'tenants.json'], { cwd })
    const warnings = jsonLines(stderr).filter((line) => line.level === 'warn')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.msg).toContain('tenants.json is readable by every user and holds secrets (tenants[0].token)')
    expect(stderr).not.toContain(TOKEN)
  })
})
