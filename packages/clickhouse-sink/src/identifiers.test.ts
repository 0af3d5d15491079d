import { describe, expect, it } from 'vitest'
import { assertClusterName, assertDatabaseName, assertDay, assertTenant, assertTimeZone } from './identifiers'

describe('identifier and value checks', () => {
  it('accepts database names matching ^[A-Za-z_][A-Za-z0-9_]*$ only', () => {
    expect(assertDatabaseName('zakaz')).toBe('zakaz')
    expect(assertDatabaseName('_t_01')).toBe('_t_01')
    for (const bad of ['', '1db', 'za-kaz', 'db.name', 'db`', "x'); DROP TABLE y; --", 'a'.repeat(129), 42, undefined]) {
      expect(() => assertDatabaseName(bad), String(bad)).toThrow(/database name/)
    }
  })

  it('accepts cluster names with dots and dashes but nothing that could close a quote', () => {
    expect(assertClusterName('prod-cluster.1')).toBe('prod-cluster.1')
    expect(() => assertClusterName('c` ON CLUSTER x')).toThrow(/cluster name/)
    expect(() => assertClusterName('')).toThrow(/cluster name/)
  })

  it('accepts IANA zone names the runtime knows', () => {
    for (const zone of ['Europe/Moscow', 'Asia/Krasnoyarsk', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+3']) {
      expect(assertTimeZone(zone)).toBe(zone)
    }
    for (const bad of ['Mars/Olympus', '+03:00', 'MSK', 'Europe/Moscow; DROP', "UTC'); --", '', null]) {
      expect(() => assertTimeZone(bad), String(bad)).toThrow(/IANA/)
    }
  })

  it('accepts real calendar days written YYYY-MM-DD', () => {
    expect(assertDay('2024-02-29')).toBe('2024-02-29')
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '20251110', '2025-11-10T00:00:00Z', 7]) {
      expect(() => assertDay(bad), String(bad)).toThrow(/calendar date/)
    }
  })

  it('accepts any non-empty tenant up to 200 characters (it is a bound value, not an identifier)', () => {
    expect(assertTenant("org'; --")).toBe("org'; --")
    expect(() => assertTenant('')).toThrow(/tenant/)
    expect(() => assertTenant('x'.repeat(201))).toThrow(/tenant/)
  })
})
