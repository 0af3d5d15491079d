import { describe, expect, test } from 'vitest'
import { fixtureBytes } from '../test/msw'
import { parseWebhookOrder, verifyWebhook } from './webhook'

const SECRET = 'qt-webhook-secret-EXAMPLE-7f3a'
const SIGNATURE = '0d009ad50be2d4a97a8afbd85c13f2c3d50a7093'
const body = fixtureBytes('webhook.order.payed.json')

describe('verifyWebhook', () => {
  test('accepts the fixture signature over the exact bytes', () => {
    expect(body.byteLength).toBe(2983)
    expect(verifyWebhook(body, SIGNATURE, SECRET)).toBe(true)
    expect(verifyWebhook(new Uint8Array(body), SIGNATURE, SECRET)).toBe(true)
    expect(verifyWebhook(body.toString('utf8'), SIGNATURE, SECRET)).toBe(true)
  })

  test('tolerates case and surrounding spaces in the header', () => {
    expect(verifyWebhook(body, ` ${SIGNATURE.toUpperCase()} `, SECRET)).toBe(true)
  })

  test('rejects a wrong secret, a changed byte, re-serialised JSON and a missing signature', () => {
    expect(verifyWebhook(body, SIGNATURE, 'other-secret')).toBe(false)
    const changed = Buffer.from(body)
    changed[changed.length - 2] = 0x20
    expect(verifyWebhook(changed, SIGNATURE, SECRET)).toBe(false)
    expect(verifyWebhook(JSON.stringify(JSON.parse(body.toString('utf8'))), SIGNATURE, SECRET)).toBe(false)
    expect(verifyWebhook(body, undefined, SECRET)).toBe(false)
    expect(verifyWebhook(body, SIGNATURE.slice(0, 39), SECRET)).toBe(false)
    expect(verifyWebhook(body, SIGNATURE, '')).toBe(false)
  })
})

describe('parseWebhookOrder', () => {
  test('parses the top-level Order and keeps webhook extras', () => {
    const order = parseWebhookOrder(body)
    expect(order.id).toBe(2750157)
    expect(order.payed).toBe(true)
    expect(order.client.details.telegram_user?.username).toBe('gleb_stub_example')
    expect(order.primary_orders).toEqual([])
    expect(order.secondary_orders).toEqual([])
  })

  test('rejects a body that is not JSON', () => {
    expect(() => parseWebhookOrder('{"id":')).toThrow(/not valid JSON/)
  })
})
