import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from './atomic-write'

describe('writeFileAtomic', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qtl-atomic-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('creates the file and leaves no temp file behind', async () => {
    const path = join(dir, 'qtickets.prom')
    await writeFileAtomic(path, 'a 1\n')
    expect(await readFile(path, 'utf8')).toBe('a 1\n')
    expect(await readdir(dir)).toEqual(['qtickets.prom'])
  })

  it('replaces an existing file whole', async () => {
    const path = join(dir, 'qtickets.prom')
    await writeFile(path, 'old content that is longer than the new one\n')
    await writeFileAtomic(path, 'new\n')
    expect(await readFile(path, 'utf8')).toBe('new\n')
    expect(await readdir(dir)).toEqual(['qtickets.prom'])
  })

  it('fails naming the path when the rename cannot happen, keeps the target and removes the temp file', async () => {
    const path = join(dir, 'target')
    await mkdir(path)
    await writeFile(join(path, 'inside'), 'x')
    await expect(writeFileAtomic(path, 'new\n')).rejects.toThrow(`could not write ${path}`)
    expect((await readdir(dir)).sort()).toEqual(['target'])
    expect(await readFile(join(path, 'inside'), 'utf8')).toBe('x')
  })

  it('fails naming the path when the directory does not exist', async () => {
    const path = join(dir, 'missing', 'qtickets.prom')
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(`could not write ${path}: ENOENT`)
  })
})
