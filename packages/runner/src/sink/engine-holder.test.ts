import { spawn, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDirs } from '../../test/support/temp-dirs.js'
import { embeddedEngineHolder } from './engine-holder.js'

const temp = tempDirs('runner-engine-holder-')
const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
afterAll(() => {
  sleeper.kill()
  temp.removeAll()
})

/** A data folder whose ClickHouse `status` file names `pid`, as the engine writes it. */
function folderHeldBy(pid: number): string {
  const dir = temp.make()
  writeFileSync(join(dir, 'status'), `PID: ${pid}\nStarted at: 2025-11-16 21:30:00\nRevision: 54513\n`)
  return dir
}

describe('embeddedEngineHolder', () => {
  it('names another live process holding the folder', () => {
    expect(embeddedEngineHolder(folderHeldBy(sleeper.pid!))).toBe(sleeper.pid)
  })

  it('knows no holder when the folder has no status file, when its pid is gone, or when it is this process', () => {
    expect(embeddedEngineHolder(temp.make())).toBeUndefined()
    expect(embeddedEngineHolder(folderHeldBy(spawnSync(process.execPath, ['-e', '']).pid))).toBeUndefined()
    expect(embeddedEngineHolder(folderHeldBy(process.pid))).toBeUndefined()
  })
})
