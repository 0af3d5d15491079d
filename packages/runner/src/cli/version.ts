import { version } from '../../package.json'

/** The version of @zakaz/qtickets-runner (from its package.json, inlined at build time). */
export const VERSION: string = version
