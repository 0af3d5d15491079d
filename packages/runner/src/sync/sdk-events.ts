import type { QticketsClient, QticketsEvent } from '@zakaz/qtickets-sdk'
import type { Logger } from '../log/logger.js'
import type { RunObserver, SyncResource } from './types.js'

/** Pages slower than this are logged as slow. */
export const SLOW_PAGE_MS = 5_000

/** Where SDK events of one tenant go. */
export interface SdkEventWatch {
  tenant: string
  logger: Logger
  observer: RunObserver
  /** The resource being synced when the event happened. */
  resource: () => SyncResource | undefined
}

/**
 * Subscribes to a client's events for one run: every event goes to `observer.onSdkEvent(tenant, event, resource)`;
 * retries and breaker transitions are logged as warnings, slow pages (> 5 s) too, requests at debug level.
 * Returns the unsubscribe function.
 */
export function watchSdkEvents(client: QticketsClient, watch: SdkEventWatch): () => void {
  const handle = (event: QticketsEvent) => {
    const resource = watch.resource()
    watch.observer.onSdkEvent(watch.tenant, event, resource)
    logSdkEvent(watch.logger, event, resource)
  }
  const unsubscribe = [client.on('request', handle), client.on('retry', handle), client.on('breaker', handle), client.on('page', handle)]
  return () => {
    for (const off of unsubscribe) off()
  }
}

/** Logs one SDK event at the level it deserves (never bodies, headers or query values: events carry none). */
export function logSdkEvent(logger: Logger, event: QticketsEvent, resource: SyncResource | undefined): void {
  switch (event.type) {
    case 'retry':
      logger.warn('retrying an API request', {
        resource,
        path: event.path,
        attempt: event.attempt,
        delay_ms: event.delayMs,
        error_kind: event.errorKind,
        status: event.status,
      })
      return
    case 'breaker':
      if (event.state === 'closed') logger.info('API circuit breaker closed again', { resource, state: event.state })
      else logger.warn(`API circuit breaker ${event.state === 'open' ? 'opened: requests fail fast for a while' : 'half-open: probing'}`, { resource, state: event.state })
      return
    case 'page':
      if (event.ms > SLOW_PAGE_MS) logger.warn('slow API page', { resource, api_resource: event.resource, page: event.page, items: event.items, ms: event.ms })
      else logger.debug('API page', { resource, api_resource: event.resource, page: event.page, items: event.items, ms: event.ms })
      return
    case 'request':
      logger.debug('API request', { resource, method: event.method, path: event.path, status: event.status, ms: event.ms, attempt: event.attempt, error_kind: event.errorKind })
  }
}
