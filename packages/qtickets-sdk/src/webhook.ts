import { createHmac, timingSafeEqual } from 'node:crypto'
import { InvalidResponseError } from './errors'
import { parseBareObject } from './schemas/envelopes'
import { OrderSchema, type Order } from './schemas/order'

/** Raw webhook body as received: bytes (preferred) or the exact text. */
export type RawBody = Uint8Array | string

function toBytes(rawBody: RawBody): Buffer {
  return typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody.buffer, rawBody.byteOffset, rawBody.byteLength)
}

/**
 * Checks `X-Signature` (lowercase hex HMAC-SHA1 of the exact raw body, keyed with the secret) in constant time.
 * Pass the bytes as received: re-serialised JSON does not match.
 */
export function verifyWebhook(rawBody: RawBody, signature: string | null | undefined, secret: string): boolean {
  if (!signature || !secret) return false
  const expected = Buffer.from(createHmac('sha1', secret).update(toBytes(rawBody)).digest('hex'), 'utf8')
  const given = Buffer.from(signature.trim().toLowerCase(), 'utf8')
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Parses a webhook body: an Order at top level (extras such as `refunded_baskets` are kept). Throws `InvalidResponseError`. */
export function parseWebhookOrder(rawBody: RawBody): Order {
  const request = { method: 'POST', path: '(webhook)' }
  let json: unknown
  try {
    json = JSON.parse(toBytes(rawBody).toString('utf8'))
  } catch {
    throw new InvalidResponseError('Webhook body is not valid JSON', request, { resource: 'webhook', expected: 'JSON' })
  }
  return parseBareObject(OrderSchema, json, { resource: 'webhook', request })
}
