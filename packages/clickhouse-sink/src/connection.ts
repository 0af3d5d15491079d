import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseClientConfigOptions } from '@clickhouse/client'
import { SinkError } from './errors'

/** Where the sink's queries go: a server over HTTP(S), or chDB inside this process. */
export type SinkMode = 'server' | 'embedded'

/** The backend connection a `@clickhouse/client` client runs on (chDB's, for the embedded engine). */
export type SinkConnection = NonNullable<ClickHouseClientConfigOptions['connection']>

/** Which of the sink's two clients a connection serves: `writer` (the sink's own statements) or `reader` (`sink.client`). */
export type ConnectionRole = 'writer' | 'reader'

/** Wraps a connection the sink opened (tracing, fault injection); must return a connection that delegates to it. */
export type ConnectionWrapper = (connection: SinkConnection, role: ConnectionRole) => SinkConnection

/** The resolved connection settings `openConnections` needs. */
export interface ConnectionSettings {
  url?: string
  user?: string
  password?: string
  database: string
  dataDir: string
  requestTimeoutMs: number
  tls?: { caCert?: string | Buffer; cert?: string | Buffer; key?: string | Buffer }
  /** Wraps each embedded-engine connection; refused with a server URL. */
  wrapConnection?: ConnectionWrapper
}

/** Two clients on one ClickHouse: `writer` for the sink's own statements, `reader` for callers' read queries. */
export interface Connections {
  mode: SinkMode
  /** Used only by the sink; its settings never come from callers. */
  writer: ClickHouseClient
  /** Handed out as `sink.client`. On chDB settings stick to a session, so this keeps a caller's `readonly` away from the writer. */
  reader: ClickHouseClient
  /** Closes both clients; on chDB also waits until the engine has released the data directory. */
  close(): Promise<void>
}

/** Opens a server connection when `url` is set, else the embedded engine in `dataDir` (chDB loaded lazily). */
export async function openConnections(settings: ConnectionSettings): Promise<Connections> {
  if (settings.url && settings.wrapConnection) {
    throw new SinkError('config', 'wrapConnection works with the embedded engine only: the server client builds its HTTP connection itself')
  }
  return settings.url ? openServer(settings, settings.url) : openEmbedded(settings)
}

function openServer(settings: ConnectionSettings, url: string): Connections {
  const base = {
    url,
    username: settings.user,
    password: settings.password,
    request_timeout: settings.requestTimeoutMs,
    application: 'zakaz-clickhouse-sink',
    // The client's own logger prints multi-line dumps to stderr outside the caller's JSON logs; errors reach the caller anyway.
    log: { level: ClickHouseLogLevel.OFF },
    ...(settings.tls?.caCert ? { tls: tlsOptions(settings.tls) } : {}),
  }
  const writer = createClient(base)
  const reader = createClient({ ...base, database: settings.database })
  return {
    mode: 'server',
    writer,
    reader,
    async close() {
      await Promise.all([writer.close(), reader.close()])
    },
  }
}

function tlsOptions(tls: NonNullable<ConnectionSettings['tls']>) {
  const caCert = Buffer.from(tls.caCert ?? '')
  if (tls.cert && tls.key) return { ca_cert: caCert, cert: Buffer.from(tls.cert), key: Buffer.from(tls.key) }
  return { ca_cert: caCert }
}

async function openEmbedded(settings: ConnectionSettings): Promise<Connections> {
  const { createChdbConnection } = await importChdb(() => import('chdb/connection'))
  const { drainPending } = await importChdb(() => import('chdb'))
  const path = resolve(settings.dataDir)
  mkdirSync(path, { recursive: true })
  const open = (role: ConnectionRole): ClickHouseClient => {
    let connection: SinkConnection
    try {
      // chdb types its connection against @clickhouse/client-common 1.23.0, the client inlines 1.23.1: same shape, different declarations.
      connection = createChdbConnection({ path }) as unknown as SinkConnection
    } catch (error) {
      throw new SinkError('config', `cannot open the embedded ClickHouse at ${path}: ${(error as Error).message}`, { cause: error })
    }
    return createClient({ connection: settings.wrapConnection ? settings.wrapConnection(connection, role) : connection })
  }
  const writer = open('writer')
  const reader = open('reader')
  return {
    mode: 'embedded',
    writer,
    reader,
    async close() {
      await writer.close()
      await reader.close()
      await drainPending()
    },
  }
}

/** Imports an optional chDB module, turning "not installed" into a config error that says what to do. */
export async function importChdb<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (isModuleNotFound(error)) {
      throw new SinkError(
        'config',
        'CLICKHOUSE_URL is not set, so the embedded engine is needed, but the optional package "chdb" is not installed. ' +
          'Install it (npm install chdb) or set CLICKHOUSE_URL to a ClickHouse server.',
        { cause: error },
      )
    }
    throw error
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND'
}
