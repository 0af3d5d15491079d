import { SinkError } from './errors'

/** Where DDL goes: a validated database name and, for a cluster, a validated cluster name. */
export interface DdlTarget {
  database: string
  cluster?: string
}

const ENGINE = /ENGINE\s*=\s*((?:Replacing|Summing|Aggregating|Collapsing)?MergeTree)\(([^)]*)\)/g

/**
 * Fills a migration template: `{{db}}` → database, `{{on_cluster}}` → `ON CLUSTER \`name\`` (or nothing), and in cluster
 * mode rewrites `ENGINE = XxxMergeTree(args)` to `ENGINE = ReplicatedXxxMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', args)`.
 */
export function renderDdl(template: string, target: DdlTarget): string {
  const onCluster = target.cluster ? `ON CLUSTER \`${target.cluster}\`` : ''
  let sql = template.replaceAll('{{db}}', target.database).replaceAll('{{on_cluster}}', onCluster)
  if (target.cluster) sql = sql.replace(ENGINE, replicatedEngine)
  const leftover = /\{\{[^}]*\}\}/.exec(sql)
  if (leftover) throw new SinkError('migration', `unknown placeholder ${leftover[0]} in migration SQL`)
  return sql
}

function replicatedEngine(_match: string, engine: string, args: string): string {
  const replication = `'/clickhouse/tables/{shard}/{database}/{table}', '{replica}'`
  return `ENGINE = Replicated${engine}(${args.trim() ? `${replication}, ${args.trim()}` : replication})`
}

/** Splits SQL on `;` at the end of a line into statements, without whole-line `--` comments; empty chunks are dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((chunk) =>
      chunk
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((chunk) => chunk !== '')
}
