import type { Sink } from '@zakaz/clickhouse-sink'

/** ClickHouse settings as `sink.client` takes them. */
export type ClickHouseSettings = NonNullable<Parameters<Sink['client']['query']>[0]['clickhouse_settings']>

/**
 * Settings for a read query through `sink.client`: `extra` first, `readonly: 1` last.
 * chDB applies settings as `SET` on the client's session and they stick, so `readonly` must come after anything else
 * (once it is set, no other setting can change) and every later read on that client must pass the same settings.
 */
export function readOnlySettings(extra: ClickHouseSettings = {}): ClickHouseSettings {
  const { readonly: _readonly, ...rest } = extra
  return { ...rest, readonly: '1' }
}
