import { describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger.js'
import { createProgress } from './progress.js'
import { createStatusLine } from './status-line.js'

function clock() {
  let ms = 0
  return { now: () => ms, advance: (by: number) => (ms += by) }
}

function sink() {
  let text = ''
  return { columns: 200, write: (chunk: string) => (text += chunk), text: () => text }
}

describe('createProgress in bar mode', () => {
  it('redraws one line on the terminal and clears it when done', () => {
    const time = clock()
    const tty = sink()
    const statusLine = createStatusLine(tty)
    const logger = createLogger({ sink: statusLine, format: 'pretty', now: () => new Date(time.now()) })
    const progress = createProgress({ label: 'backfill acme', mode: 'bar', statusLine, logger, now: time.now })
    progress.start(4, '2025-01-01')
    time.advance(1000)
    progress.tick(1, '2025-01-02')
    time.advance(10) // too soon to redraw
    progress.tick(1, '2025-01-03')
    time.advance(1000)
    progress.tick(2, '2025-01-04')
    progress.done()
    const frames = tty.text().split('\r\x1b[2K').filter(Boolean)
    expect(frames).toEqual([
      'backfill acme [------------------------]   0% 0/4 0ms 2025-01-01',
      'backfill acme [######------------------]  25% 1/4 eta 3s 2025-01-02',
      'backfill acme [########################] 100% 4/4 2s 2025-01-04',
      expect.stringMatching(/^00:00:02\.010 INFO {2}backfill acme finished done=4 total=4 elapsed=2s detail=2025-01-04\n$/),
    ])
  })
})

describe('createProgress in log mode', () => {
  it('logs at start, every 10 %, at least every interval, and when finished', () => {
    const time = clock()
    const out = sink()
    const logger = createLogger({ sink: out, now: () => new Date(time.now()) })
    const progress = createProgress({ label: 'backfill', mode: 'log', logger, now: time.now, logEveryMs: 60_000 })
    progress.start(100)
    for (let i = 0; i < 25; i++) {
      time.advance(100)
      progress.tick()
    }
    time.advance(60_000)
    progress.tick(1, 'window 26')
    progress.done()
    const lines = out.text().trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((line) => [line.msg, line.done, line.percent])).toEqual([
      ['backfill progress', 0, 0],
      ['backfill progress', 10, 10],
      ['backfill progress', 20, 20],
      ['backfill progress', 26, 26],
      ['backfill finished', 26, undefined],
    ])
    expect(lines[3]).toMatchObject({ detail: 'window 26', eta: expect.any(String) })
  })

  it('does nothing in off mode', () => {
    const out = sink()
    const progress = createProgress({ label: 'x', mode: 'off', logger: createLogger({ sink: out }) })
    progress.start(3)
    progress.tick(3)
    progress.done()
    expect(out.text()).toBe('')
  })
})
