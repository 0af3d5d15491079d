import type { Sink } from '@zakaz/clickhouse-sink'
import type { FetchLike } from '@zakaz/qtickets-sdk'
import { createSimulator, createSimulatorServer, type Simulator, type SimulatorOptions } from '@zakaz/qtickets-sdk/testing'
import { compareFacts, describeMismatch, type FactComparison } from '../../src/demo/compare-facts.js'
import { createLogger, type Logger } from '../../src/log/logger.js'
import { createTenantClient } from '../../src/sync/tenant-client.js'
import type { TenantRunResult } from '../../src/sync/types.js'

/** A simulator served on a loopback port. */
export interface SimHarness {
  sim: Simulator
  restUrl: string
  close(): Promise<void>
}

/** Starts a simulator and its loopback server. */
export async function startSim(options: SimulatorOptions): Promise<SimHarness> {
  const sim = createSimulator(options)
  const server = createSimulatorServer(sim)
  const { restUrl } = await server.listen()
  return { sim, restUrl, close: () => server.close() }
}

/** A logger collecting JSON records in memory. */
export function memoryLogger(level: 'debug' | 'info' = 'info'): { logger: Logger; records: () => Array<Record<string, unknown>> } {
  const lines: string[] = []
  const logger = createLogger({ sink: { write: (chunk: string) => lines.push(chunk) }, format: 'json', level })
  return { logger, records: () => lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>) }
}

/** The SDK client of a simulator tenant (fast retries so fault tests stay quick). */
export function simClient(harness: SimHarness, token: string, options: { fetch?: FetchLike; concurrency?: number } = {}) {
  return createTenantClient(
    { token, baseUrl: harness.restUrl, timeZone: 'Europe/Moscow', concurrency: options.concurrency ?? 2 },
    { retry: { initialDelayMs: 5, maxDelayMs: 20, maxAttempts: 2 }, ...(options.fetch ? { fetch: options.fetch } : {}) },
  )
}

/** The simulator's current time, for `now`. */
export function simNow(sim: Simulator): Date {
  return new Date(sim.clock.nowMs())
}

/** Loaded facts vs the simulator's truth for one tenant. */
export async function factsVsTruth(sink: Sink, sim: Simulator, tenant: string): Promise<FactComparison> {
  return compareFacts(await sink.readDailySales({ tenant }), sim.expectedDailySales({ tenant }))
}

/** Fails with a readable list when facts and truth differ. */
export async function expectFactsEqualTruth(sink: Sink, sim: Simulator, tenant: string): Promise<FactComparison> {
  const comparison = await factsVsTruth(sink, sim, tenant)
  if (comparison.mismatches.length > 0) {
    throw new Error(`${comparison.mismatches.length} of ${comparison.cells} cells differ:\n${comparison.mismatches.slice(0, 10).map(describeMismatch).join('\n')}`)
  }
  if (comparison.cells === 0) throw new Error('the simulator expects no sales at all: the test proves nothing')
  return comparison
}

/** Fails with the failures when a run did not end with the wanted status. */
export function expectStatus(result: TenantRunResult, status: TenantRunResult['status']): void {
  if (result.status !== status) throw new Error(`run ended ${result.status}, expected ${status}: ${JSON.stringify(result.failures)}`)
}
