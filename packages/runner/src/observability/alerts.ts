import type { AlertProblemKind, AlertState, AlertStateStore, ProblemRecord } from './alert-store'
import { emptyAlertState } from './alert-store'
import { describeFailures, problemText, recoveryText, type RunFailure, safeWord } from './alert-text'
import type { HealthProblem } from './health'
import type { BreakerState, ObservabilityLogger, RunStatus } from './types'

/** What one `run` process learned about one tenant; fields left out leave their problems as they were. */
export interface TenantObservation {
  tenant: string
  /** How the run ended; `failures` say why (for `partial`, one per failed optional resource). */
  run?: { status: RunStatus; failures?: readonly RunFailure[] }
  /** Breaker state at the end of the run. */
  breakerState?: BreakerState
  /** `evaluateHealth` problems, evaluated after the run was recorded; other tenants' problems are ignored. */
  healthProblems?: readonly HealthProblem[]
}

/** A message for the notifiers: the webhook body is exactly this object. */
export interface AlertMessage {
  kind: 'problem' | 'recovery'
  tenant: string
  problem: AlertProblemKind
  resource?: string
  message: string
  at: string
}

/** A message the manager produced and whether some notifier took it. */
export interface AlertDelivery {
  message: AlertMessage
  delivered: boolean
}

/** Sends one message; resolves true when at least one notifier took it. Must not throw. */
export type AlertSender = (message: AlertMessage) => Promise<boolean>

/** Options of `createAlertManager`. */
export interface AlertManagerOptions {
  store: AlertStateStore
  /** Without a sender, messages count as delivered (state is still tracked and returned for logging). */
  send?: AlertSender
  logger?: ObservabilityLogger
}

/** Turns per-run observations into one alert when a problem starts and one message when it resolves. */
export interface AlertManager {
  /** Updates the problems of the observed tenants, sends what is due, saves the state. Never throws. */
  observe(observations: readonly TenantObservation[], at?: Date): Promise<AlertDelivery[]>
}

interface Signal {
  problem: AlertProblemKind
  resource?: string
  source: string
  detail: string
}

/** Creates an alert manager whose memory lives in `store` (so separate cron processes share it). */
export function createAlertManager(options: AlertManagerOptions): AlertManager {
  return {
    async observe(observations, at = new Date()) {
      const state = await loadState(options)
      for (const observation of observations) applyObservation(state, observation, at.toISOString())
      const deliveries = await settle(state, at.toISOString(), options.send)
      await saveState(options, state)
      return deliveries
    },
  }
}

/** The storage key of a problem: (tenant, problem, resource). */
export function problemKey(tenant: string, problem: AlertProblemKind, resource?: string): string {
  return JSON.stringify([tenant, problem, resource ?? null])
}

function applyObservation(state: AlertState, observation: TenantObservation, at: string): void {
  const { tenant } = observation
  const signals = signalsOf(observation)
  const active = new Map(signals.map((s) => [`${problemKey(tenant, s.problem, s.resource)}|${s.source}`, s]))
  for (const [key, record] of Object.entries(state.problems)) {
    if (record.tenant !== tenant) continue
    for (const source of Object.keys(record.sources)) {
      if (isKnown(observation, record.problem, source) && !active.has(`${key}|${source}`)) delete record.sources[source]
    }
  }
  for (const signal of signals) {
    const key = problemKey(tenant, signal.problem, signal.resource)
    const record = (state.problems[key] ??= newRecord(tenant, signal, at))
    record.sources[signal.source] = signal.detail
  }
}

