import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineProject({
  resolve: {
    // Tests run against the sibling packages' sources, so no build is needed first.
    alias: [
      { find: /^@zakaz\/qtickets-sdk\/testing\/msw$/, replacement: src('../qtickets-sdk/src/testing/msw-entry.ts') },
      { find: /^@zakaz\/qtickets-sdk\/testing$/, replacement: src('../qtickets-sdk/src/testing/index.ts') },
      { find: /^@zakaz\/qtickets-sdk$/, replacement: src('../qtickets-sdk/src/index.ts') },
      { find: /^@zakaz\/clickhouse-sink$/, replacement: src('../clickhouse-sink/src/index.ts') },
    ],
  },
  test: {
    name: 'runner',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
