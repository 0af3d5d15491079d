import type { QticketsEvent } from '@zakaz/qtickets-sdk'
import type { SdkEvent } from './run-metrics'

/**
 * An SDK event in the shape the run metrics take: no answer is status 0, a retry's `errorKind` is its `kind`, and a
 * page's resource is `resource` when given, else the SDK's name in metric spelling (`promoCodes` → `promo_codes`).
 */
export function toSdkEvent(event: QticketsEvent, resource?: string): SdkEvent {
  switch (event.type) {
    case 'request':
      return { type: 'request', method: event.method, path: event.path, status: event.status ?? 0, ms: event.ms }
    case 'retry':
      return {
        type: 'retry',
        attempt: event.attempt,
        delayMs: event.delayMs,
        kind: event.errorKind,
        path: event.path,
        ...(event.status === undefined ? {} : { status: event.status }),
      }
    case 'breaker':
      return { type: 'breaker', state: event.state }
    case 'page':
      return { type: 'page', resource: resource ?? snakeCase(event.resource), page: event.page, items: event.items, ms: event.ms }
  }
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}
