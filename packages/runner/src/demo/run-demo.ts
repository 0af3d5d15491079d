import { createSink, type Sink } from '@zakaz/clickhouse-sink'
import { calendarDate, Temporal } from '@zakaz/qtickets-sdk'
import { createSimulatorServer, type Simulator } from '@zakaz/qtickets-sdk/testing'
import { clickhouseRunnerError } from '../doctor/clickhouse-failure.js'
import type { Logger } from '../log/logger.js'
import type { Progress } from '../progress/progress.js'
import { backfillTenant } from '../sync/backfill-tenant.js'
import { syncTenant, SYNC_RESOURCES } from '../sync/sync-tenant.js'
import { datedWindows } from '../sync/sync-window.js'
import { createTenantClient } from '../sync/tenant-client.js'
import type { TenantRunResult } from '../sync/types.js'
import { compareFacts, type FactComparison } from './compare-facts.js'
import { compareInventory, type InventoryComparison } from './compare-inventory.js'
import { simulateAfterSales, type AfterSales } from './demo-mutations.js'
import { readDemoReport, type DemoReport } from './demo-report.js'
import { createDemoSimulator, DEMO_PII_KEY, DEMO_TENANT, DEMO_TOKEN } from './demo-world.js'
import { groupDigits } from './text-table.js'

/** Days per backfill window in the demo. */
export const DEMO_WINDOW_DAYS = 7

/** Options of `runDemo`. */
export interface DemoOptions {
  /** Days of simulated history, all loaded by the backfill. */
  days: number
  /** Database to (re)create in the embedded engine. */
  database: string
  dataDir: string
  reportTimeZone: string
  lagMinutes: number
  initialDays: number
  piiHashKey?: string
  /** Incremental runs after the backfill, and the simulated hours between them. */
  syncs: number
  hoursPerSync: number
  logger: Logger
  progress(label: string): Progress
  /** Receives one short line before each long part (the backfill, the incremental runs); default: nothing. */
  announce?(line: string): void
  signal: AbortSignal
  runId: string
}

/** One step of the demo: the backfill, or an incremental run with the after-sales made before it. */
export interface DemoStep {
  name: string
  /** The simulated time the step ran at (REST style, Moscow offset). */
  clock: string
  result: TenantRunResult
  afterSales?: AfterSales
}

/** What the demo did and found. */
export interface DemoResult {
  database: string
  dataDir: string
  days: number
  simulated: { orders: number; events: number; cities: number; now: string }
  steps: DemoStep[]
  report: DemoReport
  facts: FactComparison
  inventory: InventoryComparison
  elapsedMs: number
}

