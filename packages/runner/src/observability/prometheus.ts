import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from './atomic-write'
import type { Labels, MetricFamily, MetricsRegistry } from './metrics'

/** Renders the registry in the Prometheus text exposition format (0.0.4), families and series sorted. */
export function renderPrometheus(registry: MetricsRegistry, now: Date = new Date()): string {
  return registry.collect(now).map(renderFamily).join('')
}

/** Writes exposition text atomically (temp file + rename in the same directory) for node_exporter's textfile collector. */
export async function writeMetricsFile(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text)
}

/** Reads a previous metrics file (to `restoreMetrics` it); undefined when there is none yet. */
export async function readMetricsFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined
    throw new Error(`could not read metrics file ${path}: ${String((error as { code?: unknown }).code ?? error)}`)
  }
}

/** The registry as plain JSON for `status --json`. */
export interface MetricsJson {
  generatedAt: string
  metrics: Array<{
    name: string
    type: MetricFamily['type']
    help: string
    samples: Array<{ labels: Labels; value: number | string }>
  }>
}

/** Collects the registry into JSON (non-finite values as the strings `NaN`, `+Inf`, `-Inf`). */
export function metricsToJson(registry: MetricsRegistry, now: Date = new Date()): MetricsJson {
  const metrics = registry.collect(now).map((family) => ({
    name: family.name,
    type: family.type,
    help: family.help,
    samples: family.samples.map((sample) => ({
      labels: sample.labels,
      value: Number.isFinite(sample.value) ? sample.value : formatValue(sample.value),
    })),
  }))
  return { generatedAt: now.toISOString(), metrics }
}

/** Escapes a label value: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

/** Escapes HELP text: backslash and line feed. */
export function escapeHelp(help: string): string {
  return help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
}

/** Formats a sample value as Prometheus expects (`NaN`, `+Inf`, `-Inf` for non-finite values). */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  return String(value)
}

function renderFamily(family: MetricFamily): string {
  const header = `# HELP ${family.name} ${escapeHelp(family.help)}\n# TYPE ${family.name} ${family.type}\n`
  const lines = family.samples.map(
    (sample) => `${family.name}${renderLabels(family.labelNames, sample.labels)} ${formatValue(sample.value)}\n`,
  )
  return header + lines.join('')
}

function renderLabels(labelNames: readonly string[], labels: Labels): string {
  if (labelNames.length === 0) return ''
  const pairs = labelNames.map((name) => `${name}="${escapeLabelValue(labels[name] ?? '')}"`)
  return `{${pairs.join(',')}}`
}
