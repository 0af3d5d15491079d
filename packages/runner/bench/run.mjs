#!/usr/bin/env node
// `pnpm bench`: what the loader costs and how close it is to what the machine allows.
//
// For each size (simulated orders, ≈1.7 tickets each): the simulator's loopback server runs in a process of its own
// with zero added latency; the real CLI (`qtickets-load backfill`) loads it into an embedded ClickHouse in another
// process, which reports its own CPU time and peak RSS. Then, on the same data:
//   floor (a) — the same API requests replayed with plain node:http and JSON.parse, nothing else (a fresh server);
//   floor (b) — the same rows inserted with plain client.insert into a fresh database made by the sink's migrations.
// The end-to-end wall time is printed as a ratio to (a) + (b). Figures are printed, never asserted.
// See docs/benchmarks.md; `--help` lists the options.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { benchUsage, parseBenchArgs } from './lib/args.mjs'
import { benchFile, runJsonChild, startSimServer, tail } from './lib/children.mjs'
import { formatChange, formatInt, formatSeconds } from './lib/format.mjs'
import { backfillArgs, latencySetups, recentRange } from './lib/latency-plan.mjs'
import { E2E_DATABASE, LOADER_DEFAULTS, runLoader, runLoaderBackfill, runLoaderMigrate } from './lib/loader.mjs'
import { machineInfo, sourceInfo } from './lib/machine.mjs'
import { summarizeCpuProfile } from './lib/profile.mjs'
import { deltaTable, latencyTable, profileText, sizeTable, sqlTimingsText, targetLines } from './lib/report.mjs'
import { computeDeltas, computeLatencyDeltas, deriveSizeFigures, evaluateTargets, mergeResults, RESULTS_SCHEMA, roundNumbers, rssRatio } from './lib/results.mjs'

const log = (line = '') => process.stdout.write(`${line}\n`)
const progress = (line) => process.stderr.write(`  … ${line}\n`)

let settings
try {
  settings = parseBenchArgs(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`)
  process.exit(64)
}
if (settings.help) {
  log(benchUsage())
  process.exit(0)
}

const resultsFile = settings.resultsFile ?? benchFile('results/last.json')
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : null
const machine = machineInfo()
const source = sourceInfo(benchFile(''))
const command = `pnpm bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).filter((a) => a !== '--').join(' ')}` : ''}`

/** A private temporary folder, removed afterwards unless --keep. */
function scratch(label) {
  return mkdtempSync(join(tmpdir(), `qtickets-bench-${label}-`))
}
function cleanup(dir) {
  if (settings.keep) log(`  (kept ${dir})`)
  else rmSync(dir, { recursive: true, force: true })
}

/** Progress lines while a child works: elapsed time and what the simulator served so far. */
function ticker(label, sim) {
  return (seconds) => {
    sim.progress().then(
      (p) => progress(`${label}: ${formatSeconds(seconds)} s, ${formatInt(p.requests)} requests, ${formatInt(p.orders)} orders served`),
      () => {},
    )
  }
}

/** `qtickets-load migrate` before a backfill (not timed: a user runs it once, not per load). */
async function migrate(dir) {
  const run = await runLoaderMigrate({ dir })
  if (run.code !== 0) throw new Error(`qtickets-load migrate exited with ${run.code ?? run.signal}; its log ends with:\n${tail(run.logFile, 15)}`)
}

/** End-to-end run of one size: the loader CLI against a fresh simulator; leaves the request log in `dir`. */
async function endToEnd(orders, dir) {
  await migrate(dir)
  const sim = await startSimServer({ orders })
  try {
    const loader = await runLoaderBackfill({
      sim,
      dir,
      pageSize: settings.pageSize,
      concurrency: settings.concurrency,
      cpuProfile: settings.cpuProfile,
      sqlTimings: true,
      onTick: ticker(`end-to-end ${formatInt(orders)}`, sim),
    })
    const served = await sim.progress()
    const requests = await sim.dump(join(dir, 'requests.ndjson'))
    const server = await sim.stop()
    return { ...loader, requests, ordersServed: served.orders, serverCpuSeconds: server.cpuSeconds }
  } catch (error) {
    sim.kill()
    throw error
  }
}

