import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type AlertState, createJsonFileAlertStore, createMemoryAlertStore, parseAlertState } from './alert-store'

const state: AlertState = {
  version: 1,
  problems: {
    '["acme","outage",null]': {
      tenant: 'acme',
      problem: 'outage',
      since: '2025-11-03T09:05:00.000Z',
      announced: true,
      sources: { run_error: 'run ended with status error' },
    },
  },
}

describe('createJsonFileAlertStore', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qtl-store-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('loads the empty state when the file does not exist yet', async () => {
    expect(await createJsonFileAlertStore(join(dir, 'none.json')).load()).toEqual({ version: 1, problems: {} })
  })

  it('saves and loads the same state from a new store instance, in a private file', async () => {
    const path = join(dir, 'alerts.json')
    await createJsonFileAlertStore(path).save(state)
    expect(await createJsonFileAlertStore(path).load()).toEqual(state)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect(await readFile(path, 'utf8')).toMatch(/\n$/)
  })

  it('rejects a file with a bad field, naming the file, the problem and the field', async () => {
    const path = join(dir, 'alerts.json')
    const bad = structuredClone(state) as unknown as { problems: Record<string, Record<string, unknown>> }
    const record = bad.problems['["acme","outage",null]']
    if (record) record.announced = 'yes'
    await writeFile(path, JSON.stringify(bad))
    await expect(createJsonFileAlertStore(path).load()).rejects.toThrow(
      `alert state file ${path}: problem "[\\"acme\\",\\"outage\\",null]" has an invalid announced`,
    )
  })
})

describe('parseAlertState', () => {
  it('rejects other shapes and versions', () => {
    expect(() => parseAlertState('[]', 'src')).toThrow('src: expected {"version":1,"problems":{...}}')
    expect(() => parseAlertState('{"version":2,"problems":{}}', 'src')).toThrow('expected {"version":1')
    expect(() => parseAlertState('nope', 'src')).toThrow('src: not valid JSON')
  })
})

describe('createMemoryAlertStore', () => {
  it('returns copies so later changes to a loaded state are not saved implicitly', async () => {
    const store = createMemoryAlertStore(state)
    const loaded = await store.load()
    loaded.problems = {}
    expect(await store.load()).toEqual(state)
  })
})
