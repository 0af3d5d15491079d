/**
 * Buyers. Client j exists from the moment order j is created, when that order brings a new
 * client; returning buyers reuse an earlier client. Every value is obviously fake:
 * `example.org`/`example.com` e-mails and `+7000…` phone numbers.
 */
import { FEMININE, FIRST_NAMES, MIDDLE_NAMES, SURNAMES } from './catalog'
import { bringsNewClient } from './order-core'
import { rand, randInt } from './prng'
import type { Tenant } from './tenant-types'

/** A client as QTickets returns it (`GET clients`, `order.client`). */
export interface ClientWire {
  id: number
  email: string
  details: {
    id: number
    name: string
    middlename: string | null
    surname: string | null
    phone: string | null
    vk_id: string
    facebook_id: string
  }
}

/** The ticket-holder fields a basket copies from its buyer. */
export interface Holder {
  email: string
  phone: string | null
  name: string
  surname: string | null
  middlename: string | null
}

const S = { first: 201, last: 202, middle: 203, noSurname: 204, noPhone: 205, vk: 206, domain: 207 }

/** The holder data of client j. */
export function holderOf(tenant: Tenant, j: number): Holder {
  const seed = tenant.seed
  const firstIndex = Math.floor(rand(seed, j, S.first) * FIRST_NAMES.length)
  const [name, nameLatin] = FIRST_NAMES[firstIndex] ?? ['Анна', 'anna']
  const feminine = FEMININE.has(firstIndex)
  const [male, female, surnameLatin] = SURNAMES[Math.floor(rand(seed, j, S.last) * SURNAMES.length)] ?? ['Тестов', 'Тестова', 'testov']
  const middle = MIDDLE_NAMES[Math.floor(rand(seed, j, S.middle, 2) * MIDDLE_NAMES.length)] ?? ['Петрович', 'Петровна']
  const domain = rand(seed, j, S.domain) < 0.7 ? 'example.org' : 'example.com'
  return {
    email: `${nameLatin}.${surnameLatin}${j}@${domain}`,
    phone: rand(seed, j, S.noPhone) < 0.05 ? null : `+7000${String(j % 10_000_000).padStart(7, '0')}`,
    name,
    surname: rand(seed, j, S.noSurname) < 0.08 ? null : feminine ? female : male,
    middlename: rand(seed, j, S.middle) < 0.15 ? (feminine ? middle[1] : middle[0]) : null,
  }
}

/** The wire object of client j. */
export function clientWire(tenant: Tenant, j: number): ClientWire {
  const holder = holderOf(tenant, j)
  const vk = rand(tenant.seed, j, S.vk) < 0.15 ? String(randInt(100_000_000, 999_999_999, tenant.seed, j, S.vk, 2)) : ''
  return {
    id: tenant.ids.client + j,
    email: holder.email,
    details: {
      id: tenant.ids.clientDetails + j,
      name: holder.name,
      middlename: holder.middlename,
      surname: holder.surname,
      phone: holder.phone,
      vk_id: vk,
      facebook_id: '',
    },
  }
}

/** Whether client j exists once `visibleOrders` orders have been created. */
export function clientExists(tenant: Tenant, j: number, visibleOrders: number): boolean {
  return Number.isInteger(j) && j >= 0 && j < visibleOrders && bringsNewClient(tenant.seed, j)
}

/**
 * Counts of new clients per chunk of 1024 order indexes, built lazily, so that the k-th client
 * can be found without scanning every order.
 */
export class ClientIndex {
  private readonly chunkCounts: number[] = []
  private static readonly CHUNK = 1024

  constructor(private readonly tenant: Tenant) {}

  private chunkCount(c: number): number {
    while (this.chunkCounts.length <= c) {
      const k = this.chunkCounts.length
      let count = 0
      const end = Math.min((k + 1) * ClientIndex.CHUNK, this.tenant.timeline.totalOrders)
      for (let j = k * ClientIndex.CHUNK; j < end; j++) if (bringsNewClient(this.tenant.seed, j)) count++
      this.chunkCounts.push(count)
    }
    return this.chunkCounts[c] ?? 0
  }

  /** Number of clients that exist when `visibleOrders` orders exist. */
  count(visibleOrders: number): number {
    const full = Math.floor(visibleOrders / ClientIndex.CHUNK)
    let total = 0
    for (let c = 0; c < full; c++) total += this.chunkCount(c)
    for (let j = full * ClientIndex.CHUNK; j < visibleOrders; j++) if (bringsNewClient(this.tenant.seed, j)) total++
    return total
  }

  /** Client indexes number `from` … `from + size - 1` (in id order) among those that exist. */
  slice(from: number, size: number, visibleOrders: number): number[] {
    const out: number[] = []
    let seen = 0
    let c = 0
    while (c * ClientIndex.CHUNK < visibleOrders && seen + this.chunkCount(c) <= from && (c + 1) * ClientIndex.CHUNK <= visibleOrders) {
      seen += this.chunkCount(c)
      c++
    }
    for (let j = c * ClientIndex.CHUNK; j < visibleOrders && out.length < size; j++) {
      if (!bringsNewClient(this.tenant.seed, j)) continue
      if (seen >= from) out.push(j)
      seen++
    }
    return out
  }
}
