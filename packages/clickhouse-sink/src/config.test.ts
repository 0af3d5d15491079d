import { describe, expect, it } from 'vitest'
import { sinkConfigFromEnv } from './config'

describe('sinkConfigFromEnv', () => {
  it('reads every CLICKHOUSE_* variable and PII_HASH_KEY', () => {
    expect(
      sinkConfigFromEnv({
        CLICKHOUSE_URL: 'https://ch.example.test:8443',
        CLICKHOUSE_USER: 'loader',
        CLICKHOUSE_PASSWORD: ' secret with spaces ',
        CLICKHOUSE_DATABASE: 'zakaz_prod',
        CLICKHOUSE_DATA_DIR: '/var/lib/zakaz',
        CLICKHOUSE_CLUSTER: 'main',
        PII_HASH_KEY: 'pepper',
        UNRELATED: 'x',
      }),
    ).toEqual({
      url: 'https://ch.example.test:8443',
      user: 'loader',
      password: ' secret with spaces ',
      database: 'zakaz_prod',
      dataDir: '/var/lib/zakaz',
      cluster: 'main',
      piiHashKey: 'pepper',
    })
  })

  it('treats empty and blank values as unset, so defaults apply', () => {
    expect(sinkConfigFromEnv({ CLICKHOUSE_URL: '', CLICKHOUSE_DATABASE: '  ', PII_HASH_KEY: '' })).toEqual({})
  })
})
