import { SinkError } from '@zakaz/clickhouse-sink'
import { describe, expect, it } from 'vitest'
import type { ClickHouseConfig } from '../config/types.js'
import { RunnerError } from '../errors.js'
import { clickhouseRunnerError, describeClickHouseFailure } from './clickhouse-failure.js'

const server: ClickHouseConfig = { mode: 'server', url: 'https://ch.internal:8443', user: 'loader', password: 'pw-not-shown', database: 'zakaz', dataDir: '/d' }
const embedded: ClickHouseConfig = { mode: 'embedded', database: 'zakaz', dataDir: '/var/lib/qtickets/.clickhouse' }

/** The shape @clickhouse/client gives ClickHouse answers. */
function clickhouseError(code: string, type: string, message: string): Error {
  return Object.assign(new Error(message), { code, type })
}

describe('clickhouseRunnerError', () => {
  const cases: [string, unknown, ClickHouseConfig, number, string][] = [
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:8443'), { code: 'ECONNREFUSED' }), server, 69, 'ClickHouse unreachable: ch.internal:8443 (ECONNREFUSED)'],
    ['a transport failure the sink re-wrapped', new SinkError('query', 'reading meta_job_runs failed: getaddrinfo ENOTFOUND ch.internal'), server, 69, 'ClickHouse unreachable: ch.internal:8443 (ENOTFOUND)'],
    ['a client timeout', new Error('Timeout error.'), server, 69, 'ClickHouse unreachable: ch.internal:8443 (timeout)'],
    ['a wrong password (current servers)', clickhouseError('516', 'AUTHENTICATION_FAILED', 'loader: Authentication failed: password is incorrect'), server, 78, 'ClickHouse authentication failed for user loader at ch.internal:8443 (ClickHouse 516 AUTHENTICATION_FAILED)'],
    ['a wrong password (old servers, unparsed)', new Error('Code: 193, e.displayText() = DB::Exception: Wrong password for user loader, e.what() = DB::Exception'), server, 78, 'ClickHouse authentication failed for user loader at ch.internal:8443 (ClickHouse 193)'],
    ['a missing grant', clickhouseError('497', 'ACCESS_DENIED', 'loader: Not enough privileges.\nmore'), server, 78, 'ClickHouse refused access (ClickHouse 497 ACCESS_DENIED): loader: Not enough privileges.'],
    ['a bad query', clickhouseError('60', 'UNKNOWN_TABLE', 'Unknown table expression identifier nope'), server, 65, 'ClickHouse error (ClickHouse 60 UNKNOWN_TABLE): Unknown table expression identifier nope'],
    ['an embedded folder held by another process', new SinkError('config', 'cannot open the embedded ClickHouse at /x: Failed to create connection for path \'/x\''), embedded, 75, 'the embedded engine in /var/lib/qtickets/.clickhouse is in use by another process (a run in progress?): the embedded engine allows one process per folder, try again when it is done'],
    ['chdb not installed', new SinkError('config', 'CLICKHOUSE_URL is not set, so the embedded engine is needed, but the optional package "chdb" is not installed.'), embedded, 78, 'CLICKHOUSE_URL is not set, so the embedded engine is needed, but the optional package "chdb" is not installed.'],
  ]
  for (const [name, error, clickhouse, exitCode, message] of cases) {
    it(name, () => {
      const mapped = clickhouseRunnerError(error, clickhouse)
      expect(mapped).toBeInstanceOf(RunnerError)
      expect(mapped).toMatchObject({ exitCode, message })
      expect((mapped as Error).message).not.toContain('pw-not-shown')
    })
  }

  it('leaves errors that are not ClickHouse failures (bugs) as they are', () => {
    const bug = new TypeError('cannot read properties of undefined')
    expect(clickhouseRunnerError(bug, server)).toBe(bug)
  })

  it('keeps only the first line of a ClickHouse message', () => {
    expect(describeClickHouseFailure(clickhouseError('62', 'SYNTAX_ERROR', 'Syntax error: failed at position 8\nExpected one of: …'))).toEqual({
      kind: 'query',
      code: '62',
      type: 'SYNTAX_ERROR',
      message: 'Syntax error: failed at position 8',
    })
  })
})
