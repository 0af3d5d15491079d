import type { ColorThemeRow } from '@zakaz/clickhouse-sink'
import type { ColorTheme, Temporal } from '@zakaz/qtickets-sdk'

/** A price colour → a `stg_qtickets_api_color_themes_raw` row; it has no timestamps, so `_ver` is the time it was read (written only when new or changed). */
export function colorThemeToRow(theme: ColorTheme, context: { tenant: string; readAt: Temporal.Instant }): ColorThemeRow {
  return { tenant: context.tenant, color_theme_id: theme.id, color: theme.color, _ver: context.readAt.epochMilliseconds }
}
