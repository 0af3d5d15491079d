/** Replacement of a masked e-mail address. */
export const MASKED_EMAIL = '[email]'
/** Replacement of a masked phone number. */
export const MASKED_PHONE = '[phone]'

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
// Runs of digits with phone separators; each run is then checked by isPhone.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_+(])(?:\+|\()?\d[\d ()-]{6,24}\d(?![\p{L}\p{N}_])/gu

/** Replaces e-mail addresses and phone numbers in `text` with `[email]` / `[phone]`. */
export function maskPii(text: string): string {
  return text.replace(EMAIL, MASKED_EMAIL).replace(PHONE_CANDIDATE, maskPhonesIn)
}

/** Whether a digit run reads as a phone: `+` and 10–15 digits, 11 digits from 7/8 (Russia), or 10 with a `(area)`. */
function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length
  if (candidate.startsWith('+')) return digits >= 10 && digits <= 15
  if (digits === 11) return /^[78]/.test(candidate)
  return digits === 10 && /^\d{0,3}\s*\(\d{3}\)/.test(candidate)
}

/** Masks the phones inside a digit run, trying space-separated sub-runs when the whole run is not one phone. */
function maskPhonesIn(run: string): string {
  if (isPhone(run)) return MASKED_PHONE
  const groups = run.split(/( +)/)
  for (let start = 0; start < groups.length; start += 2) {
    for (let end = groups.length; end > start; end -= 2) {
      const part = groups.slice(start, end).join('')
      if (!isPhone(part)) continue
      return groups.slice(0, start).join('') + MASKED_PHONE + maskPhonesIn(groups.slice(end).join(''))
    }
  }
  return run
}