/** Floor (a): the recorded requests (or, with --floors-only, unfiltered orders pages) against a fresh simulator. */
async function floorFetch(orders, dir) {
  const sim = await startSimServer({ orders })
  try {
    const source = settings.floorsOnly ? ['--walk-orders', '--page-size', String(settings.pageSize ?? 500)] : ['--requests', join(dir, 'requests.ndjson')]
    const result = await runJsonChild('floor-fetch.mjs', ['--origin', sim.origin, '--token', sim.token, ...source], { stderrFile: join(dir, 'floor-fetch.log') })
    await sim.stop()
    return result
  } catch (error) {
    sim.kill()
    throw error
  }
}

/** Floor (b): the loader's rows (or, with --floors-only, rows mapped from the simulator) into a fresh database. */
function floorInsert(orders, dir) {
  const source = settings.floorsOnly ? ['--generate-orders', String(orders)] : ['--source-database', E2E_DATABASE]
  return runJsonChild('floor-insert.mjs', ['--data-dir', join(dir, 'clickhouse'), '--database', 'bench_floor', ...source], {
    stderrFile: join(dir, 'floor-insert.log'),
  })
}

async function measureSize(orders) {
  const dir = scratch(String(orders))
  log(`\n▶ ${formatInt(orders)} orders`)
  try {
    let e2e = null
    if (!settings.floorsOnly) {
      e2e = await endToEnd(orders, dir)
      if (e2e.code !== 0) {
        throw new Error(`qtickets-load backfill exited with ${e2e.code ?? e2e.signal} after ${formatSeconds(e2e.wallSeconds)} s; its log ends with:\n${tail(e2e.logFile, 15)}`)
      }
      log(`  end-to-end: ${formatSeconds(e2e.wallSeconds)} s wall, ${formatSeconds(e2e.cpuSeconds)} s CPU, peak RSS ${formatInt(e2e.peakRssMB)} MB (JS heap at most ${formatInt(e2e.peakHeapUsedMB)} MB, external ${formatInt(e2e.peakExternalMB)} MB), ${formatInt(e2e.requests)} requests (server CPU ${formatSeconds(e2e.serverCpuSeconds)} s)`)
    }
    const a = await floorFetch(orders, dir)
    log(`  floor (a) fetch + JSON.parse: ${formatSeconds(a.seconds)} s, ${formatInt(a.requests)} requests, ${formatInt(a.responseMB)} MB of JSON`)
    const b = await floorInsert(orders, dir)
    log(`  floor (b) plain inserts: ${formatSeconds(b.insertSeconds)} s, ${formatInt(b.tables.orders.rows)} order rows + ${formatInt(b.tables.baskets.rows)} basket rows in ${b.tables.orders.batches + b.tables.baskets.batches} batches`)
    let profile = null
    if (e2e?.profile) {
      const summary = summarizeCpuProfile(JSON.parse(readFileSync(e2e.profile, 'utf8')))
      log(`\n  Loader CPU profile (${e2e.profile}):\n${profileText(summary).replace(/^/gm, '    ')}`)
      profile = { categories: summary.categories.slice(0, 10), functions: summary.functions.slice(0, 10) }
    }
    if (e2e?.statements) log(`\n${sqlTimingsText(e2e.statements, e2e.wallSeconds).replace(/^/gm, '    ')}`)
    return deriveSizeFigures({
      orders,
      recordedAt: new Date().toISOString(),
      command,
      ordersLoaded: e2e ? b.source.orders : null,
      orderRows: e2e ? b.source.order_rows : b.tables.orders.rows,
      tickets: e2e ? b.source.basket_rows : b.tables.baskets.rows,
      wallSeconds: e2e?.wallSeconds ?? null,
      cpuSeconds: e2e?.cpuSeconds ?? null,
      peakRssMB: e2e?.peakRssMB ?? null,
      peakHeapUsedMB: e2e?.peakHeapUsedMB ?? null,
      peakExternalMB: e2e?.peakExternalMB ?? null,
      requests: e2e?.requests ?? a.requests,
      responseMB: a.responseMB,
      serverCpuSeconds: e2e?.serverCpuSeconds ?? null,
      floorFetchSeconds: a.seconds,
      floorFetchCpuSeconds: a.cpuSeconds,
      floorInsertSeconds: b.insertSeconds,
      floorInsertCpuSeconds: b.insertCpuSeconds,
      floorInsertBatches: b.tables.orders.batches + b.tables.baskets.batches,
      statements: e2e?.statements ?? null,
      ...(profile ? { profile } : {}),
    })
  } finally {
    cleanup(dir)
  }
}

