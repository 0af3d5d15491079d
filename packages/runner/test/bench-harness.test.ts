// The pure parts of the benchmark harness (packages/runner/bench): command line, tables, targets, deltas, merging
// and the CPU-profile summary. No timing is measured or asserted here; `pnpm bench` prints the figures.
import { createSimulator } from '@zakaz/qtickets-sdk/testing'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZES, parseBenchArgs, parseCount } from '../bench/lib/args.mjs'
import { accelerateKeysetPages, keysetPlan, lastOrderId } from '../bench/lib/keyset-accelerator.mjs'
import { formatChange, formatInt, formatMarkdownTable, formatRatio, formatSeconds, formatTable } from '../bench/lib/format.mjs'
import { backfillArgs, latencySetups, recentRange } from '../bench/lib/latency-plan.mjs'
import { categoryOf, summarizeCpuProfile } from '../bench/lib/profile.mjs'
import { deltaTable, latencyTable, sizeTable, targetLines } from '../bench/lib/report.mjs'
import { computeDeltas, computeLatencyDeltas, deriveSizeFigures, evaluateTargets, mergeResults, roundNumbers, rssRatio } from '../bench/lib/results.mjs'
import { BACKFILL_RANGE, backfillRange } from '../bench/lib/scenario.mjs'
import { statementKind } from '../bench/lib/statement-kind.mjs'

describe('bench command line', () => {
  it('measures 10k, 100k and 1M orders by default, saves the results and skips the latency experiment', () => {
    const settings = parseBenchArgs([])
    expect(settings.sizes).toEqual([10_000, 100_000, 1_000_000])
    expect(DEFAULT_SIZES).toEqual([10_000, 100_000, 1_000_000])
    expect(settings.save).toBe(true)
    expect(settings.latency).toBeNull()
    expect(settings.pageSize).toBeNull()
    expect(settings.concurrency).toBeNull()
  })

  it('reads --sizes after the `--` that `pnpm bench -- …` passes, with k/m suffixes, in both spellings', () => {
    expect(parseBenchArgs(['--', '--sizes', '10000,100k,1m']).sizes).toEqual([10_000, 100_000, 1_000_000])
    expect(parseBenchArgs(['--sizes=25_000']).sizes).toEqual([25_000])
    expect(parseBenchArgs(['--sizes', '10k,10000']).sizes).toEqual([10_000])
  })

  it('--quick is a 10k smoke run that does not overwrite the results', () => {
    const settings = parseBenchArgs(['--quick'])
    expect(settings.sizes).toEqual([10_000])
    expect(settings.save).toBe(false)
    expect(parseBenchArgs(['--quick', '--save']).save).toBe(true)
    expect(() => parseBenchArgs(['--quick', '--sizes', '1m'])).toThrow('--quick and --sizes cannot be combined')
  })

  it('configures the latency experiment, alone or after the sizes', () => {
    const only = parseBenchArgs(['--latency-only', '--latency-orders', '50k', '--latency-days', '7', '--latency-ms', '150'])
    expect(only.sizes).toEqual([])
    expect(only.latency).toEqual({ orders: 50_000, days: 7, latencyMs: 150 })
    const both = parseBenchArgs(['--latency', '--sizes', '10k'])
    expect(both.sizes).toEqual([10_000])
    expect(both.latency).toEqual({ orders: 100_000, days: 14, latencyMs: 300 })
    expect(parseBenchArgs(['--quick', '--latency']).latency).toBeNull()
  })

  it('passes the loader knobs through', () => {
    const settings = parseBenchArgs(['--page-size', '1000', '--concurrency', '4', '--cpu-prof', '--no-save', '--results', '/tmp/r.json'])
    expect(settings).toMatchObject({ pageSize: 1000, concurrency: 4, cpuProfile: true, save: false, resultsFile: '/tmp/r.json' })
  })

  it('rejects unknown options, missing values and bad counts, naming the option and the value', () => {
    expect(() => parseBenchArgs(['--size', '10k'])).toThrow('unknown option --size')
    expect(() => parseBenchArgs(['--sizes'])).toThrow('--sizes needs a value')
    expect(() => parseBenchArgs(['--sizes', '--quick'])).toThrow('--sizes needs a value')
    expect(() => parseBenchArgs(['--sizes', '10k,ten'])).toThrow('--sizes must be a positive count like 10000, 10k or 1m, got "ten"')
    expect(() => parseBenchArgs(['--page-size', '0'])).toThrow('--page-size must be a positive count')
    expect(() => parseBenchArgs(['--quick=yes'])).toThrow('--quick takes no value, got "yes"')
    expect(() => parseBenchArgs(['10k'])).toThrow('unexpected argument "10k"')
    expect(parseCount('--x', '1.5m')).toBe(1_500_000)
  })
})

