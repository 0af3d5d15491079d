// Entry of the child process of the crash tests: `qtickets-load <argv>` with a fixed clock (RELIABILITY_NOW_MS), the
// SDK and the sink replaced by counting versions (see the bundle), and a kill switch (RELIABILITY_KILL_AT) that
// SIGKILLs the process at the chosen operation. A run that ends by itself records how many operations it performed.
import { main } from '../../../src/cli/main.js'
import { processIo } from '../../../src/cli/io.js'
import { killSwitch, recordTrace } from './kill-switch-instance.js'

const nowMs = Number(process.env.RELIABILITY_NOW_MS)
const io = { ...processIo(), ...(Number.isFinite(nowMs) && nowMs > 0 ? { now: () => new Date(nowMs) } : {}) }
const code = await main(process.argv.slice(2), io)
recordTrace({ finished: { ops: killSwitch.ops, labels: killSwitch.labels } })
process.exitCode = code
