// Stands in for `@zakaz/clickhouse-sink` in the child bundle: the sink as is, except that its connections count every
// insert and command through the kill switch (before it is sent, after ClickHouse answered).
import { createSink as createRealSink, type Sink, type SinkConfig } from '../../../../clickhouse-sink/src/index.js'
import { createConnectionFaults, statementLabel, type ConnectionCall } from '../support/fault-connection.js'
import type { Operation } from '../support/kill-switch.js'
import { killSwitch } from './kill-switch-instance.js'

export * from '../../../../clickhouse-sink/src/index.js'

const faults = createConnectionFaults()
const begun = new WeakMap<ConnectionCall, Operation>()
faults.observe((call, moment) => {
  if (call.op !== 'insert' && call.op !== 'command') return
  if (moment === 'before') begun.set(call, killSwitch.begin(call.op, statementLabel(call)))
  else killSwitch.end(begun.get(call)!)
})

/** `createSink` with counting connections. */
export function createSink(config: SinkConfig = {}): Promise<Sink> {
  return createRealSink({ ...config, wrapConnection: faults.wrap })
}
