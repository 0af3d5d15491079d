import { INTERNAL_TABLES, VIEWS, WRITABLE_TABLES } from '@zakaz/clickhouse-sink'
import { ExitCode } from '../exit-codes.js'
import { describeClickHouseFailure } from './clickhouse-failure.js'
import type { Verdict } from './verdict.js'

/** Answers `CHECK GRANT <privilege> ON <database>.<object>` for the current user. */
export type GrantQuestion = (privilege: 'SELECT' | 'INSERT', object: string) => Promise<boolean>

/** Tables the loader writes and reads (staging, dimensions, facts, run records, cursors, migrations), then the views it reads. */
export const LOADER_TABLES: readonly string[] = [...WRITABLE_TABLES, ...INTERNAL_TABLES, 'schema_migrations']

const CHECK = 'clickhouse grants'

/**
 * Whether `user` may SELECT and INSERT every loader table and SELECT every view of `database`, asked one privilege at a
 * time (so the verdict names what is missing). A server without `CHECK GRANT` gets a warning, not a failure.
 */
export async function checkGrants(input: { database: string; user: string; ask: GrantQuestion }): Promise<Verdict> {
  const wanted = [
    ...LOADER_TABLES.flatMap((table) => [['SELECT', table], ['INSERT', table]] as const),
    ...VIEWS.map((view) => ['SELECT', view] as const),
  ]
  const missing: string[] = []
  try {
    for (const [privilege, object] of wanted) {
      if (!(await input.ask(privilege, object))) missing.push(`${privilege} on ${input.database}.${object}`)
    }
  } catch (error) {
    const failure = describeClickHouseFailure(error)
    const code = failure.code ? ` (ClickHouse ${failure.code}${failure.type ? ` ${failure.type}` : ''})` : ''
    return {
      check: CHECK,
      status: 'warn',
      detail: `could not check grants with CHECK GRANT${code}: ${failure.message}`,
      hint: `check by hand with SHOW GRANTS FOR ${input.user}: the loader needs SELECT and INSERT on ${input.database}.*`,
    }
  }
  if (missing.length > 0) {
    const shown = missing.slice(0, 4).join(', ') + (missing.length > 4 ? ` and ${missing.length - 4} more` : '')
    return {
      check: CHECK,
      status: 'fail',
      detail: `user ${input.user} lacks ${shown}`,
      hint: `as an admin: GRANT SELECT, INSERT ON ${input.database}.* TO ${input.user}`,
      exitCode: ExitCode.CONFIG,
    }
  }
  return {
    check: CHECK,
    status: 'ok',
    detail: `user ${input.user} can SELECT and INSERT the ${LOADER_TABLES.length} loader tables and SELECT the ${VIEWS.length} views of ${input.database}`,
  }
}
