import { describe, expect, it } from 'vitest'
import { redactUrl } from './redact-url.js'

describe('redactUrl', () => {
  it('hides the password of a URL and keeps the rest readable', () => {
    expect(redactUrl('https://loader:s3cr%40t@ch.example.com:8443/db')).toBe(
      'https://loader:[redacted]@ch.example.com:8443/db',
    )
  })

  it('hides secret query parameters but not ordinary ones', () => {
    expect(redactUrl('https://x.test/a?page=2&access_token=abc123&api_key=zz#frag')).toBe(
      'https://x.test/a?page=2&access_token=[redacted]&api_key=[redacted]#frag',
    )
  })

  it('works on every URL inside free text and is idempotent', () => {
    const once = redactUrl('connect http://u:p4ss@h:8123 failed; retry http://u:p4ss@h2:8123')
    expect(once).toBe('connect http://u:[redacted]@h:8123 failed; retry http://u:[redacted]@h2:8123')
    expect(redactUrl(once)).toBe(once)
  })

  it('leaves URLs without credentials alone', () => {
    expect(redactUrl('https://qtickets.ru/api/rest/v1/orders?page=1')).toBe('https://qtickets.ru/api/rest/v1/orders?page=1')
  })
})
