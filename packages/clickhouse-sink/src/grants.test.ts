import { afterAll, describe, expect, it } from 'vitest'
import { readOnlyRoleStatements } from './grants'
import { openSink, removeDir, tmpDir } from '../test/engine'

describe('readOnlyRoleStatements', () => {
  it('grants SELECT on facts, dimensions and views, never on staging, meta or migrations', () => {
    expect(readOnlyRoleStatements({ database: 'zakaz', role: 'analyst' })).toEqual([
      'CREATE ROLE IF NOT EXISTS `analyst`',
      'GRANT SELECT ON zakaz.fact_qtickets_sales_daily TO `analyst`',
      'GRANT SELECT ON zakaz.fact_qtickets_sales_utm_daily TO `analyst`',
      'GRANT SELECT ON zakaz.dim_events TO `analyst`',
      'GRANT SELECT ON zakaz.dim_shows TO `analyst`',
      'GRANT SELECT ON zakaz.v_qtickets_sales_dashboard TO `analyst`',
      'GRANT SELECT ON zakaz.v_qtickets_inventory_latest TO `analyst`',
    ])
  })

  it('runs ON CLUSTER in cluster mode', () => {
    const statements = readOnlyRoleStatements({ database: 'zakaz', role: 'analyst', cluster: 'main' })
    expect(statements[0]).toBe('CREATE ROLE IF NOT EXISTS `analyst` ON CLUSTER `main`')
    expect(statements.slice(1).every((s) => s.startsWith('GRANT ON CLUSTER `main` SELECT ON zakaz.'))).toBe(true)
  })

  it('validates role and database names', () => {
    expect(() => readOnlyRoleStatements({ database: 'zakaz', role: 'analyst`; GRANT ALL ON *.* TO x; --' })).toThrow(/role name/)
    expect(() => readOnlyRoleStatements({ database: 'za kaz', role: 'analyst' })).toThrow(/database name/)
  })
})

describe('createReadOnlyRole on the embedded engine', () => {
  const dataDir = tmpDir()
  afterAll(() => removeDir(dataDir))

  it('fails clearly: chDB has no access-control storage for roles', async () => {
    const sink = await openSink(dataDir)
    try {
      await expect(sink.createReadOnlyRole('analyst')).rejects.toMatchObject({ kind: 'query', code: '497', type: 'ACCESS_DENIED' })
    } finally {
      await sink.close()
    }
  })
})
