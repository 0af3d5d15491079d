import * as v from 'valibot'
import { id } from './primitives'

/** A price colour (`GET color-themes`). */
export const ColorThemeSchema = v.looseObject({ id, color: v.string() })

/** A parsed price colour. */
export type ColorTheme = v.InferOutput<typeof ColorThemeSchema>