function signalsOf(observation: TenantObservation): Signal[] {
  const signals: Signal[] = []
  const { run, breakerState, healthProblems } = observation
  if (run?.status === 'error') {
    const why = run.failures?.length ? `: ${describeFailures(run.failures)}` : ''
    signals.push({ problem: 'outage', source: 'run_error', detail: `run ended with status error${why}` })
  }
  if (run?.status === 'partial') {
    for (const failure of run.failures?.length ? run.failures : [{ kind: 'unknown' }]) {
      const resource = failure.resource === undefined ? 'unknown' : safeWord(failure.resource)
      signals.push({ problem: 'partial', resource, source: 'run_partial', detail: describeFailures([failure]) })
    }
  }
  if (breakerState === 'open') signals.push({ problem: 'outage', source: 'breaker_open', detail: 'circuit breaker open' })
  for (const health of healthProblems ?? []) {
    if (health.tenant !== observation.tenant) continue
    const signal = healthSignal(health)
    if (!signals.some((s) => s.problem === signal.problem && s.source === signal.source)) signals.push(signal)
  }
  return signals
}

function healthSignal(health: HealthProblem): Signal {
  if (health.kind === 'stale_data') return { problem: 'stale_data', source: 'stale_data', detail: health.detail }
  if (health.kind === 'last_run_error') return { problem: 'outage', source: 'run_error', detail: health.detail }
  return { problem: 'outage', source: health.kind, detail: health.detail }
}

/** Whether this observation speaks about a source (so its absence means the source cleared). */
function isKnown(observation: TenantObservation, problem: AlertProblemKind, source: string): boolean {
  const { run, breakerState, healthProblems } = observation
  if (problem === 'partial') return run !== undefined && run.status !== 'error'
  if (healthProblems !== undefined) return true
  if (source === 'run_error') return run !== undefined
  if (source === 'breaker_open') return breakerState !== undefined
  return false
}

async function settle(state: AlertState, at: string, send: AlertSender | undefined): Promise<AlertDelivery[]> {
  const deliveries: AlertDelivery[] = []
  for (const key of Object.keys(state.problems).sort()) {
    const record = state.problems[key] as ProblemRecord
    if (Object.keys(record.sources).length > 0) {
      delete record.resolvedAt
      if (record.announced || isDeferred(state, record)) continue
      const message = toMessage(record, 'problem', record.since, problemText(record))
      const delivered = await deliver(send, message)
      if (delivered) record.announced = true
      deliveries.push({ message, delivered })
    } else if (!record.announced) {
      delete state.problems[key]
    } else {
      record.resolvedAt ??= at
      const message = toMessage(record, 'recovery', record.resolvedAt, recoveryText(record, record.resolvedAt))
      const delivered = await deliver(send, message)
      if (delivered) delete state.problems[key]
      deliveries.push({ message, delivered })
    }
  }
  return deliveries
}

/** Stale data is a consequence of an ongoing outage: it is announced only when the tenant is not in one. */
function isDeferred(state: AlertState, record: ProblemRecord): boolean {
  if (record.problem !== 'stale_data') return false
  return Object.values(state.problems).some(
    (other) => other.tenant === record.tenant && other.problem === 'outage' && Object.keys(other.sources).length > 0,
  )
}

function toMessage(record: ProblemRecord, kind: AlertMessage['kind'], at: string, text: string): AlertMessage {
  const message: AlertMessage = { kind, tenant: record.tenant, problem: record.problem, message: text, at }
  if (record.resource !== undefined) message.resource = record.resource
  return message
}

function newRecord(tenant: string, signal: Signal, at: string): ProblemRecord {
  const record: ProblemRecord = { tenant, problem: signal.problem, since: at, announced: false, sources: {} }
  if (signal.resource !== undefined) record.resource = signal.resource
  return record
}

async function deliver(send: AlertSender | undefined, message: AlertMessage): Promise<boolean> {
  if (!send) return true
  try {
    return await send(message)
  } catch {
    return false
  }
}

async function loadState(options: AlertManagerOptions): Promise<AlertState> {
  try {
    return await options.store.load()
  } catch (error) {
    options.logger?.warn('alert state unreadable, starting from an empty state', { error: (error as Error).message })
    return emptyAlertState()
  }
}

async function saveState(options: AlertManagerOptions, state: AlertState): Promise<void> {
  try {
    await options.store.save(state)
  } catch (error) {
    options.logger?.warn('alert state could not be saved', { error: (error as Error).message })
  }
}
