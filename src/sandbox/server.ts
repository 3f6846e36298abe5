import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { Socket } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { listenOn, urlHost } from '../common/http/listen'
import { refuseTunnels } from '../common/http/server-guards'
import { createSandboxApp, API_PREFIX, TOKEN_PATH, type SandboxStats } from './app'
import { defaultSeed, parseSeed, type Seed, type SeedFile } from './seed'
import { createResponseSigner } from './signing'
import type { SandboxSso, SsoFactory } from './sso-authority'
import { defaultSsoFactory } from './sso-hook'
import type { SandboxStore } from './store'
import { buildSummary, type SandboxSummary } from './summary'

export { createSandboxApp, type SandboxApp, type SandboxAppOptions, type SandboxStats } from './app'
export type { SandboxSummary } from './summary'

export type { SandboxSso, SsoFactory, SsoFactoryContext } from './sso-authority'

export interface SandboxOptions {
  host?: string /* default 127.0.0.1 */
  port?: number /* 0 = OS-assigned */
  seed?: SeedFile | undefined /* default: resources/sandbox-seed.json */
  now?: () => number /* clock for Date checks and token expiry */
  /** Start the OpenID provider too (default true) — through ssoFactory, else the wired default. */
  sso?: boolean | { redirectUri?: string | undefined }
  quiet?: boolean
  /** An SSO side that is already running; the sandbox closes it on close(). */
  ssoAuthority?: SandboxSso
  /** Starts the SSO side once the server listens (overrides the wired default in sso-hook.ts). */
  ssoFactory?: SsoFactory
  /** PEM private RSA key for response signatures (else the seed's, else a fresh one). */
  privateKeyPem?: string
  /** Success body of deactivate_bundle: JSON string (default) or raw text, to test client tolerance. */
  deactivationBody?: 'json' | 'text'
  /** Bearer token lifetime in seconds (default 300). */
  tokenLifetimeSeconds?: number
  /** Largest accepted request body (default 64 KiB); larger → 413 validation_error. */
  maxBodyBytes?: number
  /** Serve the License API over TLS with this certificate (PEM); default plain HTTP on loopback. */
  tls?: { key: string; cert: string }
  /**
   * A connection idle this long is closed, whether it carried a request yet or not
   * (default 60 s, what a production API behind a load balancer does).
   */
  idleTimeoutMs?: number
  /**
   * The hardware id of the PC the sandbox runs on, read the way the app reads it: the
   * seed's `thisPc` licences start activated on it, so a first try needs no override.
   */
  thisPcHardwareId?: string
}

/** Connections the License API server accepted; TLS handshakes full or resumed from a session. */
export interface SandboxConnectionStats {
  opened: number
  tls: { full: number; resumed: number }
}

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000

export interface RunningSandbox {
  origin: string // http://127.0.0.1:PORT
  apiUrl: string // http://127.0.0.1:PORT/api/v4/
  apiKey: string
  sharedKey: string
  publicKey: string /* PEM */
  oauth: { tokenUrl: string; clientId: string; clientSecret: string }
  summary(): SandboxSummary // the object `npm run sandbox -- --json` prints as its first line
  stats: () => SandboxStats // counts API round trips (bench)
  connections(): SandboxConnectionStats // counts connections and TLS handshakes (bench, tests)
  /** The License API's node:http(s) server, for measurements that need its events. */
  server: Server
  close: () => Promise<void>
  /** Test inspection of licences and devices. Tests only. */
  store: SandboxStore
  /** Hardware ids active on the licence(s) with this key, user email or id. Tests only. */
  devicesOf(licenseKeyOrEmailOrId: string | number): string[]
  /** Puts every licence back to its seeded devices (this PC's included): the window's "Reset sandbox". */
  reset(): void
  /** Attaches (or with null detaches) the SSO side; the previous one is not closed. */
  attachSso(authority: SandboxSso | null): void
}

