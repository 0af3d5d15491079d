import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createSimulator, createSimulatorServer, type SimulatorServer } from '@zakaz/qtickets-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TenantConfig } from '../config/types.js'
import { checkPartnersApi, checkTenantApi } from './api-checks.js'
import { tokenSetting } from './api-verdict.js'
import { renderVerdicts } from './render-verdicts.js'

const TOKEN = 'sim-token-doctor-1'
const PARTNERS = 'sim-partners-doctor-1'

const sim = createSimulator({ seed: 7, tenants: [{ name: 'org', token: TOKEN, partnersToken: PARTNERS, orders: 40 }] })
let server: SimulatorServer
let restUrl = ''
let partnersUrl = ''

beforeAll(async () => {
  server = createSimulatorServer(sim)
  ;({ restUrl, partnersUrl } = await server.listen())
})
afterAll(async () => {
  await server.close()
})

function tenant(overrides: Partial<TenantConfig> = {}): TenantConfig {
  return {
    name: 'acme',
    token: TOKEN,
    tokenSource: 'env QTICKETS_TOKEN',
    baseUrl: restUrl,
    partnersBaseUrl: partnersUrl,
    timeZone: 'Europe/Moscow',
    concurrency: 2,
    ...overrides,
  }
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

describe('checkTenantApi', () => {
  it('passes when the token reads one event', async () => {
    expect(await checkTenantApi(tenant())).toEqual({
      check: 'qtickets api acme',
      status: 'ok',
      detail: expect.stringMatching(new RegExp(`^token accepted by ${new URL(restUrl).host} \\(\\d+ events\\)$`)),
    })
    expect(sim.requests.filter((request) => request.method !== 'GET')).toEqual([])
  })

  it('a wrong token: token rejected (HTTP 403), naming where the token came from, never the token', async () => {
    const wrong = 'sim-token-wrong-42'
    const verdict = await checkTenantApi(tenant({ token: wrong }))
    expect(verdict).toMatchObject({
      status: 'fail',
      detail: 'token rejected (HTTP 403): check QTICKETS_TOKEN (from the environment or .env)',
      hint: expect.stringContaining('Settings → Main'),
      exitCode: 78,
    })
    const fromFile = await checkTenantApi(tenant({ token: wrong, tokenSource: 'env ACME_TOKEN (tenants[0].tokenEnv)' }))
    expect(fromFile.detail).toBe('token rejected (HTTP 403): check ACME_TOKEN (named by tenants[0].tokenEnv in the config file)')
    expect(renderVerdicts([verdict, fromFile])).not.toContain(wrong)
  })

  it('an unreachable API: API unreachable with the host and the system code', async () => {
    const port = await closedPort()
    expect(await checkTenantApi(tenant({ baseUrl: `http://127.0.0.1:${port}/api/rest/v1` }))).toMatchObject({
      status: 'fail',
      detail: `API unreachable: 127.0.0.1:${port} (ECONNREFUSED)`,
      exitCode: 69,
    })
  })

  it('a base URL with a wrong path: the HTML 404 says the path does not exist', async () => {
    const wrongPath = restUrl.replace('/api/rest/v1', '/api/v1')
    expect(await checkTenantApi(tenant({ baseUrl: wrongPath }))).toMatchObject({
      status: 'fail',
      detail: `QTICKETS_BASE_URL points to a path that does not exist (HTML 404): expected …/api/rest/v1, got ${wrongPath}`,
      exitCode: 78,
    })
  })

  it('a failing API: API answers 503', async () => {
    const fault = sim.faults.add({ route: 'events', kind: 'status503', times: 'always' })
    try {
      expect(await checkTenantApi(tenant())).toMatchObject({ status: 'fail', detail: 'API answers 503 (UNKNOWN_ERROR)', exitCode: 69 })
    } finally {
      fault.remove()
    }
  })

  it('an API that never answers: unreachable, with the timeout', async () => {
    const fault = sim.faults.add({ route: 'events', kind: 'latency', ms: 2000, times: 'always' })
    try {
      expect(await checkTenantApi(tenant(), { timeoutMs: 200 })).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^API unreachable: 127\.0\.0\.1:\d+ \(no answer within 200ms\)$/) })
    } finally {
      fault.remove()
    }
  })
})

describe('checkPartnersApi', () => {
  it('is skipped without a Partners token, passes with the right one and names the variable with a wrong one', async () => {
    expect(await checkPartnersApi(tenant())).toBeUndefined()
    expect(await checkPartnersApi(tenant({ partnersToken: PARTNERS, partnersTokenSource: 'env QTICKETS_PARTNERS_TOKEN' }))).toMatchObject({
      check: 'partners api acme',
      status: 'ok',
      detail: expect.stringMatching(/^Partners token accepted by 127\.0\.0\.1:\d+ \(\d+ shows? listed\)$/),
    })
    expect(await checkPartnersApi(tenant({ partnersToken: 'wrong-partners-key', partnersTokenSource: 'env QTICKETS_PARTNERS_TOKEN' }))).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^Partners token rejected \(HTTP \d+\): check QTICKETS_PARTNERS_TOKEN \(from the environment or \.env\)$/),
      exitCode: 78,
    })
  })
})

describe('tokenSetting', () => {
  it('names the setting to fix for every token source', () => {
    expect(tokenSetting('config file (tenants[1].token)')).toBe('tenants[1].token (written in the config file)')
  })
})
