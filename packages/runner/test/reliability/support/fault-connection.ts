import type { ConnectionRole, ConnectionWrapper, SinkConnection } from '@zakaz/clickhouse-sink'

/** The ClickHouse connection operations a fault can hit. */
export type ConnectionOp = 'insert' | 'command' | 'query' | 'exec'

/** One call through a wrapped connection, as the wrapper saw it. */
export interface ConnectionCall {
  op: ConnectionOp
  role: ConnectionRole
  /** The statement (`INSERT INTO db.table FORMAT JSONEachRow` for inserts). */
  query: string
  /** The insert's dedup token, when it has one. */
  token?: string
}

/** When a fault fires: `before` (the engine never sees the statement) or `after` (it ran and committed, then the caller sees an error). */
export type FaultMoment = 'before' | 'after'

/** A fault on chosen connection calls. */
export interface ConnectionFaultRule {
  /** Which operations (default insert and command: the writes). */
  op?: ConnectionOp | readonly ConnectionOp[]
  /** Which statements: a substring or a RegExp of the query text (e.g. a table name). Default: every one. */
  match?: string | RegExp
  /** Matching calls let through before it fires (default 0). */
  after?: number
  /** How many times it fires (default 1). */
  times?: number | 'always'
  when: FaultMoment
  /** The error the caller sees (default `transportError()`: no answer, so the write is ambiguous). */
  error?: () => Error
}

/** A registered rule with its counters. */
export interface ConnectionFaultHandle {
  /** Matching calls seen. */
  readonly seen: number
  /** Calls it failed. */
  readonly fired: number
  remove(): void
}

/** Observes every call, before it is delegated and after it returned (or failed). */
export type ConnectionObserver = (call: ConnectionCall, moment: FaultMoment) => void

/** A fault injector for the sink's `wrapConnection` option: rules, a log of calls and observers. */
export interface ConnectionFaults {
  /** Pass this as `wrapConnection` to `createSink`. */
  readonly wrap: ConnectionWrapper
  add(rule: ConnectionFaultRule): ConnectionFaultHandle
  /** Removes every rule. */
  clear(): void
  /** Calls each observer for every call; returns an unsubscribe function. */
  observe(observer: ConnectionObserver): () => void
  /** Every call so far, oldest first. */
  readonly calls: readonly ConnectionCall[]
}

/** An error as a lost connection shows it: no ClickHouse code, so the sink treats the write as ambiguous and retries it. */
export function transportError(message = 'socket hang up (injected)'): Error {
  return Object.assign(new Error(message), { name: 'InjectedTransportError' })
}

/** An error as ClickHouse reports one (numeric `code` and `type`), e.g. `clickhouseError('241', 'MEMORY_LIMIT_EXCEEDED')`. */
export function clickhouseError(code: string, type: string, message = `${type} (injected)`): Error {
  return Object.assign(new Error(message), { name: 'ClickHouseError', code, type })
}

interface LiveRule {
  rule: ConnectionFaultRule
  seen: number
  fired: number
}

/** Creates a fault injector. With no rules the wrapped connections behave exactly like the originals. */
export function createConnectionFaults(): ConnectionFaults {
  const rules: LiveRule[] = []
  const observers = new Set<ConnectionObserver>()
  const calls: ConnectionCall[] = []

  const firing = (call: ConnectionCall, moment: FaultMoment): LiveRule | undefined => {
    for (const live of rules) {
      if (live.rule.when !== moment || !matches(live.rule, call)) continue
      live.seen += 1
      const times = live.rule.times ?? 1
      if (live.seen <= (live.rule.after ?? 0) || (times !== 'always' && live.fired >= times)) continue
      live.fired += 1
      return live
    }
    return undefined
  }

  const run = async <T>(call: ConnectionCall, delegate: () => Promise<T>): Promise<T> => {
    calls.push(call)
    for (const observer of observers) observer(call, 'before')
    const before = firing(call, 'before')
    if (before) throw (before.rule.error ?? transportError)()
    const result = await delegate()
    for (const observer of observers) observer(call, 'after')
    const after = firing(call, 'after')
    if (after) throw (after.rule.error ?? transportError)()
    return result
  }

  const wrap: ConnectionWrapper = (connection: SinkConnection, role: ConnectionRole): SinkConnection => ({
    ping: (params) => connection.ping(params),
    close: () => connection.close(),
    query: (params) => run({ op: 'query', role, query: params.query }, () => connection.query(params)),
    command: (params) => run({ op: 'command', role, query: params.query }, () => connection.command(params)),
    exec: (params) => run({ op: 'exec', role, query: params.query }, () => connection.exec(params)),
    insert: (params) => run({ op: 'insert', role, query: params.query, ...tokenOf(params.clickhouse_settings) }, () => connection.insert(params)),
  })

  return {
    wrap,
    add(rule) {
      const live: LiveRule = { rule, seen: 0, fired: 0 }
      rules.push(live)
      return {
        get seen() {
          return live.seen
        },
        get fired() {
          return live.fired
        },
        remove() {
          const at = rules.indexOf(live)
          if (at >= 0) rules.splice(at, 1)
        },
      }
    },
    clear: () => void rules.splice(0, rules.length),
    observe(observer) {
      observers.add(observer)
      return () => void observers.delete(observer)
    },
    calls,
  }
}

function matches(rule: ConnectionFaultRule, call: ConnectionCall): boolean {
  const ops = rule.op === undefined ? ['insert', 'command'] : typeof rule.op === 'string' ? [rule.op] : rule.op
  if (!ops.includes(call.op)) return false
  if (rule.match === undefined) return true
  return typeof rule.match === 'string' ? call.query.includes(rule.match) : rule.match.test(call.query)
}

function tokenOf(settings: Record<string, unknown> | undefined): { token?: string } {
  const token = settings?.insert_deduplication_token
  return typeof token === 'string' ? { token } : {}
}

/** The table an INSERT statement names (`INSERT INTO db.table …` → `table`), or the first words of another statement. */
export function statementLabel(call: Pick<ConnectionCall, 'op' | 'query'>): string {
  const insert = /^\s*INSERT\s+INTO\s+(?:`?\w+`?\.)?`?(\w+)`?/i.exec(call.query)
  if (insert?.[1]) return `${call.op} ${insert[1]}`
  return `${call.op} ${call.query.trim().split(/\s+/).slice(0, 3).join(' ')}`
}