describe('bench formatting', () => {
  it('formats integers, seconds, ratios and changes, with a dash for missing figures', () => {
    expect(formatInt(1_234_567.4)).toBe('1 234 567')
    expect(formatInt(999)).toBe('999')
    expect(formatInt(null)).toBe('–')
    expect(formatSeconds(3.14159)).toBe('3.14')
    expect(formatSeconds(123.45)).toBe('123.5')
    expect(formatSeconds(1234.5)).toBe('1235')
    expect(formatRatio(1.234)).toBe('1.23×')
    expect(formatRatio(Number.NaN)).toBe('–')
    expect(formatChange(0.052)).toBe('+5.2 %')
    expect(formatChange(-0.25)).toBe('-25.0 %')
    expect(formatChange(0.0001)).toBe('0.0 %')
    expect(formatChange(null)).toBe('')
  })

  it('aligns a text table: first column left, the others right, widths fitting the widest cell', () => {
    const table = formatTable(
      [{ key: 'name', title: 'size' }, { key: 'value', title: 'orders/s' }],
      [{ name: '10 000', value: '5' }, { name: '1 000 000', value: '12 345' }],
    )
    expect(table.split('\n')).toEqual([
      'size       orders/s',
      '---------  --------',
      '10 000            5',
      '1 000 000    12 345',
    ])
  })

  it('writes the same table as Markdown with right-aligned figures', () => {
    const table = formatMarkdownTable([{ key: 'a', title: 'size' }, { key: 'b', title: 'wall s' }], [{ a: '10 000', b: '1.50' }])
    expect(table).toBe('| size | wall s |\n| --- | ---: |\n| 10 000 | 1.50 |')
  })

  it('prints one row per size with the derived throughput and ratio', () => {
    const size = deriveSizeFigures({ orders: 10_000, ordersLoaded: 8_000, tickets: 16_000, wallSeconds: 4, cpuSeconds: 3, peakRssMB: 250.4, floorFetchSeconds: 1, floorInsertSeconds: 1 })
    const lines = sizeTable([size]).split('\n')
    expect(lines[0]).toMatch(/^orders \(sim\)\s+orders loaded\s+tickets\s+orders\/s\s+tickets\/s\s+wall s\s+CPU s\s+peak RSS MB\s+floor a s\s+floor b s\s+ratio$/)
    expect(lines[2]?.split(/\s{2,}/)).toEqual(['10 000', '8 000', '16 000', '2 000', '4 000', '4.00', '3.00', '250', '1.00', '1.00', '2.00×'])
  })
})

