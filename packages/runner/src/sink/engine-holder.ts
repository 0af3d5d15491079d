import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isProcessAlive } from '../lock/process-alive.js'

/**
 * The pid of another live process holding the embedded engine's folder, read from the `status` file ClickHouse keeps
 * there while it runs (`PID: 4242`; removed when the engine shuts down), or undefined when none is known to hold it.
 */
export function embeddedEngineHolder(dataDir: string): number | undefined {
  let text: string
  try {
    text = readFileSync(join(dataDir, 'status'), 'utf8')
  } catch {
    return undefined
  }
  const pid = Number(/^PID: (\d+)$/m.exec(text)?.[1])
  return pid !== process.pid && isProcessAlive(pid) ? pid : undefined
}
