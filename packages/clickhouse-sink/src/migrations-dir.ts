import { fileURLToPath } from 'node:url'

/** The `migrations/` folder shipped with the package, found next to `src/` in development and next to `dist/` when built (ESM and CJS). */
export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('../migrations/', import.meta.url))
}
