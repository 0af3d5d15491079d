import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from './atomic-write'

/** Problems the alert manager tracks: the load failing, an optional resource failing, stale data. */
export type AlertProblemKind = 'outage' | 'partial' | 'stale_data'

/** One tracked problem, keyed by (tenant, problem, resource). */
export interface ProblemRecord {
  tenant: string
  problem: AlertProblemKind
  resource?: string
  /** ISO time the problem was first observed. */
  since: string
  /** Whether the problem alert was delivered (so repeats are suppressed and a recovery is owed). */
  announced: boolean
  /** ISO time the problem resolved, while its recovery message is still undelivered. */
  resolvedAt?: string
  /** What currently causes the problem (source → short safe detail); empty once resolved. */
  sources: Record<string, string>
}

/** Everything the alert manager remembers between processes. */
export interface AlertState {
  version: 1
  problems: Record<string, ProblemRecord>
}

/** Where alert state lives between runs (a JSON file here; a ClickHouse table could implement it too). */
export interface AlertStateStore {
  /** Reads the state; an absent store yields the empty state. */
  load(): Promise<AlertState>
  /** Replaces the stored state. */
  save(state: AlertState): Promise<void>
}

/** A state with no problem. */
export function emptyAlertState(): AlertState {
  return { version: 1, problems: {} }
}

/** A store in a JSON file, written atomically (temp file + rename); a missing file is the empty state. */
export function createJsonFileAlertStore(path: string): AlertStateStore {
  return {
    async load() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return emptyAlertState()
        throw new Error(`alert state file ${path}: cannot read (${(error as { code?: unknown }).code ?? 'error'})`)
      }
      return parseAlertState(text, `alert state file ${path}`)
    },
    async save(state) {
      await writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 })
    },
  }
}

/** A store in memory (tests, or a process that does not need to remember). */
export function createMemoryAlertStore(initial: AlertState = emptyAlertState()): AlertStateStore {
  let saved = JSON.stringify(initial)
  return {
    load: async () => JSON.parse(saved) as AlertState,
    save: async (state) => {
      saved = JSON.stringify(state)
    },
  }
}

/** Parses and checks stored alert state; errors name the source and the bad field. */
export function parseAlertState(text: string, source: string): AlertState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Error(`${source}: not valid JSON`)
  }
  if (!isObject(value) || value.version !== 1 || !isObject(value.problems)) {
    throw new Error(`${source}: expected {"version":1,"problems":{...}}`)
  }
  for (const [key, record] of Object.entries(value.problems)) {
    const problem = badField(record)
    if (problem) throw new Error(`${source}: problem ${JSON.stringify(key)} has an invalid ${problem}`)
  }
  return value as unknown as AlertState
}

function badField(record: unknown): string | undefined {
  if (!isObject(record)) return 'record'
  if (typeof record.tenant !== 'string') return 'tenant'
  if (!['outage', 'partial', 'stale_data'].includes(record.problem as string)) return 'problem'
  if (record.resource !== undefined && typeof record.resource !== 'string') return 'resource'
  if (typeof record.since !== 'string' || Number.isNaN(Date.parse(record.since))) return 'since'
  if (typeof record.announced !== 'boolean') return 'announced'
  if (record.resolvedAt !== undefined && typeof record.resolvedAt !== 'string') return 'resolvedAt'
  if (!isObject(record.sources) || !Object.values(record.sources).every((v) => typeof v === 'string')) return 'sources'
  return undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
