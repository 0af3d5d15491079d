/** Prefix of every metric the runner exports. */
export const METRIC_PREFIX = 'qtickets_load_'

/** The two metric types the registry holds. */
export type MetricType = 'counter' | 'gauge'

/** Label values of one series, keyed by label name. */
export type Labels = Readonly<Record<string, string>>

/** One series: its labels and current value. */
export interface Sample {
  labels: Labels
  value: number
}

/** A metric family as collected: samples sorted by label values. */
export interface MetricFamily {
  name: string
  help: string
  type: MetricType
  labelNames: readonly string[]
  samples: Sample[]
}

/** A monotonically increasing count (rows, pages, retries, responses). */
export interface Counter {
  /** Adds `by` (default 1, never negative) to the series with these labels. */
  inc(labels: Labels, by?: number): void
  /** Current value of one series, or undefined if it was never touched. */
  get(labels: Labels): number | undefined
}

/** A value that can go up and down (state, timestamps, durations of the last run). */
export interface Gauge {
  /** Sets the series with these labels. */
  set(labels: Labels, value: number): void
  /** Current value of one series, or undefined if it was never set. */
  get(labels: Labels): number | undefined
  /** Every series currently set. */
  samples(): Sample[]
}

/** Holds metric families; `collect` runs the collect hooks then returns a sorted snapshot. */
export interface MetricsRegistry {
  /** Declares (or returns the already declared) counter; its name must end in `_total`. */
  counter(name: string, help: string, labelNames: readonly string[]): Counter
  /** Declares (or returns the already declared) gauge. */
  gauge(name: string, help: string, labelNames: readonly string[]): Gauge
  /** Registers a hook run by `collect` before the snapshot (to compute ages at write time). */
  onCollect(hook: (now: Date) => void): void
  /** Runs the hooks and returns every family that has samples, sorted by name. */
  collect(now?: Date): MetricFamily[]
  /** Names of every declared family, sorted, with or without samples. */
  names(): string[]
  /** Sets one series of a declared family from a saved value; false if the family or labels do not match. */
  restoreSample(name: string, type: MetricType, labels: Labels, value: number): boolean
}

interface Family {
  name: string
  help: string
  type: MetricType
  labelNames: readonly string[]
  series: Map<string, Sample>
}

const METRIC_NAME = /^qtickets_load_[a-z0-9_]*[a-z0-9]$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/** Creates an empty metrics registry. */
export function createMetricsRegistry(): MetricsRegistry {
  const families = new Map<string, Family>()
  const hooks: Array<(now: Date) => void> = []

  const declare = (name: string, help: string, type: MetricType, labelNames: readonly string[]): Family => {
    const existing = families.get(name)
    if (existing) return sameDeclaration(existing, type, labelNames)
    validateDeclaration(name, type, labelNames)
    const family: Family = { name, help, type, labelNames: [...labelNames], series: new Map() }
    families.set(name, family)
    return family
  }

  return {
    counter(name, help, labelNames) {
      const family = declare(name, help, 'counter', labelNames)
      return {
        inc(labels, by = 1) {
          if (!Number.isFinite(by) || by < 0) {
            throw new Error(`metric ${name}: a counter only goes up, got increment ${by}`)
          }
          const sample = seriesOf(family, labels)
          sample.value += by
        },
        get: (labels) => family.series.get(seriesKey(family, labels))?.value,
      }
    },
    gauge(name, help, labelNames) {
      const family = declare(name, help, 'gauge', labelNames)
      return {
        set(labels, value) {
          seriesOf(family, labels).value = value
        },
        get: (labels) => family.series.get(seriesKey(family, labels))?.value,
        samples: () => [...family.series.values()].map(copySample),
      }
    },
    onCollect(hook) {
      hooks.push(hook)
    },
    collect(now = new Date()) {
      for (const hook of hooks) hook(now)
      return [...families.values()]
        .filter((family) => family.series.size > 0)
        .sort((a, b) => compare(a.name, b.name))
        .map(snapshot)
    },
    names: () => [...families.keys()].sort(compare),
    restoreSample(name, type, labels, value) {
      const family = families.get(name)
      if (!family || family.type !== type || !hasExactly(labels, family.labelNames)) return false
      seriesOf(family, labels).value = value
      return true
    },
  }
}

function validateDeclaration(name: string, type: MetricType, labelNames: readonly string[]): void {
  if (!METRIC_NAME.test(name)) {
    throw new Error(`metric name "${name}" must start with ${METRIC_PREFIX} and use only [a-z0-9_]`)
  }
  if (type === 'counter' && !name.endsWith('_total')) {
    throw new Error(`counter "${name}" must end in _total`)
  }
  for (const label of labelNames) {
    if (!LABEL_NAME.test(label) || label.startsWith('__')) {
      throw new Error(`metric ${name}: invalid label name "${label}"`)
    }
  }
  if (new Set(labelNames).size !== labelNames.length) {
    throw new Error(`metric ${name}: duplicate label names [${labelNames.join(', ')}]`)
  }
}

function sameDeclaration(family: Family, type: MetricType, labelNames: readonly string[]): Family {
  if (family.type !== type || family.labelNames.join(',') !== labelNames.join(',')) {
    throw new Error(
      `metric ${family.name} is already declared as ${family.type} [${family.labelNames.join(', ')}], ` +
        `not ${type} [${labelNames.join(', ')}]`,
    )
  }
  return family
}

function seriesOf(family: Family, labels: Labels): Sample {
  const key = seriesKey(family, labels)
  let sample = family.series.get(key)
  if (!sample) {
    sample = { labels: pick(labels, family.labelNames), value: 0 }
    family.series.set(key, sample)
  }
  return sample
}

function seriesKey(family: Family, labels: Labels): string {
  if (!hasExactly(labels, family.labelNames)) {
    throw new Error(
      `metric ${family.name}: expected labels [${family.labelNames.join(', ')}], ` +
        `got [${Object.keys(labels).join(', ')}]`,
    )
  }
  return JSON.stringify(family.labelNames.map((name) => labels[name]))
}

function hasExactly(labels: Labels, labelNames: readonly string[]): boolean {
  const keys = Object.keys(labels)
  return keys.length === labelNames.length && labelNames.every((name) => typeof labels[name] === 'string')
}

function pick(labels: Labels, labelNames: readonly string[]): Labels {
  return Object.fromEntries(labelNames.map((name) => [name, labels[name] as string]))
}

function snapshot(family: Family): MetricFamily {
  const samples = [...family.series.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([, sample]) => copySample(sample))
  return { name: family.name, help: family.help, type: family.type, labelNames: family.labelNames, samples }
}

function copySample(sample: Sample): Sample {
  return { labels: { ...sample.labels }, value: sample.value }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
