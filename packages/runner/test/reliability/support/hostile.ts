/**
 * Hostile input: strings that break naive SQL, logs and terminals; deep and huge JSON; absurd instants. Every value is
 * a pure function of a record id, so a re-read record is byte-identical (the loader must see it as unchanged).
 */

/** Strings with SQL metacharacters, parameter and template syntax, control characters, NUL and bidi marks. */
export const HOSTILE_STRINGS: readonly string[] = [
  "O'Reilly",
  "it''s '' quoted",
  'back\\slash \\\' \\N \\0',
  "x'); DROP TABLE dim_events; --",
  "1' OR '1'='1",
  ';-- comment /* open',
  '{x:String} {tenant:String} {{db}} {{on_cluster}}',
  '$1 ? :name @p0 %s',
  'nul\u0000in\u0000the\u0000middle',
  'controls \u0001\u0002\u0007\u0008\u000b\u000c\u001b[31mred\u001b[0m \u007f',
  'lines\r\nand\ttabs\n',
  'bidi \u202eevil\u202c zero\u200bwidth \ufeffbom',
  'юникод 🎫 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '`backticks` "double" \u2018curly\u2019',
  ' ',
  '',
]

/** A hostile string chosen by `n` (any integer), optionally prefixed (so it stays recognisable). */
export function hostileString(n: number, prefix = ''): string {
  return `${prefix}${HOSTILE_STRINGS[Math.abs(n) % HOSTILE_STRINGS.length]}`
}

/** An object nested `depth` levels deep (`{a:{a:{…{leaf:…}}}}`), built without recursion. */
export function deeplyNested(depth: number, leaf: unknown = 'bottom'): unknown {
  let node: unknown = { leaf }
  for (let level = 0; level < depth; level++) node = { a: node, i: level }
  return node
}

/** The city name a hostile event gets (the facts carry it, so the expected facts must too). */
export function hostileCity(name: string, eventId: number): string {
  return `${name} ${hostileString(eventId)}`
}

/** Absurd but representable instants (the edges of DateTime64's 1900–2299 range), with extreme offsets (`+14:00`, `-12:00`), and the UTC instant each one is. */
export const ABSURD_INSTANTS: ReadonlyArray<{ wire: string; utc: string }> = [
  { wire: '1900-01-01T14:00:00+14:00', utc: '1900-01-01T00:00:00.000Z' },
  { wire: '1900-01-01T03:00:00+03:00', utc: '1900-01-01T00:00:00.000Z' },
  { wire: '2299-12-31T11:59:59-12:00', utc: '2299-12-31T23:59:59.000Z' },
  { wire: '2299-12-31T23:59:59+14:00', utc: '2299-12-31T09:59:59.000Z' },
  { wire: '1970-01-01T00:00:00-12:00', utc: '1970-01-01T12:00:00.000Z' },
]

type Json = Record<string, unknown>

/** What `corruptOrder` changes: every stored text field, free-form fields, a creation instant and (on unpaid orders) prices. */
export interface OrderCorruption {
  /** Text fields get hostile strings (uniqid, payment_type_id, utm_*, seat ids, multiprice codes, basket comments). */
  text: boolean
  /** Depth of a nested object put in the free-form `fields` map and in an unknown field (0: none). */
  nestingDepth: number
  /** Characters of filler added to every basket's comment (0: none) — makes pages huge. */
  basketPadding: number
  /** `created_at` of every 5th order becomes an absurd instant. */
  absurdDates: boolean
  /** Unpaid orders get negative basket prices (they are not sales, so the facts do not change). */
  negativePrices: boolean
}

/** Rewrites one order as it travels on the wire (a parsed JSON object), deterministically from its id. */
export function corruptOrder(order: Json, corruption: OrderCorruption): void {
  const id = Number(order.id)
  const baskets = (order.baskets as Json[] | undefined) ?? []
  if (corruption.text) {
    order.uniqid = hostileString(id, 'u')
    order.payment_type_id = hostileString(id + 1, 'p')
    order.utm = {
      utm_source: hostileString(id),
      utm_medium: hostileString(id + 2),
      utm_campaign: hostileString(id + 3),
      utm_content: hostileString(id + 4),
      utm_term: hostileString(id + 5),
    }
    baskets.forEach((basket, n) => {
      basket.seat_id = `${String(basket.seat_id)}${hostileString(id + n)}`
      basket.multiprice_code = hostileString(id + n + 7)
    })
  }
  if (corruption.nestingDepth > 0) {
    order.fields = { nested: deeplyNested(corruption.nestingDepth), [hostileString(id)]: hostileString(id + 1) }
    order.qa_unknown_payload = deeplyNested(corruption.nestingDepth, 'x'.repeat(10_000))
  }
  if (corruption.basketPadding > 0) {
    for (const basket of baskets) basket.comment = `${hostileString(id)} ${'░'.repeat(corruption.basketPadding)}`
  }
  if (corruption.absurdDates && id % 5 === 0) order.created_at = ABSURD_INSTANTS[(id / 5) % ABSURD_INSTANTS.length]!.wire
  if (corruption.negativePrices && !isTruthy(order.payed)) {
    baskets.forEach((basket, n) => {
      basket.price = -(1000 + n + 0.5)
      basket.original_price = -1
    })
  }
}

/** Rewrites one event: names, place, age, city name and show names get hostile strings. */
export function corruptEvent(event: Json): void {
  const id = Number(event.id)
  event.name = hostileString(id, 'event ')
  event.place_name = hostileString(id + 1)
  event.place_address = hostileString(id + 2)
  const city = event.city as Json
  city.name = hostileCity(String(city.name), id)
  for (const [n, show] of ((event.shows as Json[] | undefined) ?? []).entries()) show.name = hostileString(id + n + 3, 'show ')
}

/** The catalog routes whose stored text fields `corruptCatalogRecord` rewrites, and the fields. */
export const CATALOG_TEXT_FIELDS = {
  discounts: ['name'],
  'promo-codes': ['code'],
  'color-themes': ['color'],
  barcodes: ['seat_name', 'zone_name', 'row', 'place'],
} as const

/** The catalog resource of a route (`shows/123/barcodes` → `barcodes`), or null. */
export function catalogOf(route: string): keyof typeof CATALOG_TEXT_FIELDS | null {
  if (/^shows\/\d+\/barcodes$/.test(route)) return 'barcodes'
  return route in CATALOG_TEXT_FIELDS ? (route as keyof typeof CATALOG_TEXT_FIELDS) : null
}

/** Rewrites the stored text fields of a discount, promo code, colour theme or barcode entry (keyed by its id, or its barcode). */
export function corruptCatalogRecord(catalog: keyof typeof CATALOG_TEXT_FIELDS, record: Json): void {
  const key = Number(record.id ?? String(record.barcode).slice(-6))
  CATALOG_TEXT_FIELDS[catalog].forEach((field, n) => {
    record[field] = hostileString(key + n, `${field} `)
  })
}

function isTruthy(flag: unknown): boolean {
  return flag === true || flag === 1 || flag === '1'
}
