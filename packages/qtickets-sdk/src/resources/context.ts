import type { EventHub } from '../events'
import type { Transport } from '../transport/transport'

/** What every resource of a client shares. */
export interface ResourceContext {
  transport: Transport
  hub: EventHub
  timeZone: string
}