/** The key that summary() and RunningSandbox advertise: active and unrestricted when the seed has one. */
function primaryApiKey(seed: Seed) {
  const active = seed.apiKeys.filter((k) => k.status === 'active')
  return active.find((k) => !k.products) ?? active[0] ?? seed.apiKeys[0]!
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const seed = options.seed ? parseSeed(options.seed, 'The sandbox seed given in options') : defaultSeed()
  const now = options.now ?? Date.now
  const quiet = options.quiet ?? false
  const signer = await createResponseSigner(options.privateKeyPem ?? seed.responseSigningKey)
  let sso: SandboxSso | null = options.ssoAuthority ?? null
  const app = createSandboxApp({
    seed,
    signer,
    now,
    deactivationBody: options.deactivationBody,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds,
    maxBodyBytes: options.maxBodyBytes,
    ssoAuthority: sso,
    ...(options.thisPcHardwareId !== undefined ? { thisPcHardwareId: options.thisPcHardwareId } : {}),
    logError: quiet ? () => undefined : undefined
  })

  const server: Server = options.tls
    ? createTlsServer({ key: options.tls.key, cert: options.tls.cert, keepAlive: true }, app.handle)
    : createServer({ keepAlive: true }, app.handle)
  refuseTunnels(server)
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  // Between requests: keepAliveTimeout (announced in Keep-Alive). Before the first request:
  // a one-shot timer per connection (a socket timeout would be re-armed on every read and write).
  server.keepAliveTimeout = idleTimeoutMs
  const served = new WeakSet<object>()
  server.on('request', (request: IncomingMessage) => served.add(request.socket))
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (!served.has(socket)) socket.destroy()
    }, idleTimeoutMs)
    timer.unref()
    socket.once('close', () => clearTimeout(timer))
  })
  const connections: SandboxConnectionStats = { opened: 0, tls: { full: 0, resumed: 0 } }
  server.on('connection', () => {
    connections.opened += 1
  })
  server.on('secureConnection', (socket: TLSSocket) => {
    if (socket.isSessionReused()) connections.tls.resumed += 1
    else connections.tls.full += 1
  })
  const host = options.host ?? '127.0.0.1'
  const port = await listenOn(server, host, options.port)
  const origin = `${options.tls ? 'https' : 'http'}://${urlHost(host)}:${port}`
  const apiUrl = `${origin}${API_PREFIX}`

  const close = async () => {
    const closing = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeAllConnections()
    await Promise.all([closing, sso?.close()])
  }

  const factory = options.ssoFactory ?? defaultSsoFactory
  if (options.sso !== false && !sso) {
    const redirectUri = typeof options.sso === 'object' ? options.sso.redirectUri : undefined
    try {
      sso = await factory({
        seed,
        origin,
        apiUrl,
        ...(redirectUri ? { redirectUri } : {}),
        now,
        quiet,
        mount: app.mount
      })
      app.attachSso(sso)
    } catch (error) {
      await close()
      throw error
    }
  }

  const key = primaryApiKey(seed)
  const client = seed.oauthClients.find((c) => !c.products) ?? seed.oauthClients[0]
  const oauth = { tokenUrl: `${origin}${TOKEN_PATH}`, clientId: client?.clientId ?? '', clientSecret: client?.clientSecret ?? '' }
  return {
    origin,
    apiUrl,
    apiKey: key.apiKey,
    sharedKey: key.sharedKey,
    publicKey: signer.publicKey,
    oauth,
    summary: () =>
      buildSummary({
        origin,
        apiUrl,
        apiKey: key,
        oauth,
        publicKey: signer.publicKey,
        seed,
        store: app.store,
        sso: { ...sso?.describe?.(), attached: sso !== null }
      }),
    stats: app.stats,
    connections: () => ({ opened: connections.opened, tls: { ...connections.tls } }),
    server,
    close,
    store: app.store,
    devicesOf: (id) => app.store.devicesOf(id),
    reset: () => app.store.reset(),
    attachSso(authority) {
      sso = authority
      app.attachSso(authority)
    }
  }
}
