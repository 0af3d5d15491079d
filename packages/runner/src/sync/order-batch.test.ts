import { Temporal, type Order } from '@zakaz/qtickets-sdk'
import { describe, expect, it } from 'vitest'
import { newestVersions } from './order-batch.js'

const version = (id: number, updatedAt: string, tag: string) => ({ id, updated_at: Temporal.Instant.from(updatedAt), tag }) as unknown as Order & { tag: string }

describe('newestVersions', () => {
  it('keeps one version per order, the latest updated_at, in first-seen order', () => {
    const batch = [
      version(1, '2025-11-10T09:00:00Z', 'old'),
      version(2, '2025-11-10T09:00:00Z', 'only'),
      version(1, '2025-11-12T09:00:00Z', 'refunded later'),
      version(3, '2025-11-12T09:00:00Z', 'newer'),
      version(3, '2025-11-11T09:00:00Z', 'older, read later'),
    ]
    expect(newestVersions(batch).map((order) => [order.id, (order as Order & { tag: string }).tag])).toEqual([
      [1, 'refunded later'],
      [2, 'only'],
      [3, 'newer'],
    ])
  })
})
