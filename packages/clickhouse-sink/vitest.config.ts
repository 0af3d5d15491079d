import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'clickhouse-sink',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // chDB binds one data directory per process: every test file gets its own process.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
