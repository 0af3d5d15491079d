import type { FaultMoment } from './fault-connection.js'

/**
 * Where a child process kills itself: when the `nth` operation (1-based) reaches `moment` — the nth of all operations,
 * or with `label` the nth operation with that label (e.g. the 2nd `insert meta_sync_state`).
 */
export interface KillPoint {
  label?: string
  nth: number
  moment: FaultMoment
}

/** The operations counted: HTTP requests to the API, and ClickHouse inserts and commands (the writes). */
export type OperationKind = 'http' | 'insert' | 'command'

/** One counted operation. */
export interface Operation {
  /** Its number among all operations of the process. */
  n: number
  /** Its number among the operations with its label. */
  nthOfLabel: number
  kind: OperationKind
  /** `GET orders`, `insert stg_qtickets_api_orders_raw`, `command fact_qtickets_sales_daily`. */
  label: string
}

/** What a child records in its trace file: the operation it died at, or how many it performed. */
export type TraceLine = { killed: Operation & { moment: FaultMoment } } | { finished: { ops: number; labels: Record<string, number> } }

/** Counts operations and SIGKILLs the process at the chosen one. */
export interface KillSwitch {
  /** Numbers an operation that is about to start (and dies here for a `before` kill point). */
  begin(kind: OperationKind, label: string): Operation
  /** Marks an operation as done (and dies here for an `after` kill point). */
  end(operation: Operation): void
  /** Operations begun so far. */
  readonly ops: number
  /** Operations begun, counted by label. */
  readonly labels: Record<string, number>
}

/** Parses `17:after`, `3:before` or `2:after:insert meta_sync_state`; empty or unset means no kill point. */
export function parseKillPoint(text: string | undefined): KillPoint | null {
  if (!text) return null
  const match = /^(\d+):(before|after)(?::(.+))?$/.exec(text)
  if (!match || Number(match[1]) < 1) throw new Error(`kill point must look like 17:after, 3:before or 2:after:<label>, got ${JSON.stringify(text)}`)
  return { nth: Number(match[1]), moment: match[2] as FaultMoment, ...(match[3] ? { label: match[3] } : {}) }
}

/** The text form read by `parseKillPoint`. */
export function formatKillPoint(point: KillPoint): string {
  return `${point.nth}:${point.moment}${point.label ? `:${point.label}` : ''}`
}

/** A kill point in words: `after the 2nd "insert meta_sync_state"`, `before operation 17`. */
export function describeKillPoint(point: KillPoint): string {
  return point.label ? `${point.moment} the ${ordinal(point.nth)} "${point.label}"` : `${point.moment} operation ${point.nth}`
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** Creates a kill switch; `record` must write synchronously (the process dies right after), `die` defaults to SIGKILL of this process. */
export function createKillSwitch(point: KillPoint | null, record: (line: TraceLine) => void, die: () => void = () => process.kill(process.pid, 'SIGKILL')): KillSwitch {
  let ops = 0
  const labels: Record<string, number> = {}
  const hit = (operation: Operation, moment: FaultMoment): boolean => {
    if (!point || point.moment !== moment) return false
    return point.label === undefined ? point.nth === operation.n : point.label === operation.label && point.nth === operation.nthOfLabel
  }
  const maybeDie = (operation: Operation, moment: FaultMoment) => {
    if (!hit(operation, moment)) return
    record({ killed: { ...operation, moment } })
    die()
  }
  return {
    begin(kind, label) {
      ops += 1
      const nthOfLabel = (labels[label] ?? 0) + 1
      labels[label] = nthOfLabel
      const operation = { n: ops, nthOfLabel, kind, label }
      maybeDie(operation, 'before')
      return operation
    },
    end: (operation) => maybeDie(operation, 'after'),
    get ops() {
      return ops
    },
    get labels() {
      return { ...labels }
    },
  }
}
