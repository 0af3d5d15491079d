import { isQticketsError } from '@zakaz/qtickets-sdk'
import { ExitCode } from '../exit-codes.js'
import { redactUrl } from '../log/redact-url.js'
import { formatDuration } from '../util/format-duration.js'
import type { Verdict } from './verdict.js'

/** Which API a check talks to, and where its settings come from (for the verdict's wording). */
export interface ApiCheckTarget {
  /** `rest` (QTICKETS_TOKEN, QTICKETS_BASE_URL) or `partners` (QTICKETS_PARTNERS_TOKEN, QTICKETS_PARTNERS_BASE_URL). */
  api: 'rest' | 'partners'
  baseUrl: string
  /** Where the token came from, as the config records it: `env QTICKETS_TOKEN`, `env ACME_TOKEN (tenants[0].tokenEnv)`… */
  tokenSource: string
  /** Time limit of the request, for the timeout verdict. */
  timeoutMs: number
}

const WORDS = {
  rest: {
    token: 'token',
    baseUrlVar: 'QTICKETS_BASE_URL',
    path: '/api/rest/v1',
    tokenHint: 'copy the REST token from the QTickets cabinet (Settings → Main), without the word "Bearer"',
  },
  partners: {
    token: 'Partners token',
    baseUrlVar: 'QTICKETS_PARTNERS_BASE_URL',
    path: '/api/partners/v1',
    tokenHint: 'the Partners token is issued by QTickets support and is not the REST token',
  },
} as const

/** The verdict for an API check that answered: PASS with what was seen. */
export function apiPassVerdict(check: string, target: ApiCheckTarget, seen: string): Verdict {
  return { check, status: 'ok', detail: `${WORDS[target.api].token} accepted by ${host(target.baseUrl)} (${seen})` }
}

/** The verdict for an API check that failed, by SDK error kind: what went wrong in one line, and what to do. */
export function apiFailureVerdict(check: string, target: ApiCheckTarget, error: unknown): Verdict {
  const words = WORDS[target.api]
  const fail = (detail: string, hint: string, exitCode: Verdict['exitCode']): Verdict => ({ check, status: 'fail', detail, hint, exitCode })
  if (!isQticketsError(error)) {
    return fail(`check failed: ${error instanceof Error ? error.message : String(error)}`, 'this is a bug in qtickets-load, please report it', ExitCode.INTERNAL)
  }
  const where = host(target.baseUrl)
  switch (error.kind) {
    case 'auth':
      return fail(`${words.token} rejected (HTTP ${error.status ?? 403}): check ${tokenSetting(target.tokenSource)}`, words.tokenHint, ExitCode.CONFIG)
    case 'network':
      return fail(`API unreachable: ${where} (${(error as { causeCode?: string }).causeCode ?? 'no answer'})`, networkHint(words.baseUrlVar), ExitCode.UNAVAILABLE)
    case 'timeout':
      return fail(`API unreachable: ${where} (no answer within ${formatDuration(target.timeoutMs)})`, networkHint(words.baseUrlVar), ExitCode.UNAVAILABLE)
    case 'unknown_route':
      return fail(
        `${words.baseUrlVar} points to a path that does not exist (HTML 404): expected …${words.path}, got ${redactUrl(target.baseUrl)}`,
        `set ${words.baseUrlVar} (or baseUrl in the config file) to https://qtickets.ru${words.path} or your organiser's own …${words.path} URL`,
        ExitCode.CONFIG,
      )
    case 'server':
      return fail(`API answers ${error.status ?? 'an error'}${error.code ? ` (${error.code})` : ''}`, 'QTickets, or a proxy in front of it, is failing: try again later', ExitCode.UNAVAILABLE)
    case 'rate_limited':
      return {
        check,
        status: 'warn',
        detail: `API answers ${error.status ?? 429} (rate limited)${error.retryAfterMs ? `, retry after ${Math.ceil(error.retryAfterMs / 1000)}s` : ''}`,
        hint: 'another job may be using the same token; runs wait and retry',
      }
    case 'invalid_response':
      return fail(`the answer is not what the QTickets API sends: ${error.message}`, `check ${words.baseUrlVar}: it should end in ${words.path}`, ExitCode.DATA_ERROR)
    default:
      return fail(`API refused the request (${error.kind}${error.status ? `, HTTP ${error.status}` : ''})`, `check ${words.baseUrlVar} and the token`, ExitCode.RUN_ERROR)
  }
}

/** The setting to fix for a token source: `QTICKETS_TOKEN (from the environment or .env)`, `ACME_TOKEN (named by tenants[0].tokenEnv)`… */
export function tokenSetting(source: string): string {
  const env = /^env (\S+)(?: \((.+)\))?$/.exec(source)
  if (env) return env[2] ? `${env[1]} (named by ${env[2]} in the config file)` : `${env[1]} (from the environment or .env)`
  const file = /^config file \((.+)\)$/.exec(source)
  if (file) return `${file[1]} (written in the config file)`
  return source
}

function networkHint(baseUrlVar: string): string {
  return `check ${baseUrlVar}, DNS, proxy and firewall from this machine`
}

function host(baseUrl: string): string {
  try {
    return new URL(baseUrl).host
  } catch {
    return redactUrl(baseUrl)
  }
}
