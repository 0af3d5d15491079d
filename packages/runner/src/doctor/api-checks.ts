import { createPartnersClient, createQticketsClient } from '@zakaz/qtickets-sdk'
import type { TenantConfig } from '../config/types.js'
import { apiFailureVerdict, apiPassVerdict, type ApiCheckTarget } from './api-verdict.js'
import type { Verdict } from './verdict.js'

/** Time limit of each doctor API request: short, since doctor asks for one small page. */
export const DOCTOR_API_TIMEOUT_MS = 10_000

/** Options of the API checks. */
export interface ApiCheckOptions {
  /** Default DOCTOR_API_TIMEOUT_MS. */
  timeoutMs?: number
}

/** Checks a tenant's REST token and base URL with one cheap read (`GET events`, one record, id only), retries and breaker off. */
export async function checkTenantApi(tenant: TenantConfig, options: ApiCheckOptions = {}): Promise<Verdict> {
  const timeoutMs = options.timeoutMs ?? DOCTOR_API_TIMEOUT_MS
  const check = `qtickets api ${tenant.name}`
  const target: ApiCheckTarget = { api: 'rest', baseUrl: tenant.baseUrl, tokenSource: tenant.tokenSource, timeoutMs }
  try {
    const client = createQticketsClient({
      token: tenant.token,
      baseUrl: tenant.baseUrl,
      timeZone: tenant.timeZone,
      retry: false,
      breaker: false,
      timeoutMs,
    })
    const page = await client.events.list({ perPage: 1, select: ['id'] })
    const total = page.paging?.total ?? page.items.length
    return apiPassVerdict(check, target, `${total} event${total === 1 ? '' : 's'}`)
  } catch (error) {
    return apiFailureVerdict(check, target, error)
  }
}

/** Checks a tenant's Partners token with `GET events/lists`; undefined when the tenant has no Partners token. */
export async function checkPartnersApi(tenant: TenantConfig, options: ApiCheckOptions = {}): Promise<Verdict | undefined> {
  if (!tenant.partnersToken) return undefined
  const timeoutMs = options.timeoutMs ?? DOCTOR_API_TIMEOUT_MS
  const check = `partners api ${tenant.name}`
  const target: ApiCheckTarget = {
    api: 'partners',
    baseUrl: tenant.partnersBaseUrl,
    tokenSource: tenant.partnersTokenSource ?? 'the config',
    timeoutMs,
  }
  try {
    const client = createPartnersClient({ key: tenant.partnersToken, baseUrl: tenant.partnersBaseUrl, retry: false, breaker: false, timeoutMs })
    const rows = await client.events.lists()
    return apiPassVerdict(check, target, `${rows.length} show${rows.length === 1 ? '' : 's'} listed`)
  } catch (error) {
    return apiFailureVerdict(check, target, error)
  }
}