/**
 * The demo: a simulated organisation on a loopback port; the embedded engine with `database` dropped and recreated;
 * a backfill of the whole history; incremental runs while the simulated clock moves (new sales, refunds, cancellations);
 * then the report, and the facts compared with the simulator's ground truth for every (day, event) cell.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = Date.now()
  const sim = createDemoSimulator(options.days)
  const server = createSimulatorServer(sim)
  const { restUrl } = await server.listen()
  const sink = await openDemoSink(options).catch(async (error: unknown) => {
    await server.close()
    throw error
  })
  try {
    const stats = sim.stats({ tenant: DEMO_TENANT })
    const described = sim.describe()[0]!
    const simulated = {
      orders: stats.orders,
      events: described.events.filter((event) => !event.deleted).length,
      cities: new Set(described.events.map((event) => event.city)).size,
      now: sim.clock.nowIso(),
    }
    options.logger.info('simulated organisation ready', { ...simulated, days: options.days, api: restUrl })
    await resetDatabase(sink, options)
    const client = createTenantClient({ token: DEMO_TOKEN, baseUrl: restUrl, timeZone: 'Europe/Moscow', concurrency: 2 })
    const common = { tenant: { name: DEMO_TENANT, concurrency: 2 }, sink, client, logger: options.logger, signal: options.signal, reportTimeZone: options.reportTimeZone }
    options.announce?.(`demo: loading ${options.days} days of simulated sales (${groupDigits(stats.orders)} orders) into ${options.database}…`)
    const steps: DemoStep[] = [{ name: 'backfill', clock: sim.clock.nowIso(), result: await backfill(sim, common, options) }]
    if (options.syncs > 0) options.announce?.(`demo: ${options.syncs} incremental runs while the simulated clock moves ${options.hoursPerSync} h each…`)
    for (let round = 1; round <= options.syncs; round++) {
      options.signal.throwIfAborted()
      sim.clock.advance({ hours: options.hoursPerSync })
      const afterSales = await simulateAfterSales(sim, sink, DEMO_TENANT, round)
      sim.clock.advance({ minutes: 10 }) // the run starts a little after the refunds, as a scheduled job would
      const result = await syncTenant({
        ...common,
        now: new Date(sim.clock.nowMs()),
        runId: `${options.runId}-run${round}`,
        window: { lagMinutes: options.lagMinutes, initialDays: options.initialDays },
      })
      options.logger.info(`incremental run ${round}/${options.syncs} ${result.status}`, {
        clock: sim.clock.nowIso(),
        orders_read: result.rowsRead.orders,
        orders_written: result.rowsWritten.orders,
        days_recomputed: result.recomputedDays.length,
        refunded: afterSales.refunded,
        cancelled: afterSales.cancelled,
      })
      steps.push({ name: `run ${round}`, clock: sim.clock.nowIso(), result, afterSales })
    }
    options.signal.throwIfAborted()
    const facts = compareFacts(await sink.readDailySales({ tenant: DEMO_TENANT }), sim.expectedDailySales({ tenant: DEMO_TENANT, reportTimeZone: options.reportTimeZone }))
    const inventory = await compareInventory(sink, DEMO_TENANT, sim.expectedInventory({ tenant: DEMO_TENANT }))
    const report = await readDemoReport(sink, DEMO_TENANT)
    return { database: options.database, dataDir: options.dataDir, days: options.days, simulated, steps, report, facts, inventory, elapsedMs: Date.now() - started }
  } finally {
    await sink.close()
    await server.close()
  }
}

/** The demo's embedded sink; a folder held by another process is exit 75 saying so, like the other commands. */
async function openDemoSink(options: DemoOptions): Promise<Sink> {
  try {
    return await createSink({ dataDir: options.dataDir, database: options.database, piiHashKey: options.piiHashKey ?? DEMO_PII_KEY, logger: options.logger })
  } catch (error) {
    throw clickhouseRunnerError(error, { mode: 'embedded', database: options.database, dataDir: options.dataDir })
  }
}

async function resetDatabase(sink: Sink, options: DemoOptions): Promise<void> {
  options.logger.info('recreating the demo database', { database: options.database, data_dir: options.dataDir })
  await sink.client.command({ query: `DROP DATABASE IF EXISTS ${options.database}` })
  await sink.migrate()
}

async function backfill(
  sim: Simulator,
  common: Omit<Parameters<typeof backfillTenant>[0], 'range' | 'runId'>,
  options: DemoOptions,
): Promise<TenantRunResult> {
  const now = Temporal.Instant.fromEpochMilliseconds(sim.clock.nowMs())
  const range = { from: calendarDate(now.subtract({ hours: 24 * (options.days + 1) }), options.reportTimeZone), to: calendarDate(now, options.reportTimeZone) }
  const windows = datedWindows(range, DEMO_WINDOW_DAYS, options.reportTimeZone, now)
  const progress = options.progress('demo backfill')
  progress.start(windows.length)
  try {
    return await backfillTenant({
      ...common,
      now: new Date(sim.clock.nowMs()),
      runId: `${options.runId}-backfill`,
      range,
      windowDays: DEMO_WINDOW_DAYS,
      resources: SYNC_RESOURCES,
      onProgress: (step) => progress.tick(1, `${step.dates.from}..${step.dates.to}`),
    })
  } finally {
    progress.done()
  }
}
