/** Public API of @zakaz/clickhouse-sink. */
export const SINK_NAME = '@zakaz/clickhouse-sink'
