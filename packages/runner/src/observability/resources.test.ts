import { describe, expect, it } from 'vitest'
import { resourceFromPath } from './resources'

describe('resourceFromPath', () => {
  it.each([
    ['orders', 'orders'],
    ['/api/rest/v1/orders?page=2', 'orders'],
    ['https://qtickets.ru/api/rest/v1/orders/123', 'orders'],
    ['promo-codes', 'promo_codes'],
    ['color-themes', 'color_themes'],
    ['clients', 'clients'],
    ['discounts/4', 'discounts'],
    ['events/7', 'events'],
    ['shows/42/seats', 'inventory'],
    ['shows/42/barcodes', 'barcodes'],
    ['shows/42/barcode/00123', 'barcodes'],
    ['shows/42', 'events'],
    ['baskets', 'other'],
    ['', 'other'],
  ])('%s → %s', (path, resource) => {
    expect(resourceFromPath(path)).toBe(resource)
  })
})
