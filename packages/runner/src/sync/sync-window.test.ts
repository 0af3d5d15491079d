import { Temporal } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import { datedWindows, incrementalWindow, inWindow, parseCursor } from './sync-window.js'

const at = (text: string) => Temporal.Instant.from(text)

describe('incrementalWindow', () => {
  it('reads from the cursor minus the lag up to now (whole seconds)', () => {
    const window = incrementalWindow({ cursor: at('2025-11-16T18:00:00Z'), now: at('2025-11-16T18:30:00.750Z'), lagMinutes: 10, initialDays: 30 })
    expect(window.from.toString()).toBe('2025-11-16T17:50:00Z')
    expect(window.to.toString()).toBe('2025-11-16T18:30:00Z')
  })

  it('reads the last initialDays days on the first run', () => {
    const window = incrementalWindow({ cursor: null, now: at('2025-11-16T18:30:00Z'), lagMinutes: 10, initialDays: 30 })
    expect(window.from.toString()).toBe('2025-10-17T18:30:00Z')
  })

  it('never starts after it ends (a cursor ahead of the clock)', () => {
    const window = incrementalWindow({ cursor: at('2025-11-17T00:00:00Z'), now: at('2025-11-16T18:30:00Z'), lagMinutes: 10, initialDays: 30 })
    expect(window.from.toString()).toBe(window.to.toString())
  })
})

describe('parseCursor', () => {
  it('reads an ISO instant and names a bad value', () => {
    expect(parseCursor('orders', '2025-11-16T18:00:00Z').epochMilliseconds).toBe(Date.parse('2025-11-16T18:00:00Z'))
    expect(() => parseCursor('orders', 'yesterday')).toThrow('the stored orders cursor is not an ISO instant: "yesterday"')
  })
})

describe('datedWindows', () => {
  it('turns report-zone dates into midnight-to-midnight instants, the last one clamped to now', () => {
    const windows = datedWindows({ from: '2025-11-10', to: '2025-11-16' }, 3, 'Europe/Moscow', at('2025-11-16T18:30:00Z'))
    expect(windows.map((w) => [w.dates.from, w.dates.to, w.window.from.toString(), w.window.to.toString(), w.complete])).toEqual([
      ['2025-11-10', '2025-11-12', '2025-11-09T21:00:00Z', '2025-11-12T21:00:00Z', true],
      ['2025-11-13', '2025-11-15', '2025-11-12T21:00:00Z', '2025-11-15T21:00:00Z', true],
      ['2025-11-16', '2025-11-16', '2025-11-15T21:00:00Z', '2025-11-16T18:30:00Z', false],
    ])
  })

  it('drops windows that start after now', () => {
    expect(datedWindows({ from: '2025-11-17', to: '2025-11-20' }, 1, 'Europe/Moscow', at('2025-11-16T18:30:00Z'))).toEqual([])
  })

  it('follows the zone (Asia/Krasnoyarsk midnight is 17:00 UTC)', () => {
    const [first] = datedWindows({ from: '2025-11-10', to: '2025-11-10' }, 1, 'Asia/Krasnoyarsk', at('2025-12-01T00:00:00Z'))
    expect(first!.window.from.toString()).toBe('2025-11-09T17:00:00Z')
    expect(first!.window.to.toString()).toBe('2025-11-10T17:00:00Z')
  })
})

describe('inWindow', () => {
  it('is half-open', () => {
    const window = { from: at('2025-11-10T00:00:00Z'), to: at('2025-11-11T00:00:00Z') }
    expect(inWindow(at('2025-11-10T00:00:00Z'), window)).toBe(true)
    expect(inWindow(at('2025-11-10T23:59:59Z'), window)).toBe(true)
    expect(inWindow(at('2025-11-11T00:00:00Z'), window)).toBe(false)
    expect(inWindow(at('2025-11-09T23:59:59Z'), window)).toBe(false)
  })
})
