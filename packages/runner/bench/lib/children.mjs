// Child processes of the bench: the simulator server (forked, IPC) and measured node commands.
import { fork, spawn } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url))

/** Absolute path of a file in packages/runner/bench. */
export function benchFile(name) {
  return `${BENCH_DIR}${name}`
}

function nextMessage(child, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.type !== type) return
      cleanup()
      resolve(message)
    }
    const onExit = (code) => {
      cleanup()
      reject(new Error(`simulator server exited with code ${code} before "${type}"`))
    }
    const cleanup = () => {
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    child.on('message', onMessage)
    child.on('exit', onExit)
  })
}

/** Starts the simulator server in its own process (`start`: the simulated "now", default the simulator's); resolves once it listens. */
export async function startSimServer({ orders, latencyMs = 0, start = null }) {
  const args = ['--orders', String(orders), '--latency-ms', String(latencyMs), ...(start ? ['--start', start] : [])]
  const child = fork(benchFile('sim-server.mjs'), args, {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const ready = await nextMessage(child, 'ready')
  const ask = (type, extra = {}) => {
    const reply = nextMessage(child, type === 'dump' ? 'dumped' : type === 'stop' ? 'stopped' : type)
    child.send({ type, ...extra })
    return reply
  }
  return {
    restUrl: ready.restUrl,
    origin: new URL(ready.restUrl).origin,
    token: ready.token,
    /** Requests and orders served so far. */
    progress: () => ask('progress'),
    /** Writes the recorded requests to `file` as JSON lines; resolves with their count. */
    dump: async (file) => (await ask('dump', { file })).requests,
    /** Stops the server; resolves with its own CPU seconds and peak RSS. */
    stop: () => ask('stop'),
    kill: () => child.kill(),
  }
}

/**
 * Runs `node <args>` and resolves with `{ code, signal, wallSeconds, stdout }`; stderr goes to `stderrFile` (or is
 * inherited). `onTick` is called every `tickMs` while the child runs (for progress lines).
 */
export function runNode(args, { env = process.env, cwd, stderrFile, onTick, tickMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', stderrFile ? 'pipe' : 'inherit'] })
    const chunks = []
    child.stdout.on('data', (chunk) => chunks.push(chunk))
    if (stderrFile) child.stderr.pipe(createWriteStream(stderrFile))
    const timer = onTick ? setInterval(() => onTick(Number(process.hrtime.bigint() - started) / 1e9), tickMs) : null
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (timer) clearInterval(timer)
      resolve({ code, signal, wallSeconds: Number(process.hrtime.bigint() - started) / 1e9, stdout: Buffer.concat(chunks).toString('utf8') })
    })
  })
}

/** Runs a bench child script that prints one JSON line, and returns that object (throws with its stderr on failure). */
export async function runJsonChild(script, args, options = {}) {
  const result = await runNode([benchFile(script), ...args], options)
  const last = result.stdout.trim().split('\n').pop()
  if (result.code !== 0 || !last) {
    const log = options.stderrFile ? tail(options.stderrFile, 20) : ''
    throw new Error(`${script} failed (exit ${result.code ?? result.signal})${log ? `:\n${log}` : ''}`)
  }
  return { ...JSON.parse(last), wallSeconds: result.wallSeconds }
}

/** The last `lines` lines of a text file ('' when unreadable). */
export function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}
