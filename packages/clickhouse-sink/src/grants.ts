import { assertClusterName, assertDatabaseName, assertIdentifier } from './identifiers'
import { VIEWS } from './tables'

/** Tables and views a read-only analyst role may SELECT: facts, dimensions and views (never staging or meta). */
export const READ_ONLY_OBJECTS = [
  'fact_qtickets_sales_daily',
  'fact_qtickets_sales_utm_daily',
  'dim_events',
  'dim_shows',
  ...VIEWS,
] as const

/** Where the role is created. */
export interface ReadOnlyRoleTarget {
  database: string
  /** Role name, `^[A-Za-z_][A-Za-z0-9_]*$`. */
  role: string
  cluster?: string
}

/** The statements that create a role allowed to SELECT facts, dimensions and views but not staging tables. */
export function readOnlyRoleStatements(target: ReadOnlyRoleTarget): string[] {
  const database = assertDatabaseName(target.database)
  const role = assertIdentifier(target.role, 'role name')
  const cluster = target.cluster === undefined ? '' : ` ON CLUSTER \`${assertClusterName(target.cluster)}\``
  return [
    `CREATE ROLE IF NOT EXISTS \`${role}\`${cluster}`,
    ...READ_ONLY_OBJECTS.map((object) => `GRANT${cluster} SELECT ON ${database}.${object} TO \`${role}\``),
  ]
}