describe('bench figures and targets', () => {
  it('derives orders/s, tickets/s, the floor and the ratio to it, leaving them empty when a figure is missing', () => {
    const size = deriveSizeFigures({ orders: 100, ordersLoaded: 90, tickets: 180, wallSeconds: 3, floorFetchSeconds: 1.5, floorInsertSeconds: 0.5 })
    expect(size).toMatchObject({ ordersPerSecond: 30, ticketsPerSecond: 60, floorSeconds: 2, floorRatio: 1.5 })
    const floorsOnly = deriveSizeFigures({ orders: 100, ordersLoaded: null, tickets: 180, wallSeconds: null, floorFetchSeconds: 1, floorInsertSeconds: 1 })
    expect(floorsOnly).toMatchObject({ ordersPerSecond: null, floorSeconds: 2, floorRatio: null })
  })

  it('compares peak RSS of the largest size with the smallest, whatever order they were measured in', () => {
    expect(rssRatio([{ orders: 1_000_000, peakRssMB: 300 }, { orders: 10_000, peakRssMB: 250 }, { orders: 100_000, peakRssMB: 900 }])).toEqual({
      fromOrders: 10_000,
      toOrders: 1_000_000,
      value: 1.2,
    })
    expect(rssRatio([{ orders: 10_000, peakRssMB: 250 }])).toBeNull()
  })

  it('gives one verdict per size and one for memory, met or missed against the issue targets', () => {
    const sizes = [
      deriveSizeFigures({ orders: 10_000, wallSeconds: 3, floorFetchSeconds: 1, floorInsertSeconds: 1, peakRssMB: 200 }),
      deriveSizeFigures({ orders: 1_000_000, wallSeconds: 140, floorFetchSeconds: 80, floorInsertSeconds: 20, peakRssMB: 400 }),
    ]
    const verdicts = evaluateTargets(sizes)
    expect(verdicts.map((v) => [v.name, v.value, v.met])).toEqual([
      ['10 000 orders: end-to-end / floor', 1.5, true],
      ['1 000 000 orders: end-to-end / floor', 1.4, true],
      ['peak RSS 1 000 000 / 10 000 orders', 2, false],
    ])
    expect(targetLines(verdicts)[2]).toBe('MISSED  peak RSS 1 000 000 / 10 000 orders: 2.00× (target < 1.5×)')
    expect(evaluateTargets([deriveSizeFigures({ orders: 10, wallSeconds: null, floorFetchSeconds: 1, floorInsertSeconds: 1 })])[0]?.met).toBeNull()
  })
})

describe('bench delta against the previous results', () => {
  const latencyRun = (name: string, wallSeconds: number) => ({ name, pageSize: 500, windowDays: 1, concurrency: 2, inventory: false, requests: 130, orders: 20_000, wallSeconds })
  const previous = {
    recordedAt: '2026-01-01T00:00:00Z',
    sizes: [
      deriveSizeFigures({ orders: 10_000, ordersLoaded: 9_000, tickets: 18_000, wallSeconds: 4, cpuSeconds: 4, peakRssMB: 200, floorFetchSeconds: 1, floorInsertSeconds: 1 }),
      deriveSizeFigures({ orders: 1_000_000, ordersLoaded: 900_000, tickets: 1_800_000, wallSeconds: 200, cpuSeconds: 150, peakRssMB: 300, floorFetchSeconds: 90, floorInsertSeconds: 20 }),
    ],
    latency: { orders: 100_000, latencyMs: 300, runs: [latencyRun('defaults', 100)] },
  }
  const current = {
    sizes: [deriveSizeFigures({ orders: 10_000, ordersLoaded: 9_000, tickets: 18_000, wallSeconds: 2, cpuSeconds: 4, peakRssMB: 210, floorFetchSeconds: 1, floorInsertSeconds: 1 })],
    latency: { orders: 100_000, latencyMs: 300, runs: [latencyRun('defaults', 80), latencyRun('page size 100', 150)] },
  }

  it('reports the change of each figure of the sizes measured both times, and whether it is better', () => {
    const deltas = computeDeltas(previous, current)
    const byMetric = Object.fromEntries(deltas.map((d) => [d.metric, d]))
    expect(deltas.every((d) => d.orders === 10_000)).toBe(true)
    expect(byMetric.ordersPerSecond).toMatchObject({ previous: 2_250, current: 4_500, change: 1, better: true })
    expect(byMetric.wallSeconds).toMatchObject({ previous: 4, current: 2, change: -0.5, better: true })
    expect(byMetric.peakRssMB).toMatchObject({ change: 0.05, better: false })
    expect(byMetric.cpuSeconds).toMatchObject({ change: 0, better: null })
    expect(byMetric.floorRatio).toMatchObject({ previous: 2, current: 1, better: true })
  })

  it('prints the deltas as a table, marking small changes as noise', () => {
    const text = deltaTable(computeDeltas(previous, current))
    expect(text).toMatch(/10 000\s+wall s\s+4\.00\s+2\.00\s+-50\.0 %\s+better/)
    expect(text).toMatch(/10 000\s+CPU s\s+4\.00\s+4\.00\s+0\.0 %\s+noise/)
    expect(deltaTable([])).toBe('(no previous figures for these sizes)')
  })

  it('compares latency runs only when orders and latency are the same', () => {
    expect(computeLatencyDeltas(previous, current)).toEqual([{ name: 'defaults', previous: 100, current: 80, change: -0.2 }])
    expect(computeLatencyDeltas(previous, { ...current, latency: { ...current.latency, latencyMs: 100 } })).toEqual([])
    expect(computeLatencyDeltas(null, current)).toEqual([])
  })

  it('keeps sizes and the latency section this run did not measure when writing the results', () => {
    const merged = mergeResults(previous, { ...current, latency: null })
    expect(merged.sizes.map((s) => [s.orders, s.wallSeconds])).toEqual([[10_000, 2], [1_000_000, 200]])
    expect(merged.latency).toEqual(previous.latency)
    expect(merged.rssRatio?.value).toBe(300 / 210)
    expect(merged.targets).toHaveLength(3)
    expect(mergeResults(null, current).sizes).toHaveLength(1)
  })

  it('rounds the figures it writes, leaving integers, strings and nulls alone', () => {
    expect(roundNumbers({ a: 1.23456, b: [2, 0.00049, null], c: { d: 'x', e: 1_000_000 } })).toEqual({ a: 1.235, b: [2, 0, null], c: { d: 'x', e: 1_000_000 } })
  })
})

