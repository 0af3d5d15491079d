import type { ResourceFailure, SyncResource } from './types.js'

/** What a tenant job has done so far: rows read and written, failures, recomputed days. */
export interface RunTally {
  readonly rowsRead: Partial<Record<SyncResource, number>>
  readonly rowsWritten: Partial<Record<SyncResource, number>>
  /** Rows written (or, in a dry run, that would be written) per ClickHouse table. */
  readonly rowsByTable: Record<string, number>
  readonly failures: ResourceFailure[]
  readonly recomputedDays: Set<string>
  /** Records read from the API that the client-side re-check dropped (outside the window or already seen), per resource. */
  readonly droppedByRecheck: Partial<Record<SyncResource, number>>
  /** Starts counting a resource (it shows 0 read and 0 written even when nothing happens). */
  begin(resource: SyncResource): void
  read(resource: SyncResource, count: number): void
  /** Rows written to `table`; they count for `resource` too unless it is null (secondary tables: baskets, shows). */
  wrote(resource: SyncResource | null, table: string, count: number): void
  dropped(resource: SyncResource, count: number): void
  recomputed(days: Iterable<string>): void
}

/** An empty tally. */
export function createRunTally(): RunTally {
  const add = <K extends string>(record: Partial<Record<K, number>>, key: K, count: number) => {
    record[key] = (record[key] ?? 0) + count
  }
  const tally: RunTally = {
    rowsRead: {},
    rowsWritten: {},
    rowsByTable: {},
    failures: [],
    recomputedDays: new Set(),
    droppedByRecheck: {},
    begin(resource) {
      add(tally.rowsRead, resource, 0)
      add(tally.rowsWritten, resource, 0)
    },
    read: (resource, count) => add(tally.rowsRead, resource, count),
    wrote(resource, table, count) {
      if (resource) add(tally.rowsWritten, resource, count)
      add(tally.rowsByTable, table, count)
    },
    dropped: (resource, count) => add(tally.droppedByRecheck, resource, count),
    recomputed(days) {
      for (const day of days) tally.recomputedDays.add(day)
    },
  }
  return tally
}
