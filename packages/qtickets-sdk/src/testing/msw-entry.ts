/**
 * `@zakaz/qtickets-sdk/testing/msw`: MSW 2.x request handlers serving the simulator.
 * A separate entry so that `@zakaz/qtickets-sdk/testing` loads without msw installed.
 */

/** MSW 2.x request handlers serving a simulator. */
export { createSimulatorHandlers } from './msw'
/** Options of createSimulatorHandlers. */
export type { SimulatorHandlersOptions } from './msw'
