// Where a V8 CPU profile (`node --cpu-prof`) spends the main thread's time, by package and by function. Pure.

/** The package (or bucket) a profile node's script belongs to. */
export function categoryOf(callFrame) {
  const { functionName, url } = callFrame
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC'
    if (functionName === '(idle)') return 'idle (waiting for I/O, timers or the engine threads)'
    if (functionName === '(program)') return 'V8/native (program)'
    return 'V8/native'
  }
  if (url.startsWith('node:')) return 'node internals'
  const workspace = /\/packages\/([^/]+)\/(?:dist|src|bin|bench)\//.exec(url)
  if (workspace) return `@zakaz/${workspace[1]}`
  const pnpm = /\/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (pnpm) return pnpm[1]
  const plain = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (plain) return plain[1]
  return 'other'
}

function shortLocation(url, line) {
  const tail = url.replace(/^file:\/\//, '').split('/').slice(-2).join('/')
  return `${tail}:${line + 1}`
}

/**
 * Self time of the profile's main thread by category and the `top` hottest functions:
 * `{ totalMs, categories: [{ name, ms, share }], functions: [{ name, location, category, ms, share }] }`.
 */
export function summarizeCpuProfile(profile, { top = 12 } = {}) {
  const totalMs = (profile.endTime - profile.startTime) / 1000
  const samples = profile.samples?.length ?? 0
  const nodeMs = (node) => (samples > 0 ? (node.hitCount / samples) * totalMs : 0)
  const categories = new Map()
  const functions = new Map()
  for (const node of profile.nodes) {
    const ms = nodeMs(node)
    if (ms === 0) continue
    const category = categoryOf(node.callFrame)
    categories.set(category, (categories.get(category) ?? 0) + ms)
    const { functionName, url, lineNumber } = node.callFrame
    const name = functionName || '(anonymous)'
    const location = url ? shortLocation(url, lineNumber) : ''
    const key = `${name}@${location}`
    const entry = functions.get(key) ?? { name, location, category, ms: 0 }
    entry.ms += ms
    functions.set(key, entry)
  }
  const share = (ms) => (totalMs > 0 ? ms / totalMs : 0)
  return {
    totalMs,
    categories: [...categories].map(([name, ms]) => ({ name, ms, share: share(ms) })).sort((a, b) => b.ms - a.ms),
    functions: [...functions.values()].map((f) => ({ ...f, share: share(f.ms) })).sort((a, b) => b.ms - a.ms).slice(0, top),
  }
}
