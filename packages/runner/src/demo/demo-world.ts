import { createSimulator, type Simulator } from '@zakaz/qtickets-sdk/testing'

/** The simulated organisation's name (the tenant in every table). */
export const DEMO_TENANT = 'demo'
/** Its REST token (a simulator token, not a secret). */
export const DEMO_TOKEN = 'demo-token-0001'
/** Default database of the demo; dropped and recreated on every demo run. */
export const DEMO_DATABASE = 'qtickets_demo'
/** PII key used when PII_HASH_KEY is not set (the simulator's buyers are invented). */
export const DEMO_PII_KEY = 'qtickets-demo-pepper-not-a-secret'
/** Average orders per simulated day. */
export const DEMO_ORDERS_PER_DAY = 100
/** Events on sale over the simulated period (in several cities). */
export const DEMO_EVENTS = 9

/** A deterministic organisation with `days` of sales history before the simulator's default "now". */
export function createDemoSimulator(days: number): Simulator {
  return createSimulator({
    seed: 2025,
    historyDays: days,
    tenants: [{ name: DEMO_TENANT, token: DEMO_TOKEN, ordersPerDay: DEMO_ORDERS_PER_DAY, events: DEMO_EVENTS }],
  })
}
