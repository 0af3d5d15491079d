import { UsageError } from '../errors.js'
import type { OptionValues } from './command.js'

/** A string option's value, or undefined. */
export function stringOption(options: OptionValues, name: string): string | undefined {
  const value = options[name]
  if (Array.isArray(value)) return value.at(-1)
  return typeof value === 'string' ? value : undefined
}

/** A whole-number option from 1 to `max`; UsageError naming the option and the bad value. */
export function positiveIntegerOption(options: OptionValues, name: string, max: number): number | undefined {
  const raw = stringOption(options, name)
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got "${raw}"`)
  }
  return Number(raw)
}

/** A non-negative whole-number option (0 allowed) up to `max`. */
export function nonNegativeIntegerOption(options: OptionValues, name: string, max: number): number | undefined {
  const raw = stringOption(options, name)
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw.trim()) || Number(raw) > max) throw new UsageError(`--${name} must be a whole number from 0 to ${max}, got "${raw}"`)
  return Number(raw)
}

/** The items of a list option, given repeated and/or comma-separated, trimmed, without empties. */
export function listOption(options: OptionValues, name: string): string[] {
  const value = options[name]
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
  return raw.flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean)
}
