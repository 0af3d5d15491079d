import { CONFIG_FILE_KEYS } from '../config/read-config-file.js'
import { formatParagraph } from './text-layout.js'

/** A config file with two tenants and shared settings, as `help config` prints it (it loads as written). */
export const CONFIG_FILE_EXAMPLE = {
  timeZone: 'Europe/Moscow',
  lagMinutes: 10,
  piiHashKeyEnv: 'PII_HASH_KEY',
  clickhouse: { url: 'https://clickhouse.internal:8443', user: 'qtickets_loader', passwordEnv: 'CLICKHOUSE_PASSWORD', database: 'zakaz' },
  tenants: [
    { name: 'acme', tokenEnv: 'ACME_QTICKETS_TOKEN' },
    { name: 'globex', tokenEnv: 'GLOBEX_QTICKETS_TOKEN', timeZone: 'Asia/Yekaterinburg', concurrency: 1 },
  ],
}

/** `qtickets-load help config`: the config file format, with an example and every key. */
export function renderConfigHelp(): string {
  const example = JSON.stringify(CONFIG_FILE_EXAMPLE, null, 2)
    .replace(/\{\n\s+("name"[^}]*?)\n\s+\}/g, (_, body: string) => `{ ${body.replace(/,\n\s+/g, ', ')} }`)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')
  const shared = CONFIG_FILE_KEYS.top.filter((key) => key !== '$schema' && key !== 'tenants' && key !== 'clickhouse' && key !== 'observability')
  return [
    'qtickets-load config file — several tenants (organisers) and shared settings',
    '',
    formatParagraph('A JSON file given with --config <file> or QTICKETS_CONFIG (run, backfill, status, doctor, migrate, sql). Without one, a single tenant comes from QTICKETS_TOKEN. Unknown keys are errors with a suggestion.'),
    '',
    'Example (tenants.json)',
    example,
    '',
    'Keys',
    formatParagraph(`shared settings: ${shared.join(', ')}; environment variables override them.`),
    formatParagraph(`clickhouse: ${CONFIG_FILE_KEYS.clickhouse.join(', ')}.`),
    formatParagraph(
      `tenants[]: ${CONFIG_FILE_KEYS.tenant.join(', ')}; a tenant's own fields win over the shared ones. Names match ^[a-z0-9][a-z0-9_-]{0,62}$ and are stored with every run and cursor: keep them stable. Prefer tokenEnv (the name of a variable holding the token) to a token written in the file.`,
    ),
    formatParagraph('observability: the monitoring settings under the camelCase names of their variables (metricsFile, alertWebhookUrl, telegramBotToken, telegramChatId, alertStateFile, maxRunAgeMinutes, maxDataAgeMinutes…).'),
    '',
    formatParagraph(
      "Precedence: flags > environment (and ./.env) > config file > defaults. Relative dataDir and lockDir are resolved against the file's directory. The package README (packages/runner/README.md in the repository) has the details.",
      { indent: 0 },
    ),
    '',
  ].join('\n')
}
