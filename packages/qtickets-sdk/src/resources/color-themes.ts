import { ColorThemeSchema, type ColorTheme } from '../schemas/color-theme'
import { parseListPage } from '../schemas/envelopes'
import type { ResourceContext } from './context'

/** The price colour catalogue. */
export interface ColorThemesResource {
  /** All colours (`GET color-themes`; no paging, not sorted). */
  list(): Promise<ColorTheme[]>
}

/** Builds the `colorThemes` resource. */
export function createColorThemesResource(context: ResourceContext): ColorThemesResource {
  const path = '/color-themes'
  return {
    async list() {
      const json = await context.transport.get(path)
      return parseListPage(ColorThemeSchema, json, { resource: 'colorThemes', request: { method: 'GET', path } }).items
    },
  }
}