describe('bench CPU profile summary', () => {
  it('buckets scripts by workspace package, dependency, node internals and V8', () => {
    const at = (url: string, functionName = 'f') => categoryOf({ functionName, url, lineNumber: 0 })
    expect(at('file:///work/main/packages/qtickets-sdk/dist/index.js')).toBe('@zakaz/qtickets-sdk')
    expect(at('file:///work/main/node_modules/.pnpm/valibot@1.1.0_typescript@5.9.3/node_modules/valibot/dist/index.js')).toBe('valibot')
    expect(at('file:///w/node_modules/.pnpm/@clickhouse+client-common@1.23.1/node_modules/@clickhouse/client-common/dist/x.js')).toBe('@clickhouse/client-common')
    expect(at('node:internal/streams/readable')).toBe('node internals')
    expect(at('', '(garbage collector)')).toBe('GC')
    expect(at('', '(idle)')).toMatch(/^idle/)
  })

  it('sums self time by category and ranks the hottest functions', () => {
    const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber })
    const summary = summarizeCpuProfile(
      {
        startTime: 0,
        endTime: 1_000_000,
        samples: [1, 2, 2, 3, 3, 3, 3, 4, 4, 4],
        nodes: [
          { id: 1, hitCount: 1, callFrame: frame('(root)', '') },
          { id: 2, hitCount: 2, callFrame: frame('parse', 'file:///x/node_modules/valibot/dist/index.js', 9) },
          { id: 3, hitCount: 4, callFrame: frame('(idle)', '') },
          { id: 4, hitCount: 3, callFrame: frame('toRow', 'file:///x/packages/runner/dist/cli.js', 41) },
        ],
      },
      { top: 2 },
    )
    expect(summary.totalMs).toBe(1000)
    expect(summary.categories.map((c) => [c.name, Math.round(c.ms)])).toEqual([
      ['idle (waiting for I/O, timers or the engine threads)', 400],
      ['@zakaz/runner', 300],
      ['valibot', 200],
      ['V8/native', 100],
    ])
    expect(summary.functions.map((f) => [f.name, f.location, Math.round(f.ms)])).toEqual([
      ['(idle)', '', 400],
      ['toRow', 'dist/cli.js:42', 300],
    ])
  })
})

