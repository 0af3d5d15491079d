import { describe, expect, it } from 'vitest'
import { checkGrants, LOADER_TABLES } from './grants-check.js'

describe('checkGrants', () => {
  it('passes when every CHECK GRANT answers 1', async () => {
    const asked: string[] = []
    const verdict = await checkGrants({ database: 'zakaz', user: 'loader', ask: async (privilege, object) => (asked.push(`${privilege} ${object}`), true) })
    expect(verdict).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^user loader can SELECT and INSERT the \d+ loader tables and SELECT the 2 views of zakaz$/) })
    expect(asked).toContain('INSERT stg_qtickets_api_orders_raw')
    expect(asked).toContain('INSERT fact_qtickets_sales_daily')
    expect(asked).toContain('SELECT v_qtickets_sales_dashboard')
    expect(asked).not.toContain('INSERT v_qtickets_sales_dashboard')
    expect(LOADER_TABLES).toContain('meta_sync_state')
  })

  it('names what is missing and the GRANT that fixes it', async () => {
    const verdict = await checkGrants({ database: 'zakaz', user: 'loader', ask: async (privilege, object) => !(privilege === 'INSERT' && object.startsWith('fact_')) })
    expect(verdict).toEqual({
      check: 'clickhouse grants',
      status: 'fail',
      detail: 'user loader lacks INSERT on zakaz.fact_qtickets_sales_daily, INSERT on zakaz.fact_qtickets_sales_utm_daily',
      hint: 'as an admin: GRANT SELECT, INSERT ON zakaz.* TO loader',
      exitCode: 78,
    })
  })

  it('warns, without failing, when the server cannot answer CHECK GRANT', async () => {
    const syntaxError = Object.assign(new Error('Syntax error: failed at position 1 (CHECK)'), { code: '62', type: 'SYNTAX_ERROR' })
    const verdict = await checkGrants({ database: 'zakaz', user: 'loader', ask: async () => Promise.reject(syntaxError) })
    expect(verdict).toMatchObject({ status: 'warn', detail: expect.stringContaining('(ClickHouse 62 SYNTAX_ERROR)'), hint: expect.stringContaining('SHOW GRANTS FOR loader') })
  })
})
