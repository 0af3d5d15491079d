import { createRedactor as createLogRedactor } from '../log/redactor.js'

/** Replaces text with `[redacted]`, `[email]` or `[phone]` where it could leak a secret or personal data. */
export type Redactor = (text: string) => string

/**
 * The guard applied to every alert before it is sent and to every notifier error before it is logged: the logger's
 * redactor (configured secrets, secret-looking patterns, e-mails and phones), also fed each secret's URL-encoded form,
 * since a bot token or webhook secret travels inside URLs.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const redactor = createLogRedactor(secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]))
  return (text) => redactor.redactString(text)
}
