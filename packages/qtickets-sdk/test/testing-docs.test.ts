/**
 * `@zakaz/qtickets-sdk/testing` is documented in TESTING.md, which must ship with the package and be linked from the
 * README; the README's example of the simulator works as written.
 */
import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { createQticketsClient } from '../src/index'
import { createSimulator, createSimulatorServer } from '../src/testing/index'

const packageDir = new URL('../', import.meta.url)
const read = (file: string) => readFileSync(new URL(file, packageDir), 'utf8')

test('TESTING.md exists, is in the published files and is linked from the README', () => {
  expect(existsSync(new URL('TESTING.md', packageDir))).toBe(true)
  expect((JSON.parse(read('package.json')) as { files: string[] }).files).toContain('TESTING.md')
  expect(read('README.md')).toContain('](./TESTING.md)')
  expect(read('TESTING.md')).toMatch(/^# `@zakaz\/qtickets-sdk\/testing`/)
})

test("the README's simulator example runs as written", async () => {
  const sim = createSimulator({ seed: 42, tenants: [{ name: 'org', token: 'sim-token-1', ordersPerDay: 50 }] })
  const server = createSimulatorServer(sim)
  const { restUrl } = await server.listen()
  try {
    const client = createQticketsClient({ token: 'sim-token-1', baseUrl: restUrl })
    const firstPage = await client.orders.list({ orderBy: { id: 'asc' }, perPage: 100 })
    expect(firstPage.items).toHaveLength(100)
    const before = sim.stats().orders
    sim.clock.advance({ hours: 6 })
    expect(sim.stats().orders).toBeGreaterThan(before)
    expect(sim.expectedDailySales().length).toBeGreaterThan(0)
  } finally {
    await server.close()
  }
})
