import { createSimulator, createSimulatorServer, type Simulator } from '@zakaz/qtickets-sdk/testing'

/** The simulated organiser's name and REST token (a simulator token, not a secret). */
export const LIVE_TENANT = 'sim'
export const LIVE_TOKEN = 'sim-token-0001'

/** Options of `startLiveSimulator`. */
export interface LiveSimulatorOptions {
  /** Loopback port (0: a free one). */
  port: number
  /** Average orders per simulated day. */
  ordersPerDay: number
  /** Days of order history before now. */
  days: number
  /** The clock the simulator follows (default: the wall clock). */
  now?: () => Date
  /** How often the simulated clock catches up with `now`, in ms (default 1000). */
  tickMs?: number
}

/** A simulator served on loopback whose clock follows `now`. */
export interface LiveSimulator {
  sim: Simulator
  /** REST base URL, e.g. `http://127.0.0.1:8765/api/rest/v1`. */
  restUrl: string
  token: string
  /** Moves the simulated clock to `now` (called every `tickMs`). */
  tick(): void
  /** Stops the clock and the server. */
  close(): Promise<void>
}

/**
 * Starts the QTickets simulator with its "now" at the current time (so `run`, whose window follows the real clock,
 * finds orders), serves it on 127.0.0.1 and moves its clock with `now`: new orders, payments, refunds and
 * cancellations keep appearing, and every `run` finds what changed since the last one.
 */
export async function startLiveSimulator(options: LiveSimulatorOptions): Promise<LiveSimulator> {
  const now = options.now ?? (() => new Date())
  const sim = createSimulator({
    seed: 2025,
    start: wholeSecond(now()),
    historyDays: options.days,
    tenants: [{ name: LIVE_TENANT, token: LIVE_TOKEN, ordersPerDay: options.ordersPerDay }],
  })
  const server = createSimulatorServer(sim)
  const { restUrl } = await server.listen(options.port)
  const tick = () => {
    const target = wholeSecond(now())
    if (target > sim.clock.nowMs()) sim.clock.set(target)
  }
  const timer = setInterval(tick, options.tickMs ?? 1000)
  return {
    sim,
    restUrl,
    token: LIVE_TOKEN,
    tick,
    async close() {
      clearInterval(timer)
      await server.close()
    },
  }
}

function wholeSecond(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000
}
