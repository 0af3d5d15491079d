import type { Labels, MetricsRegistry, MetricType } from './metrics'

/** One series read back from exposition text. */
export interface ParsedSample {
  name: string
  type: MetricType | undefined
  labels: Labels
  value: number
}

/**
 * Reads the series of a previous metrics file (as `renderPrometheus` wrote it) back into the registry,
 * so counters keep counting across runs (each run is a new process) and tenants this run did not touch
 * keep their last values. Only declared families with the same type and labels are restored; malformed
 * lines are skipped. Returns how many series were restored.
 */
export function restoreMetrics(registry: MetricsRegistry, text: string): number {
  let restored = 0
  for (const sample of parseExposition(text)) {
    if (sample.type && registry.restoreSample(sample.name, sample.type, sample.labels, sample.value)) restored++
  }
  return restored
}

/** Parses counter and gauge series from Prometheus text exposition; lines it cannot read are skipped. */
export function parseExposition(text: string): ParsedSample[] {
  const types = new Map<string, MetricType>()
  const samples: ParsedSample[] = []
  for (const line of text.split('\n')) {
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)\s*$/.exec(line)
    if (type?.[1] && type[2]) types.set(type[1], type[2] as MetricType)
    if (line.startsWith('#') || line.trim() === '') continue
    const sample = parseSampleLine(line)
    if (sample) samples.push({ ...sample, type: types.get(sample.name) })
  }
  return samples
}

function parseSampleLine(line: string): Omit<ParsedSample, 'type'> | undefined {
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0]
  if (!name) return undefined
  let rest = line.slice(name.length)
  let labels: Labels = {}
  if (rest.startsWith('{')) {
    const parsed = parseLabels(rest)
    if (!parsed) return undefined
    labels = parsed.labels
    rest = rest.slice(parsed.length)
  }
  const value = parseValue(rest.trim().split(/\s+/)[0] ?? '')
  return value === undefined ? undefined : { name, labels, value }
}

/** Parses `{a="x",b="y\"z"}` at the start of `text`; returns the labels and how many characters it used. */
function parseLabels(text: string): { labels: Labels; length: number } | undefined {
  const labels: Record<string, string> = {}
  let i = 1
  while (i < text.length) {
    if (text[i] === '}') return { labels, length: i + 1 }
    const name = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(text.slice(i))
    if (!name?.[1]) return undefined
    i += name[0].length
    let value = ''
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const next = text[i + 1]
        value += next === 'n' ? '\n' : (next ?? '')
        i += 2
      } else {
        value += text[i]
        i += 1
      }
    }
    if (text[i] !== '"') return undefined
    labels[name[1]] = value
    i += 1
    if (text[i] === ',') i += 1
  }
  return undefined
}

function parseValue(text: string): number | undefined {
  if (text === 'NaN') return Number.NaN
  if (text === '+Inf' || text === 'Inf') return Infinity
  if (text === '-Inf') return -Infinity
  if (text === '') return undefined
  const value = Number(text)
  return Number.isNaN(value) ? undefined : value
}
