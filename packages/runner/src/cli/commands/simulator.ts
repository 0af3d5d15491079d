import { RunnerError } from '../../errors.js'
import { ExitCode } from '../../exit-codes.js'
import { LIVE_TENANT, startLiveSimulator, type LiveSimulator } from '../../simulator/live-simulator.js'
import type { Command, CommandContext } from '../command.js'
import { nonNegativeIntegerOption, positiveIntegerOption } from '../option-values.js'

/** Default loopback port of `qtickets-load simulator`. */
export const SIMULATOR_PORT = 8765

/** The database the printed commands load, so simulated data never mixes with the default `zakaz`. */
export const SIMULATOR_DATABASE = 'qtickets_sim'

/** `qtickets-load simulator`: a simulated QTickets account on loopback, to try the loader against by hand. */
export const simulatorCommand: Command = {
  name: 'simulator',
  summary: 'Serve a simulated QTickets account on loopback, to try run, backfill and status against',
  usage: 'qtickets-load simulator [--port <n>] [--orders-per-day <n>] [--days <n>]',
  description:
    "Starts the QTickets simulator (the one the demo and the tests use) on 127.0.0.1 with its clock at the current time and a history of --days days of orders, prints the QTICKETS_BASE_URL and QTICKETS_TOKEN to use, and serves until Ctrl-C. Its clock follows the real one, so new orders, payments, refunds and cancellations keep arriving and each `run` finds what changed since the last. The printed commands load the database qtickets_sim of the embedded engine, away from your own data. Only GET requests are answered, as by the real API.",
  options: [
    { name: 'port', type: 'string', valueName: 'n', description: 'loopback port to listen on (0: a free one)', default: String(SIMULATOR_PORT) },
    { name: 'orders-per-day', type: 'string', valueName: 'n', description: 'average orders a simulated day', default: '100' },
    { name: 'days', type: 'string', valueName: 'n', description: 'days of order history before now', default: '30' },
  ],
  env: [],
  needsTokens: false,
  examples: ['qtickets-load simulator', 'qtickets-load simulator --port 9000 --orders-per-day 500', 'qtickets-load simulator --json'],
  exitCodes: [ExitCode.OK, ExitCode.USAGE, ExitCode.UNAVAILABLE, ExitCode.INTERNAL],
  exitCodeMeanings: {
    [ExitCode.OK]: 'stopped with Ctrl-C (SIGINT) or SIGTERM',
    [ExitCode.USAGE]: 'usage error: bad --port, --orders-per-day or --days',
    [ExitCode.UNAVAILABLE]: 'the port is in use (pass another --port, or 0 for a free one)',
  },
  async run(ctx) {
    const port = nonNegativeIntegerOption(ctx.options, 'port', 65_535) ?? SIMULATOR_PORT
    const ordersPerDay = positiveIntegerOption(ctx.options, 'orders-per-day', 100_000) ?? 100
    const days = positiveIntegerOption(ctx.options, 'days', 730) ?? 30
    const live = await start(ctx, { port, ordersPerDay, days })
    ctx.output({ restUrl: live.restUrl, token: live.token, tenant: LIVE_TENANT, database: SIMULATOR_DATABASE, now: live.sim.clock.nowIso(), ordersPerDay, days }, () =>
      instructions(live, { ordersPerDay, days }),
    )
    await untilAborted(ctx.signal)
    await live.close()
    ctx.logger.info('simulator stopped')
    return ExitCode.OK
  },
}

async function start(ctx: CommandContext, options: { port: number; ordersPerDay: number; days: number }): Promise<LiveSimulator> {
  try {
    return await startLiveSimulator({ ...options, ...(ctx.io.now ? { now: ctx.io.now } : {}) })
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      throw new RunnerError(`port ${options.port} is in use: pass another --port (0 picks a free one)`, ExitCode.UNAVAILABLE)
    }
    throw error
  }
}

/** What to paste into another terminal. */
function instructions(live: LiveSimulator, options: { ordersPerDay: number; days: number }): string {
  const env = `QTICKETS_BASE_URL=${live.restUrl} QTICKETS_TOKEN=${live.token} CLICKHOUSE_DATABASE=${SIMULATOR_DATABASE}`
  return [
    `QTickets simulator: organiser "${LIVE_TENANT}", ${options.days} days of orders (about ${options.ordersPerDay} a day), clock at ${live.sim.clock.nowIso()} and following real time`,
    '',
    'In another terminal, point the loader at it (embedded ClickHouse, database qtickets_sim):',
    `  export ${env}`,
    '  pnpm qtickets-load migrate && pnpm qtickets-load run && pnpm qtickets-load status',
    '',
    'Run `pnpm qtickets-load run` again in a few minutes: it loads the orders, refunds and cancellations made meanwhile.',
    'Ctrl-C stops the simulator.',
  ].join('\n')
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
}
