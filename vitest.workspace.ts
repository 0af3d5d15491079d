// Vitest runs every package's own vitest.config.ts as one project.
export default ['packages/*']
