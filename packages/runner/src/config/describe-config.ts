import type { RunnerConfig } from './types.js'

/** A config as plain data for `doctor` and `--verbose`: secrets appear only as "set (source)" or "not set". */
export function describeConfig(config: RunnerConfig): Record<string, unknown> {
  const { clickhouse } = config
  return {
    configFile: config.configFile ?? 'none',
    envFile: config.envFile ?? 'none',
    tenants: config.tenants.map((tenant) => ({
      name: tenant.name,
      token: `set (${tenant.tokenSource})`,
      baseUrl: tenant.baseUrl,
      partnersToken: tenant.partnersToken ? `set (${tenant.partnersTokenSource ?? 'unknown source'})` : 'not set',
      partnersBaseUrl: tenant.partnersBaseUrl,
      timeZone: tenant.timeZone,
      concurrency: tenant.concurrency,
      ...(tenant.client ? { client: tenant.client } : {}),
    })),
    tenantNames: config.tenantNames,
    ...(config.noTenantsReason === undefined ? {} : { noTenantsReason: config.noTenantsReason }),
    clickhouse: {
      mode: clickhouse.mode,
      ...(clickhouse.mode === 'server' ? { url: clickhouse.url } : { dataDir: clickhouse.dataDir }),
      user: clickhouse.user ?? 'default',
      password: clickhouse.password ? 'set' : 'not set',
      database: clickhouse.database,
      cluster: clickhouse.cluster ?? 'none',
    },
    lagMinutes: config.lagMinutes,
    initialDays: config.initialDays,
    reportTimeZone: config.reportTimeZone,
    piiHashKey: config.piiHashKey ? 'set' : 'not set',
    logLevel: config.logLevel,
    dryRun: config.dryRun,
    lockDir: config.lockDir,
  }
}
