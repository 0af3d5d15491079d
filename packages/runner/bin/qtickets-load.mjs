#!/usr/bin/env node
// Entry point of the qtickets-load CLI; the code lives in dist/cli.js (built by tsup).
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error('qtickets-load is not built yet: run `pnpm build` first.')
    process.exit(70)
  }
  throw error
})