describe('bench keyset accelerator in front of the simulator', () => {
  const token = 'bench-accelerator-token'
  const headers = { authorization: `Bearer ${token}` }
  const simulator = () => createSimulator({ seed: 'bench-test', tenants: [{ name: 'bench', token, orders: 3_000 }], maxRecordedRequests: 10 })
  const keysetRequest = (from: string, to: string, afterId: number, perPage: number) => ({
    method: 'GET',
    url: '/api/rest/v1/orders',
    headers,
    body: Buffer.from(
      JSON.stringify({
        where: [
          { column: 'updated_at', operator: '>=', value: from },
          { column: 'updated_at', operator: '<', value: to },
          { column: 'id', operator: '>', value: afterId },
        ],
        orderBy: { id: 'asc' },
        page: 1,
        perPage,
      }),
    ),
  })

  it('answers every keyset page of a backfill byte for byte as the simulator does', () => {
    const plain = simulator()
    const fast = simulator()
    const accelerated = accelerateKeysetPages((request) => fast.handle(request as Parameters<typeof fast.handle>[0]))
    const windows = [
      ['2025-10-01T00:00:00+03:00', '2025-10-08T00:00:00+03:00'],
      ['2025-11-10T00:00:00+03:00', '2025-11-17T00:00:00+03:00'],
    ] as const
    let pages = 0
    for (const [from, to] of windows) {
      let afterId = 0
      for (;;) {
        const request = keysetRequest(from, to, afterId, 40)
        const expected = plain.handle(request)
        const actual = accelerated(request)
        expect(actual.status).toBe(expected.status)
        expect(actual.body).toBe(expected.body)
        pages++
        const { data, paging } = JSON.parse(expected.body) as { data: Array<{ id: number }>; paging: { perPage: number; total: number } }
        if (data.length < paging.perPage || paging.perPage >= paging.total) break
        afterId = data[data.length - 1]!.id
      }
    }
    expect(pages).toBeGreaterThan(4)
    expect(accelerated.stats).toEqual({ accelerated: pages, passedThrough: 0 })
  })

  it('passes requests it cannot map to the simulator unchanged', () => {
    const sim = simulator()
    const accelerated = accelerateKeysetPages((request) => sim.handle(request as Parameters<typeof sim.handle>[0]))
    const unknownAfter = keysetRequest('2025-11-10T00:00:00+03:00', '2025-11-17T00:00:00+03:00', 2_750_500, 40)
    expect(accelerated(unknownAfter).body).toBe(simulator().handle(unknownAfter).body)
    expect(accelerated({ method: 'GET', url: '/api/rest/v1/orders', headers, body: '{"page":2,"perPage":10}' }).status).toBe(200)
    expect(accelerated.stats).toEqual({ accelerated: 0, passedThrough: 2 })
    expect(keysetPlan({ method: 'GET', url: '/api/rest/v1/events', body: '{}' })).toBeNull()
    expect(keysetPlan({ method: 'GET', url: '/api/rest/v1/orders', body: '{"where":[{"column":"id","operator":">","value":5}],"orderBy":{"id":"desc"}}' })).toBeNull()
    expect(keysetPlan({ method: 'GET', url: '/api/rest/v1/orders', body: '{"where":[{"column":"id","operator":">","value":5}],"orderBy":{"id":"asc"},"page":2}' })).toBeNull()
  })

  it('finds the last order id of a page, not a basket or client id', () => {
    expect(lastOrderId('{"data":[{"id":7,"uniqid":"a","baskets":[{"id":99,"series":"x"}]},{"id":8,"uniqid":"b","client":{"id":5}}],"paging":{}}')).toBe(8)
    expect(lastOrderId('{"data":[],"paging":{}}')).toBeNull()
  })
})

