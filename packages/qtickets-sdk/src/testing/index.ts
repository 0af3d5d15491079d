/**
 * `@zakaz/qtickets-sdk/testing`: a deterministic simulator of QTickets organisations for tests,
 * benchmarks and demos. It speaks the wire format of fixtures/qtickets (it never imports the SDK).
 */

/** Creates a simulator: tenants, orders over months, a clock, faults, ground truth and one pure handler. */
export { createSimulator } from './simulator'
/** The simulator and its parts (faults, mutations, tenant description). */
export type { Simulator, SimulatorFaults, SimulatorMutations, TenantDescription } from './simulator'
/** Options of createSimulator and the default probabilities. */
export type { InstantInput, SimulatorOptions, SimulatorRates, TenantOptions } from './options'
/** The default rates, start instant and tenant. */
export { DEFAULT_RATES, DEFAULT_START, DEFAULT_TENANT } from './options'
/** Requests and responses of the pure handler. */
export type { SimRequest } from './request'
/** A handler response, with the transport fault adapters must act out. */
export type { SimResponse, TransportFault } from './responses'
/** A request as recorded in `sim.requests`. */
export type { RecordedRequest } from './handler'
/** Fault injection types. */
export type { FaultHandle, FaultKind, FaultRequest, FaultSpec, OutageOptions } from './faults'
/** The simulated clock. */
export type { ClockMove, ClockStep, SimulatorClock } from './clock'
/** Ground-truth rows and counts. */
export type { DailySalesRow, InventoryRow, SimulatorStats } from './truth'
/** A loopback node:http server serving the simulator. */
export { createSimulatorServer } from './server'
/** The server handle and its addresses. */
export type { SimulatorServer, SimulatorServerAddress } from './server'
/** PHP-style JSON encoding, as the real API answers. */
export { phpJson } from './php-json'
