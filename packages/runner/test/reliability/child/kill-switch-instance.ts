import { appendFileSync } from 'node:fs'
import { createKillSwitch, parseKillPoint, type TraceLine } from '../support/kill-switch.js'

// The child's one kill switch, configured by its environment: RELIABILITY_KILL_AT (`17:after`) and RELIABILITY_TRACE_FILE.
const traceFile = process.env.RELIABILITY_TRACE_FILE

/** Appends one line to the trace file, synchronously (a kill follows). */
export function recordTrace(line: TraceLine): void {
  if (traceFile) appendFileSync(traceFile, `${JSON.stringify(line)}\n`)
}

/** The kill switch every wrapper of this child process counts through. */
export const killSwitch = createKillSwitch(parseKillPoint(process.env.RELIABILITY_KILL_AT), recordTrace)