describe('bench scenario and latency plan', () => {
  it('backfills the Moscow dates from a day before the first order to the simulated now', () => {
    expect(BACKFILL_RANGE).toEqual({ from: '2025-08-17', to: '2025-11-16' })
    // 22:30 UTC is already the next day in Moscow.
    expect(backfillRange(Date.parse('2026-12-03T22:30:00Z'), 10)).toEqual({ from: '2026-11-23', to: '2026-12-04' })
  })

  it('backfills the last days up to the simulated now in the latency experiment', () => {
    expect(recentRange(Date.parse('2026-12-03T12:00:00Z'), 14)).toEqual({ from: '2026-11-20', to: '2026-12-03' })
    expect(recentRange(Date.parse('2026-12-03T22:00:00Z'), 1)).toEqual({ from: '2026-12-04', to: '2026-12-04' })
  })

  it('varies one knob at a time against the defaults, with a zero-latency reference and inventory over the last day only', () => {
    const setups = latencySetups()
    expect(setups.slice(0, 2)).toEqual([
      { name: 'defaults, no added latency', pageSize: null, concurrency: null, windowDays: null, inventory: false, latency: false },
      { name: 'defaults', pageSize: null, concurrency: null, windowDays: null, inventory: false, latency: true },
    ])
    expect(setups.slice(1).every((s) => s.latency)).toBe(true)
    expect(new Set(setups.map((s) => s.name)).size).toBe(setups.length)
    expect(setups.filter((s) => s.inventory).map((s) => s.concurrency)).toEqual([1, null, 4])
    const range = { from: '2026-09-01', to: '2026-12-03' }
    expect(backfillArgs(setups[0]!, range)).toEqual(['backfill', '--from', '2026-09-01', '--to', '2026-12-03', '--json'])
    const weekly = setups.find((s) => s.windowDays === 7)!
    expect(backfillArgs(weekly, range)).toEqual(['backfill', '--from', '2026-09-01', '--to', '2026-12-03', '--json', '--window-days', '7'])
    const inventory = setups.find((s) => s.inventory)!
    expect(backfillArgs(inventory, range)).toEqual(['backfill', '--from', '2026-12-03', '--to', '2026-12-03', '--json', '--resource', 'inventory'])
  })

  it('compares each latency run with the defaults run of its kind', () => {
    const run = (name: string, pageSize: number, concurrency: number, inventory: boolean, wallSeconds: number, latencyMs = 300) =>
      ({ name, pageSize, windowDays: 1, concurrency, inventory, latencyMs, requests: 10, orders: 100, wallSeconds })
    const lines = latencyTable({
      latencyMs: 300,
      runs: [
        run('defaults, no added latency', 500, 2, false, 10, 0),
        run('defaults', 500, 2, false, 40),
        run('page size 100', 100, 2, false, 80),
        run('inventory, defaults', 500, 2, true, 20),
        run('inventory, concurrency 4', 500, 4, true, 10),
      ],
    }).split('\n')
    expect(lines[2]).toMatch(/^defaults, no added latency\s+500\s+1\s+2\s+0\s+10\s+100\s+10\.00\s+0\.25×$/)
    expect(lines[3]).toMatch(/^defaults\s+500\s+1\s+2\s+300\s+10\s+100\s+40\.00$/)
    expect(lines[4]).toMatch(/80\.00\s+2\.00×$/)
    expect(lines[6]).toMatch(/10\.00\s+0\.50×$/)
  })
})

describe('bench statement kinds', () => {
  it('names inserts, insert-selects and selects by their table, past the SET prefix chDB adds', () => {
    expect(statementKind("SET insert_deduplicate = 1; SET insert_deduplication_token = 'a;b''c'; INSERT INTO db.stg_qtickets_api_orders_raw FORMAT JSONEachRow\n{\"select\":1}")).toBe(
      'INSERT stg_qtickets_api_orders_raw',
    )
    expect(statementKind('INSERT INTO db.fact_qtickets_sales_daily (a) SELECT a FROM db.stg_qtickets_api_baskets_raw FINAL')).toBe('INSERT … SELECT fact_qtickets_sales_daily')
    expect(statementKind('SELECT order_id FROM `zakaz`.`stg_qtickets_api_orders_raw` FINAL WHERE tenant = {t:String}')).toBe('SELECT … FROM stg_qtickets_api_orders_raw FINAL')
    expect(statementKind('SELECT max(_ver) FROM db.meta_sync_state WHERE 1')).toBe('SELECT … FROM meta_sync_state')
    expect(statementKind('create table if not exists x')).toBe('CREATE TABLE')
  })
})
