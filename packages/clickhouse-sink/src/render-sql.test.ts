import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultMigrationsDir } from './migrations-dir'
import { renderDdl, splitStatements } from './render-sql'

const dir = defaultMigrationsDir()
const templates = readdirSync(dir).filter((n) => n.endsWith('.sql')).sort().map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }))
const statementsOf = (cluster?: string) => templates.flatMap((t) => splitStatements(renderDdl(t.sql, { database: 'zakaz', cluster })))

describe('migration DDL', () => {
  it('splits the shipped files into one statement per CREATE, keeping quoted semicolons', () => {
    const statements = statementsOf()
    expect(statements).toHaveLength(17)
    expect(statements.every((s) => /^CREATE (TABLE IF NOT EXISTS|OR REPLACE VIEW) zakaz\.\w+/.test(s))).toBe(true)
    expect(statements.some((s) => s.includes('--'))).toBe(false)
    expect(statements.find((s) => s.includes('stg_qtickets_api_baskets_raw'))).toContain("extract(seat_id, '^(.*)-[^-;]*;[^;]*$')")
  })

  it('renders plain MergeTree engines without ON CLUSTER when no cluster is set', () => {
    const sql = statementsOf().join('\n')
    expect(sql).not.toMatch(/ON CLUSTER|Replicated|\{\{/)
    expect(sql.match(/ENGINE = ReplacingMergeTree\(/g)).toHaveLength(15)
  })

  it('renders ON CLUSTER and Replicated engines with replica paths in cluster mode', () => {
    const statements = statementsOf('prod-cluster')
    for (const statement of statements) {
      expect(statement).toMatch(/^CREATE (?:TABLE IF NOT EXISTS|OR REPLACE VIEW) zakaz\.\w+ ON CLUSTER `prod-cluster`\n/)
      expect(statement).not.toMatch(/ENGINE = ReplacingMergeTree/)
    }
    const engines = statements.join('\n').match(/ENGINE = \w+\([^)]*\)/g)
    expect(new Set(engines)).toEqual(
      new Set([
        "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', _ver)",
        "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', _ver, is_deleted)",
      ]),
    )
    expect(engines).toHaveLength(15)
  })

  it('renders the database and schema_migrations DDL for a cluster', () => {
    expect(renderDdl('CREATE DATABASE IF NOT EXISTS {{db}} {{on_cluster}}', { database: 'zakaz', cluster: 'main' })).toBe(
      'CREATE DATABASE IF NOT EXISTS zakaz ON CLUSTER `main`',
    )
    expect(renderDdl('CREATE TABLE {{db}}.m {{on_cluster}} (v UInt32) ENGINE = MergeTree() ORDER BY v', { database: 'z', cluster: 'main' })).toBe(
      "CREATE TABLE z.m ON CLUSTER `main` (v UInt32) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}') ORDER BY v",
    )
  })

  it('refuses an unknown placeholder', () => {
    expect(() => renderDdl('CREATE TABLE {{database}}.t', { database: 'zakaz' })).toThrow(/unknown placeholder \{\{database\}\}/)
  })
})
