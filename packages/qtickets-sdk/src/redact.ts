const EMAIL = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[^\s@"'<>()]+/g
const PHONE = /\+?\d[\d\s()-]{8,}\d/g
const MAX_LENGTH = 200

/** Makes a server-provided message safe for logs: e-mails, phones and the given secrets are masked, length is capped. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[secret]')
  }
  out = out.replace(EMAIL, '[email]').replace(PHONE, '[phone]')
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH)}…` : out
}