/** The latency experiment: the backfills of latencySetups() against a simulator whose every answer waits `latencyMs`. */
async function latencyExperiment(spec) {
  const setups = latencySetups()
  // "Now" for the simulator is the real now, so that shows are upcoming for the loader (it snapshots their inventory).
  const startMs = Math.floor(Date.now() / 60_000) * 60_000
  const range = recentRange(startMs, spec.days)
  log(`\n▶ Latency: an organisation of ${formatInt(spec.orders)} orders, ${spec.latencyMs} ms added to every API request, ${setups.length} backfills of ${range.from} … ${range.to}`)
  const runs = []
  for (const setup of setups) {
    const dir = scratch('latency')
    await migrate(dir)
    const sim = await startSimServer({ orders: spec.orders, latencyMs: setup.latency ? spec.latencyMs : 0, start: String(startMs) })
    try {
      const loader = await runLoader(backfillArgs(setup, range), {
        sim,
        dir,
        pageSize: setup.pageSize,
        concurrency: setup.concurrency,
        onTick: ticker(setup.name, sim),
        label: 'loader',
      })
      const served = await sim.progress()
      await sim.stop()
      if (loader.code !== 0) throw new Error(`backfill (${setup.name}) exited with ${loader.code ?? loader.signal}; its log ends with:\n${tail(loader.logFile, 15)}`)
      const run = {
        name: setup.name,
        defaults: setup.name === 'defaults',
        inventory: setup.inventory,
        latencyMs: setup.latency ? spec.latencyMs : 0,
        pageSize: setup.pageSize ?? LOADER_DEFAULTS.pageSize,
        windowDays: setup.windowDays ?? LOADER_DEFAULTS.windowDays,
        concurrency: setup.concurrency ?? LOADER_DEFAULTS.concurrency,
        requests: served.requests,
        orders: served.orders,
        wallSeconds: loader.wallSeconds,
        cpuSeconds: loader.cpuSeconds,
      }
      log(`  ${setup.name}: ${formatSeconds(run.wallSeconds)} s, ${formatInt(run.requests)} requests, ${formatInt(run.orders)} orders`)
      runs.push(run)
    } catch (error) {
      sim.kill()
      throw error
    } finally {
      cleanup(dir)
    }
  }
  return { recordedAt: new Date().toISOString(), command, orders: spec.orders, days: spec.days, latencyMs: spec.latencyMs, range, runs }
}

/** The fixed cost of any run: `qtickets-load migrate` on an empty folder (node start, chDB load, schema). */
async function fixedCost() {
  const dir = scratch('migrate')
  try {
    const run = await runLoaderMigrate({ dir })
    if (run.code !== 0) {
      log(`fixed cost: not measured (qtickets-load migrate exited with ${run.code ?? run.signal})`)
      return null
    }
    const cost = { wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds, peakRssMB: run.peakRssMB, peakHeapUsedMB: run.peakHeapUsedMB }
    log(`fixed cost (qtickets-load migrate on an empty folder: node start, chDB, schema): ${formatSeconds(cost.wallSeconds)} s wall, ${formatSeconds(cost.cpuSeconds)} s CPU, peak RSS ${formatInt(cost.peakRssMB)} MB (JS heap ${formatInt(cost.peakHeapUsedMB)} MB)`)
    return cost
  } finally {
    cleanup(dir)
  }
}

