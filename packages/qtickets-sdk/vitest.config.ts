import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'qtickets-sdk',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
  },
})
