import { describe, expect, it } from 'vitest'
import { serializeError } from './serialize-error.js'

describe('serializeError', () => {
  it('keeps name, message, stack, own fields and the cause chain', () => {
    const cause = new Error('socket hang up')
    const error = Object.assign(new Error('request failed', { cause }), { kind: 'network', status: 503 })
    const serialized = serializeError(error)
    expect(serialized).toMatchObject({ name: 'Error', message: 'request failed', kind: 'network', status: 503 })
    expect(serialized.stack).toContain('request failed')
    expect(serialized.cause).toMatchObject({ name: 'Error', message: 'socket hang up' })
    expect(JSON.parse(JSON.stringify(serialized)).cause.message).toBe('socket hang up')
  })

  it('serialises the inner errors of an AggregateError', () => {
    const serialized = serializeError(new AggregateError([new Error('a'), 'b'], 'two failures'))
    expect(serialized.errors).toEqual([expect.objectContaining({ message: 'a' }), 'b'])
  })
})
