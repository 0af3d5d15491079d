// Command line of `pnpm bench` (packages/runner/bench/run.mjs). Pure: no I/O.

/** Sizes (simulated orders) measured by default. */
export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000]

/** Defaults of the latency experiment: an organisation of 100 000 orders, its last 14 days, 300 ms per request. */
export const LATENCY_DEFAULTS = { orders: 100_000, days: 14, latencyMs: 300 }

const USAGE = `Usage: pnpm bench [-- options]

  --sizes <list>          simulated orders per run, comma-separated (10k, 1m accepted); default 10000,100000,1000000
  --quick                 10 000 orders only, no latency experiment, results not saved (smoke run)
  --latency               also run the latency experiment: page size, window length and concurrency under
                          ${LATENCY_DEFAULTS.latencyMs} ms per API request (eleven backfills, about 5 minutes)
  --latency-only          only the latency experiment
  --latency-orders <n>    orders of the organisation in the latency experiment; default ${LATENCY_DEFAULTS.orders}
  --latency-days <n>      days backfilled in the latency experiment (its last days); default ${LATENCY_DEFAULTS.days}
  --latency-ms <ms>       added latency per API request; default ${LATENCY_DEFAULTS.latencyMs}
  --page-size <n>         QTICKETS_PAGE_SIZE for the end-to-end runs; default: the loader's own default
  --concurrency <n>       QTICKETS_CONCURRENCY for the end-to-end runs; default: the loader's own default
  --cpu-prof              also write a V8 CPU profile of each end-to-end loader run and print where its main thread's
                          time goes, by package and function (the engine's time per kind of statement is always shown)
  --floors-only           measure only the floors (a: unfiltered orders pages, b: rows mapped from the simulator);
                          for checking the harness without a working loader
  --markdown              also print the tables as Markdown (for docs/benchmarks.md)
  --results <file>        results JSON to compare with and to update; default packages/runner/bench/results/last.json
  --save / --no-save      write the results JSON (default: save, except with --quick and --floors-only)
  --keep                  keep the temporary folders (ClickHouse data, logs, request lists)
  -h, --help              this help`

/** The usage text printed by --help. */
export function benchUsage() {
  return USAGE
}

/** Parses `10000`, `10_000`, `10k`, `1.5m` into a positive integer; throws naming the option and the value. */
export function parseCount(option, text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim().replaceAll('_', ''))
  const scale = match ? { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase()] : 0
  const value = match ? Math.round(Number(match[1]) * scale) : Number.NaN
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${option} must be a positive count like 10000, 10k or 1m, got "${text}"`)
  return value
}

/** Parses a comma-separated list of counts (duplicates dropped, order kept). */
export function parseCountList(option, text) {
  const items = String(text).split(',').map((item) => item.trim()).filter((item) => item !== '')
  if (items.length === 0) throw new Error(`${option} needs at least one value, got "${text}"`)
  return [...new Set(items.map((item) => parseCount(option, item)))]
}

const VALUE_OPTIONS = new Set(['sizes', 'latency-orders', 'latency-days', 'latency-ms', 'page-size', 'concurrency', 'results'])
const FLAG_OPTIONS = new Set(['quick', 'latency', 'latency-only', 'cpu-prof', 'floors-only', 'markdown', 'save', 'no-save', 'keep', 'help'])

/** Splits argv into `{ name: value }` (flags get `true`); `--` separators (from `pnpm bench -- …`) are skipped. */
function readOptions(argv) {
  const options = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') continue
    if (arg === '-h') { options.help = true; continue }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new Error(`unexpected argument "${arg}" (see --help)`)
    const [, name, inline] = match
    if (FLAG_OPTIONS.has(name)) {
      if (inline !== undefined) throw new Error(`--${name} takes no value, got "${inline}"`)
      options[name] = true
    } else if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i]
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`)
      options[name] = value
    } else {
      throw new Error(`unknown option --${name} (see --help)`)
    }
  }
  return options
}

/** Parses the bench's command line into settings; throws an Error naming the bad option. */
export function parseBenchArgs(argv) {
  const o = readOptions(argv)
  if (o.quick && o.sizes !== undefined) throw new Error('--quick and --sizes cannot be combined')
  if (o.save && o['no-save']) throw new Error('--save and --no-save cannot be combined')
  const quick = o.quick === true
  const latencyOnly = o['latency-only'] === true
  return {
    help: o.help === true,
    quick,
    sizes: latencyOnly ? [] : quick ? [10_000] : o.sizes !== undefined ? parseCountList('--sizes', o.sizes) : [...DEFAULT_SIZES],
    latency: latencyOnly || (o.latency === true && !quick)
      ? {
          orders: o['latency-orders'] !== undefined ? parseCount('--latency-orders', o['latency-orders']) : LATENCY_DEFAULTS.orders,
          days: o['latency-days'] !== undefined ? parseCount('--latency-days', o['latency-days']) : LATENCY_DEFAULTS.days,
          latencyMs: o['latency-ms'] !== undefined ? parseCount('--latency-ms', o['latency-ms']) : LATENCY_DEFAULTS.latencyMs,
        }
      : null,
    pageSize: o['page-size'] !== undefined ? parseCount('--page-size', o['page-size']) : null,
    concurrency: o.concurrency !== undefined ? parseCount('--concurrency', o.concurrency) : null,
    cpuProfile: o['cpu-prof'] === true,
    floorsOnly: o['floors-only'] === true,
    markdown: o.markdown === true,
    resultsFile: o.results ?? null,
    save: o.save === true || (!quick && o['floors-only'] !== true && o['no-save'] !== true),
    keep: o.keep === true,
  }
}
