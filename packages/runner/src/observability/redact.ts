const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const PHONE_CANDIDATE = /(?<![\w+])\+?\d[\d\s().-]{7,}\d(?!\w)/g

/** Replaces text with `[redacted]`, `[email]` or `[phone]` where it could leak a secret or personal data. */
export type Redactor = (text: string) => string

/**
 * Creates the guard applied to every alert before it is sent and to every notifier error before it is logged:
 * each configured secret (and its URL-encoded form) becomes `[redacted]`, e-mail addresses `[email]`, and runs
 * of 10 to 15 digits written like a phone number (`+7 (912) 345-67-89`, `89123456789`) `[phone]`.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const needles = [...new Set(secrets.filter((s) => s.length >= 4).flatMap((s) => [s, encodeURIComponent(s)]))].sort(
    (a, b) => b.length - a.length,
  )
  return (text) => {
    let out = text
    for (const needle of needles) out = out.split(needle).join('[redacted]')
    return out.replace(EMAIL, '[email]').replace(PHONE_CANDIDATE, (match) => (isPhoneLike(match) ? '[phone]' : match))
  }
}

function isPhoneLike(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length
  return digits >= 10 && digits <= 15
}
