import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createSink } from '@zakaz/clickhouse-sink'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closedPort, logMessages, runCli } from './test-support.js'
import { tempDirs } from '../../../test/support/temp-dirs.js'

const temp = tempDirs('sql-cli-')
afterAll(() => temp.removeAll())

const dataDir = temp.make()
const env = { CLICKHOUSE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: 'sql_db' }

beforeAll(async () => {
  const sink = await createSink({ dataDir, database: 'sql_db', logger: { warn: () => undefined } })
  await sink.migrate()
  await sink.startRun({ job: 'run', tenant: 'acme', runId: 'run-1' })
  await sink.finishRun({ job: 'run', tenant: 'acme', runId: 'run-1', status: 'ok', rowsByResource: { orders: 3 } })
  await sink.close()
})

describe('qtickets-load sql', () => {
  it('prints Pretty by default, in the configured database', async () => {
    const result = await runCli(['sql', "SELECT tenant, status, rows_by_resource['orders'] AS orders FROM meta_job_runs FINAL"], { env })
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/┃ tenant ┃ status ┃ orders ┃/)
    expect(result.stdout).toMatch(/│ acme {3}│ ok {5}│ {6}3 │/)
    expect((await runCli(['sql', 'SELECT currentDatabase() AS db'], { env })).stdout).toContain('sql_db')
  })

  it('prints JSONEachRow with --json, and CSV with --format CSV', async () => {
    const query = 'SELECT toUInt32(number) AS n, toString(number * 2) AS s FROM system.numbers LIMIT 3'
    expect(await runCli(['sql', '--json', query], { env })).toMatchObject({ code: 0, stdout: '{"n":0,"s":"0"}\n{"n":1,"s":"2"}\n{"n":2,"s":"4"}\n' })
    expect(await runCli(['sql', '--format', 'CSV', query], { env })).toMatchObject({ code: 0, stdout: '0,"0"\n1,"2"\n2,"4"\n' })
    expect((await runCli(['sql', 'SHOW', 'TABLES'], { env })).stdout).toContain('meta_job_runs')
  })

  it('a ClickHouse error is one line with its code, exit 65', async () => {
    const result = await runCli(['sql', 'SELECT * FROM no_such_table'], { env })
    expect(result).toMatchObject({ code: 65, stdout: '' })
    const [message, ...rest] = logMessages(result.stderr)
    expect(message).toMatch(/^ClickHouse error \(ClickHouse 60 UNKNOWN_TABLE\): .*no_such_table/)
    expect(message).not.toContain('\n')
    expect(rest).toEqual([])
  })

  it('runs read-only: the engine refuses setting changes, and write statements never reach it', async () => {
    const lift = await runCli(['sql', 'SELECT count() FROM meta_job_runs SETTINGS readonly = 0'], { env })
    expect(lift.code).toBe(65)
    expect(logMessages(lift.stderr)[0]).toMatch(/^ClickHouse error \(ClickHouse 164 READONLY\)/)
    const drop = await runCli(['sql', 'DROP TABLE meta_job_runs'], { env })
    expect(drop).toMatchObject({ code: 64, stderr: expect.stringContaining('sql runs read-only queries') })
    expect((await runCli(['sql', '--format', 'CSV', 'SELECT count() FROM meta_job_runs FINAL'], { env })).stdout).toBe('1\n')
  })

  it('an unreachable server exits 69', async () => {
    const port = await closedPort()
    const result = await runCli(['sql', 'SELECT 1'], { env: { CLICKHOUSE_URL: `http://127.0.0.1:${port}` } })
    expect(result.code).toBe(69)
    expect(logMessages(result.stderr)).toEqual([`ClickHouse unreachable: 127.0.0.1:${port} (ECONNREFUSED)`])
  })

  it('needs no QTickets token: a config file naming tenants whose token variables are unset is fine', async () => {
    const cwd = temp.make('sql-config-')
    writeFileSync(join(cwd, 'tenants.json'), JSON.stringify({ tenants: [{ name: 'acme', tokenEnv: 'ACME_TOKEN' }] }))
    const result = await runCli(['sql', '--config', 'tenants.json', '--json', 'SELECT DISTINCT tenant FROM meta_job_runs'], { env, cwd })
    expect(result, result.stderr).toMatchObject({ code: 0, stdout: '{"tenant":"acme"}\n' })
  })
})
