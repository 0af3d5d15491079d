import { describe, expect, test } from 'vitest'
import { createEventHub, type QticketsEvent } from './events'

describe('createEventHub', () => {
  test('forwards every event to onEvent and typed listeners by type', () => {
    const all: QticketsEvent[] = []
    const states: string[] = []
    const hub = createEventHub((event) => all.push(event))
    hub.on('breaker', (event) => states.push(event.state))
    hub.emit({ type: 'breaker', state: 'open' })
    hub.emit({ type: 'page', resource: 'orders', page: 1, items: 3, total: 3, ms: 1 })
    expect(all.map((event) => event.type)).toEqual(['breaker', 'page'])
    expect(states).toEqual(['open'])
  })

  test('a throwing listener does not break emission', () => {
    const seen: string[] = []
    const hub = createEventHub(() => {
      throw new Error('logger down')
    })
    hub.on('breaker', () => {
      throw new Error('also down')
    })
    hub.on('breaker', (event) => seen.push(event.state))
    expect(() => hub.emit({ type: 'breaker', state: 'closed' })).not.toThrow()
    expect(seen).toEqual(['closed'])
  })
})
