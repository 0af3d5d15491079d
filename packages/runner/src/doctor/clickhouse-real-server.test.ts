import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config/load-config.js'
import { createLogger } from '../log/logger.js'
import { clickhouseChecks } from './clickhouse-checks.js'
import { tempDirs } from '../../test/support/temp-dirs.js'

const temp = tempDirs('ch-server-')
afterAll(() => temp.removeAll())

// A real (if old) ClickHouse server for the wrong-password verdict: Debian's clickhouse-server (18.16), started on
// loopback for this file only. CI: apt-get install -y --no-install-recommends clickhouse-server
// The protocol stub in clickhouse-checks.test.ts covers the answer of current servers (516 AUTHENTICATION_FAILED);
// this one answers 401 with `Code: 193 … Wrong password` in its old format.
const SERVER = '/usr/sbin/clickhouse-server'
const installed = existsSync(SERVER)
const SKIP_REASON = `${SERVER} is not installed (apt-get install -y --no-install-recommends clickhouse-server)`
const PASSWORD = 'right-Passw0rd-for-tests'

let server: ChildProcess | undefined
let httpPort = 0

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

async function startServer(): Promise<void> {
  const dir = temp.make()
  httpPort = await freePort()
  const tcpPort = await freePort()
  writeFileSync(
    join(dir, 'users.xml'),
    `<?xml version="1.0"?><yandex><profiles><default></default></profiles><quotas><default></default></quotas>
<users><loader><password>${PASSWORD}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></loader></users></yandex>`,
  )
  writeFileSync(
    join(dir, 'config.xml'),
    `<?xml version="1.0"?><yandex><logger><level>warning</level><console>1</console></logger>
<http_port>${httpPort}</http_port><tcp_port>${tcpPort}</tcp_port><listen_host>127.0.0.1</listen_host>
<path>${dir}/data/</path><tmp_path>${dir}/data/tmp/</tmp_path><user_files_path>${dir}/data/user_files/</user_files_path>
<users_config>${dir}/users.xml</users_config><default_profile>default</default_profile><default_database>default</default_database>
<mark_cache_size>5368709</mark_cache_size></yandex>`,
  )
  server = spawn(SERVER, [`--config-file=${join(dir, 'config.xml')}`], { stdio: 'ignore' })
  for (let attempt = 0; attempt < 200; attempt++) {
    const up = await fetch(`http://127.0.0.1:${httpPort}/ping`).then((answer) => answer.ok, () => false)
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`clickhouse-server did not answer on 127.0.0.1:${httpPort} within 10 s`)
}

beforeAll(async () => {
  if (installed) await startServer()
})
afterAll(async () => {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((resolve) => server?.once('exit', resolve))
  server.kill('SIGKILL') // a throwaway server in a temp folder: no need to wait for its graceful shutdown (seconds)
  await exited
})

const logger = createLogger({ sink: { write: () => undefined }, level: 'error' })
const configFor = (password: string) =>
  loadConfig({
    env: { QTICKETS_TOKEN: 'qt-doctor-token-1', CLICKHOUSE_URL: `http://127.0.0.1:${httpPort}`, CLICKHOUSE_USER: 'loader', CLICKHOUSE_PASSWORD: password },
    cwd: tmpdir(),
  })

describe('clickhouseChecks against a real clickhouse-server', () => {
  it('a wrong password: FAIL "authentication failed for user loader", exit 78, the password never shown', async (ctx) => {
    ctx.skip(!installed, SKIP_REASON)
    const wrong = 'wrong-Passw0rd-xyz'
    const [connection] = await clickhouseChecks(configFor(wrong), logger)
    expect(connection).toEqual({
      check: 'clickhouse connection',
      status: 'fail',
      detail: `authentication failed for user loader at 127.0.0.1:${httpPort} (ClickHouse 193)`,
      hint: 'check CLICKHOUSE_USER and CLICKHOUSE_PASSWORD (the password is never shown)',
      exitCode: 78,
    })
    expect(JSON.stringify(connection)).not.toContain(wrong)
  })

  it('the right password connects (so the failure above is the password, not the server)', async (ctx) => {
    ctx.skip(!installed, SKIP_REASON)
    const [connection] = await clickhouseChecks(configFor(PASSWORD), logger)
    // The database does not exist on this fresh server: the connection still passes and says so.
    expect(connection).toEqual({ check: 'clickhouse connection', status: 'ok', detail: `server 127.0.0.1:${httpPort} answers as user loader; database zakaz does not exist yet` })
  })
})
