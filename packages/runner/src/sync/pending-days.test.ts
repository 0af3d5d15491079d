import { describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger.js'
import { addPendingDays, PENDING_DAYS_RESOURCE, withPendingDays } from './pending-days.js'
import { createRunTally } from './run-tally.js'
import type { SyncContext } from './sync-context.js'
import type { SyncStore } from './sync-store.js'

/** A context whose store keeps cursors in a map and logs every cursor write and recompute, in order. */
function recordingContext(options: { note?: string; failRecompute?: boolean; signal?: AbortSignal } = {}) {
  const cursors = new Map<string, string>(options.note ? [[PENDING_DAYS_RESOURCE, options.note]] : [])
  const calls: string[] = []
  const store = {
    getCursor: async (resource: string) => cursors.get(resource) ?? null,
    setCursor: async (resource: string, value: string) => {
      calls.push(`note ${value}`)
      cursors.set(resource, value)
    },
    recomputeDays: async (days: readonly string[]) => {
      if (options.failRecompute) throw new Error('ClickHouse is down')
      calls.push(`recompute ${days.join(',')}`)
    },
  } as unknown as SyncStore
  const lines: string[] = []
  const ctx = {
    store,
    logger: createLogger({ sink: { write: (line: string) => void lines.push(line) } }),
    signal: options.signal ?? new AbortController().signal,
    pendingDays: new Set<string>(),
    tally: createRunTally(),
  } as unknown as SyncContext
  return { ctx, calls, cursors, lines }
}

describe('withPendingDays', () => {
  it('notes the days of every batch before it is written and recomputes all of them once, at the end', async () => {
    const { ctx, calls, cursors } = recordingContext()
    await withPendingDays(ctx, async () => {
      await addPendingDays(ctx, ['2025-11-10'])
      calls.push('write batch 1')
      await addPendingDays(ctx, ['2025-11-10']) // nothing new: no extra note
      calls.push('write batch 2')
      await addPendingDays(ctx, ['2025-11-09', '2025-11-10'])
      calls.push('write batch 3')
    })
    expect(calls).toEqual([
      'note ["2025-11-10"]',
      'write batch 1',
      'write batch 2',
      'note ["2025-11-09","2025-11-10"]',
      'write batch 3',
      'recompute 2025-11-09,2025-11-10',
      'note []',
    ])
    expect(cursors.get(PENDING_DAYS_RESOURCE)).toBe('[]')
    expect([...ctx.tally.recomputedDays].sort()).toEqual(['2025-11-09', '2025-11-10'])
  })

  it('takes over the days an interrupted run left pending and recomputes them with its own', async () => {
    const { ctx, calls, lines } = recordingContext({ note: '["2025-11-01"]' })
    await withPendingDays(ctx, async () => addPendingDays(ctx, ['2025-11-10']))
    expect(calls).toEqual(['note ["2025-11-01","2025-11-10"]', 'recompute 2025-11-01,2025-11-10', 'note []'])
    expect(lines.join('\n')).toContain('an interrupted run left days pending')
  })

  it('a step that fails part-way still gets the days of its written batches recomputed, then its error is thrown', async () => {
    const { ctx, calls } = recordingContext()
    const step = withPendingDays(ctx, async () => {
      await addPendingDays(ctx, ['2025-11-10'])
      calls.push('write batch 1')
      throw new Error('503 on page 2')
    })
    await expect(step).rejects.toThrow('503 on page 2')
    expect(calls).toEqual(['note ["2025-11-10"]', 'write batch 1', 'recompute 2025-11-10', 'note []'])
  })

  it('when the recompute after a failure fails too, the note keeps the days and the first error is thrown', async () => {
    const { ctx, cursors, lines } = recordingContext({ failRecompute: true })
    const step = withPendingDays(ctx, async () => {
      await addPendingDays(ctx, ['2025-11-10'])
      throw new Error('503 on page 2')
    })
    await expect(step).rejects.toThrow('503 on page 2')
    expect(cursors.get(PENDING_DAYS_RESOURCE)).toBe('["2025-11-10"]')
    expect(lines.join('\n')).toContain('they stay pending for the next run')
  })

  it('an aborted step leaves the days to the note instead of recomputing on the way out', async () => {
    const controller = new AbortController()
    const { ctx, calls, cursors } = recordingContext({ signal: controller.signal })
    const step = withPendingDays(ctx, async () => {
      await addPendingDays(ctx, ['2025-11-10'])
      controller.abort(new Error('SIGTERM'))
      throw new Error('SIGTERM')
    })
    await expect(step).rejects.toThrow('SIGTERM')
    expect(calls).toEqual(['note ["2025-11-10"]'])
    expect(cursors.get(PENDING_DAYS_RESOURCE)).toBe('["2025-11-10"]')
  })
})
