import { describe, expect, it } from 'vitest'
import { createKillSwitch, describeKillPoint, formatKillPoint, parseKillPoint, type TraceLine } from './kill-switch.js'

describe('kill points', () => {
  it('round-trip through their text form, with or without a label', () => {
    for (const text of ['17:after', '3:before', '2:after:insert meta_sync_state']) expect(formatKillPoint(parseKillPoint(text)!)).toBe(text)
    expect(parseKillPoint('')).toBeNull()
    expect(parseKillPoint(undefined)).toBeNull()
    expect(() => parseKillPoint('0:after')).toThrow('kill point must look like')
    expect(() => parseKillPoint('after:3')).toThrow('"after:3"')
    expect(describeKillPoint({ nth: 2, moment: 'after', label: 'GET orders' })).toBe('after the 2nd "GET orders"')
    expect(describeKillPoint({ nth: 11, moment: 'before' })).toBe('before operation 11')
  })
})

describe('the kill switch', () => {
  const run = (point: string, operations: Array<[string, 'http' | 'insert' | 'command']>) => {
    const lines: TraceLine[] = []
    let died = false
    const killSwitch = createKillSwitch(parseKillPoint(point), (line) => lines.push(line), () => {
      died = true
      throw new Error('died')
    })
    for (const [label, kind] of operations) {
      try {
        killSwitch.end(killSwitch.begin(kind, label))
      } catch {
        break
      }
    }
    return { lines, died, ops: killSwitch.ops, labels: killSwitch.labels }
  }
  const ops: Array<[string, 'http' | 'insert' | 'command']> = [
    ['GET orders', 'http'],
    ['insert meta_sync_state', 'insert'],
    ['GET orders', 'http'],
    ['insert meta_sync_state', 'insert'],
    ['command fact_qtickets_sales_daily', 'command'],
  ]

  it('dies at the nth operation of all, before or after it, recording it first', () => {
    expect(run('3:before', ops)).toMatchObject({ died: true, ops: 3, lines: [{ killed: { n: 3, nthOfLabel: 2, label: 'GET orders', moment: 'before' } }] })
    expect(run('1:after', ops)).toMatchObject({ died: true, ops: 1, lines: [{ killed: { n: 1, moment: 'after' } }] })
  })

  it('dies at the nth operation with a label', () => {
    expect(run('2:after:insert meta_sync_state', ops)).toMatchObject({ died: true, ops: 4, lines: [{ killed: { n: 4, nthOfLabel: 2, kind: 'insert' } }] })
  })

  it('counts everything and never dies when the point lies beyond the run', () => {
    expect(run('9:after', ops)).toEqual({ died: false, ops: 5, lines: [], labels: { 'GET orders': 2, 'insert meta_sync_state': 2, 'command fact_qtickets_sales_daily': 1 } })
    expect(run('', ops).died).toBe(false)
  })
})
