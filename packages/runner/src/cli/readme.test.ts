import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ENV_VARS } from '../config/env-vars.js'
import { EXIT_CODE_MEANINGS } from '../exit-codes.js'
import { COMMANDS } from './commands/index.js'
import { GLOBAL_OPTIONS } from './option-spec.js'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')

describe('README', () => {
  it('documents every command, global option, environment variable and exit code the CLI has', () => {
    for (const command of COMMANDS) expect(readme, command.name).toMatch(new RegExp(`\\| \`${command.name}[ \`]`))
    for (const option of GLOBAL_OPTIONS) expect(readme, option.name).toContain(`--${option.name}`)
    for (const doc of ENV_VARS) expect(readme, doc.name).toContain(`| \`${doc.name}\` |`)
    for (const [code, meaning] of Object.entries(EXIT_CODE_MEANINGS)) expect(readme, code).toContain(`| ${code} | ${meaning}`)
  })
})
