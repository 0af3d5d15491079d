/** The resources the runner loads per tenant, as they appear in metric labels. */
export const RESOURCES = [
  'orders',
  'events',
  'clients',
  'discounts',
  'promo_codes',
  'color_themes',
  'inventory',
  'barcodes',
] as const

/** One resource the runner loads. */
export type Resource = (typeof RESOURCES)[number]

const BY_SEGMENT: Record<string, Resource> = {
  orders: 'orders',
  events: 'events',
  clients: 'clients',
  discounts: 'discounts',
  'promo-codes': 'promo_codes',
  'color-themes': 'color_themes',
}

/**
 * The resource an API path belongs to, for labels: `orders/12` → orders, `shows/5/seats` → inventory,
 * `shows/5/barcodes` → barcodes; anything else → `other`. Query strings and base URLs are ignored.
 */
export function resourceFromPath(path: string): Resource | 'other' {
  const segments = path.split(/[?#]/)[0]?.split('/').filter(Boolean) ?? []
  const shows = segments.lastIndexOf('shows')
  if (shows >= 0) {
    const action = segments[shows + 2]
    if (action === 'seats') return 'inventory'
    if (action === 'barcodes' || action === 'barcode') return 'barcodes'
    return 'events'
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const resource = BY_SEGMENT[segments[i] ?? '']
    if (resource) return resource
  }
  return 'other'
}
