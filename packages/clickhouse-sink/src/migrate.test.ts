import { cpSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freshDatabase, openSink, removeDir, rowsOf, tmpDir } from '../test/engine'
import { defaultMigrationsDir } from './migrations-dir'
import { SinkError } from './errors'

const dataDir = tmpDir()
const shipped = readdirSync(defaultMigrationsDir()).filter((name) => name.endsWith('.sql')).sort()

afterAll(() => removeDir(dataDir))

describe('migrations on the embedded engine', () => {
  it('applies every shipped file from empty, in order, and a re-run is a no-op', async () => {
    const sink = await openSink(dataDir, { migrate: false })
    try {
      expect(await sink.schemaVersion()).toEqual({ applied: [], pending: shipped, changed: [] })
      const first = await sink.migrate()
      expect(first.map((m) => m.name)).toEqual(shipped)
      expect(first.every((m) => /^[0-9a-f]{64}$/.test(m.checksum))).toBe(true)
      expect(await sink.migrate()).toEqual([])
      expect(await sink.schemaVersion()).toEqual({ applied: shipped, pending: [], changed: [] })
      const recorded = await rowsOf<{ n: number }>(sink, `SELECT count() AS n FROM ${sink.database}.schema_migrations`)
      expect(Number(recorded[0]?.n)).toBe(shipped.length)
    } finally {
      await sink.close()
    }
  })

  it('creates every table and view the design names, keyed by tenant first', async () => {
    const sink = await openSink(dataDir)
    try {
      const tables = await rowsOf<{ name: string; engine: string; sorting_key: string }>(
        sink,
        'SELECT name, engine, sorting_key FROM system.tables WHERE database = {db:String} ORDER BY name',
        { db: sink.database },
      )
      const names = tables.map((t) => t.name)
      expect(names).toEqual([
        'dim_events',
        'dim_shows',
        'fact_qtickets_sales_daily',
        'fact_qtickets_sales_utm_daily',
        'meta_job_runs',
        'meta_sync_state',
        'schema_migrations',
        'stg_qtickets_api_barcodes_raw',
        'stg_qtickets_api_baskets_raw',
        'stg_qtickets_api_clients_raw',
        'stg_qtickets_api_color_themes_raw',
        'stg_qtickets_api_discounts_raw',
        'stg_qtickets_api_inventory_raw',
        'stg_qtickets_api_orders_raw',
        'stg_qtickets_api_partner_tickets_raw',
        'stg_qtickets_api_promo_codes_raw',
        'v_qtickets_inventory_latest',
        'v_qtickets_sales_dashboard',
      ])
      for (const table of tables.filter((t) => t.engine.endsWith('MergeTree') && t.name !== 'schema_migrations')) {
        expect(table.engine, table.name).toBe('ReplacingMergeTree')
        expect(table.sorting_key.startsWith('tenant'), table.name).toBe(true)
      }
    } finally {
      await sink.close()
    }
  })

  it('sets non_replicated_deduplication_window on every data table', async () => {
    const sink = await openSink(dataDir)
    try {
      const rows = await rowsOf<{ name: string; create_table_query: string }>(
        sink,
        "SELECT name, create_table_query FROM system.tables WHERE database = {db:String} AND engine LIKE '%MergeTree' AND name != 'schema_migrations'",
        { db: sink.database },
      )
      expect(rows.length).toBe(15)
      for (const row of rows) expect(row.create_table_query, row.name).toContain('non_replicated_deduplication_window = 10000')
    } finally {
      await sink.close()
    }
  })

  it('refuses to run when an applied migration changed, naming the file', async () => {
    const dir = tmpDir('zakaz-migrations-')
    cpSync(defaultMigrationsDir(), dir, { recursive: true })
    const database = freshDatabase()
    const sink = await openSink(dataDir, { database, migrationsDir: dir })
    try {
      appendFileSync(join(dir, '0003_facts.sql'), '\n-- an innocent-looking edit\n')
      const error = await sink.migrate().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(SinkError)
      expect((error as SinkError).kind).toBe('migration')
      expect((error as SinkError).file).toBe('0003_facts.sql')
      expect((error as SinkError).message).toMatch(/migration 0003_facts\.sql was changed after it was applied/)
      expect((await sink.schemaVersion()).changed).toEqual(['0003_facts.sql'])
    } finally {
      await sink.close()
      removeDir(dir)
    }
  })

  it('applies a new numbered file on top of an applied schema and reports it pending before', async () => {
    const dir = tmpDir('zakaz-migrations-')
    cpSync(defaultMigrationsDir(), dir, { recursive: true })
    const sink = await openSink(dataDir, { migrationsDir: dir })
    try {
      writeFileSync(join(dir, '0099_extra.sql'), 'CREATE TABLE IF NOT EXISTS {{db}}.extra {{on_cluster}} (tenant String) ENGINE = MergeTree ORDER BY tenant;\n')
      expect((await sink.schemaVersion()).pending).toEqual(['0099_extra.sql'])
      expect((await sink.migrate()).map((m) => m.name)).toEqual(['0099_extra.sql'])
      const found = await rowsOf(sink, "SELECT name FROM system.tables WHERE database = {db:String} AND name = 'extra'", { db: sink.database })
      expect(found).toHaveLength(1)
    } finally {
      await sink.close()
      removeDir(dir)
    }
  })

  it('makes the database the default of sink.client, so unqualified reads work', async () => {
    const sink = await openSink(dataDir)
    try {
      const rows = await rowsOf<{ n: number }>(sink, 'SELECT count() AS n FROM fact_qtickets_sales_daily')
      expect(Number(rows[0]?.n)).toBe(0)
    } finally {
      await sink.close()
    }
  })
})
