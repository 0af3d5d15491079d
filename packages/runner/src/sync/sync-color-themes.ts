import { colorThemeToRow } from '../transform/color-theme.js'
import type { SyncContext } from './sync-context.js'
import { writeChangedRows } from './write-changed.js'

/** The price colours (one unpaged list): new or changed ones are written, sorted by id and versioned by the read time. */
export async function syncColorThemes(ctx: SyncContext): Promise<void> {
  const themes = await ctx.client.colorThemes.list()
  const rows = themes.map((theme) => colorThemeToRow(theme, { tenant: ctx.tenant, readAt: ctx.now })).sort((a, b) => a.color_theme_id - b.color_theme_id)
  ctx.tally.read('color_themes', rows.length)
  await writeChangedRows(ctx, 'color_themes', 'stg_qtickets_api_color_themes_raw', rows)
}