log(`qtickets-load benchmark — ${new Date().toISOString()}`)
log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGB} GB, node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage.join(' ')}`)
log(`command: ${command}`)
if (source) log(`source: commit ${source.commit}${source.uncommittedChanges ? ' plus uncommitted changes in packages/' : ''}`)
if (settings.floorsOnly) log('floors only: no loader run; floor (a) walks unfiltered orders pages, floor (b) inserts rows mapped from the simulator')

const fixed = settings.floorsOnly || settings.sizes.length === 0 ? null : await fixedCost()
const sizes = []
for (const orders of settings.sizes) sizes.push(await measureSize(orders))
const latency = settings.latency ? await latencyExperiment(settings.latency) : null
const current = {
  schema: RESULTS_SCHEMA,
  recordedAt: new Date().toISOString(),
  command,
  machine,
  source,
  settings: { pageSize: settings.pageSize ?? LOADER_DEFAULTS.pageSize, concurrency: settings.concurrency ?? LOADER_DEFAULTS.concurrency, windowDays: LOADER_DEFAULTS.windowDays },
  fixedCost: fixed,
  sizes,
  rssRatio: rssRatio(sizes),
  targets: evaluateTargets(sizes),
  latency,
}

if (sizes.length > 0) {
  log(`\nResults (wall, CPU and peak RSS are the loader process's own; floor a = fetch + JSON.parse, b = plain inserts; ratio = wall / (a + b))\n`)
  log(sizeTable(sizes))
  const rss = current.rssRatio
  if (rss) log(`\npeak RSS ${formatInt(rss.toOrders)} / ${formatInt(rss.fromOrders)} orders: ${rss.value?.toFixed(2)}× (peak JS heap: ${sizes.map((s) => `${formatInt(s.peakHeapUsedMB)} MB`).join(' / ')})`)
  log('\nTargets (printed, not asserted):')
  for (const line of targetLines(current.targets)) log(`  ${line}`)
}
if (latency) {
  log(`\nLatency experiment: an organisation of ${formatInt(latency.orders)} orders, ${latency.range.from} … ${latency.range.to}, ${latency.latencyMs} ms per API request\n`)
  log(latencyTable(latency))
}
if (settings.markdown) {
  if (sizes.length > 0) log(`\n${sizeTable(sizes, { markdown: true })}`)
  if (latency) log(`\n${latencyTable(latency, { markdown: true })}`)
}

if (previous) {
  log(`\nChange vs ${resultsFile.replace(`${process.cwd()}/`, '')} (recorded ${previous.recordedAt}):\n`)
  if (sizes.length > 0) log(deltaTable(computeDeltas(previous, current)))
  const latencyDeltas = computeLatencyDeltas(previous, current)
  for (const d of latencyDeltas) log(`  latency, ${d.name}: ${formatSeconds(d.previous)} s → ${formatSeconds(d.current)} s (${formatChange(d.change)})`)
} else {
  log(`\n(no previous results at ${resultsFile}: nothing to compare with)`)
}

if (settings.save && !settings.floorsOnly) {
  mkdirSync(dirname(resultsFile), { recursive: true })
  writeFileSync(resultsFile, `${JSON.stringify(roundNumbers(mergeResults(previous, current)), null, 2)}\n`)
  log(`\nSaved ${resultsFile}`)
} else {
  log(`\nNot saved (${settings.floorsOnly ? '--floors-only' : '--quick or --no-save'}): ${resultsFile} is unchanged`)
}
