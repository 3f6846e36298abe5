/**
 * Node's fetch on an undici Agent that can open connections ahead of a request:
 * the warm-up's connection warmer for Node shells (tests, bench, the browser e2e
 * harness). The app uses Chromium's pool instead (session.preconnect).
 *
 * A warmed connection is a finished TCP + TLS handshake and nothing else: it waits
 * here, unread, until the Agent asks for a connection to its origin and gets it.
 * TLS sessions are cached per host, so a replacement connection resumes cheaply.
 */
import { createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls'
import { Agent, buildConnector } from 'undici'
import type { ConnectionWarmer } from './warm-up'

export interface NodeConnectionsOptions {
  /** Extra trusted CA certificates (PEM), e.g. a test CA; the system's stay trusted too. */
  ca?: string | string[]
  connectTimeoutMs?: number
  /**
   * A connection opened ahead is replaced after this long unused (default 45 s), before
   * a load balancer's idle timeout (commonly 60 s) closes it: a request sent just as the
   * server's close is on its way would fail.
   */
  spareLifetimeMs?: number
}

export interface NodeConnections {
  /** Node's fetch sending through this pool. */
  fetch: typeof fetch
  warmer: ConnectionWarmer
  close: () => Promise<void>
}

type ConnectOptions = buildConnector.Options

/** Replacements in a row of connections the server closed at once: then wait for the next warm(). */
const MAX_QUICK_CLOSES = 3
const QUICK_CLOSE_MS = 250
const DEFAULT_SPARE_LIFETIME_MS = 45_000

const defaultPort = (protocol: string): string => (protocol === 'https:' ? '443' : '80')
const keyOf = (protocol: string, hostname: string, port: string): string => `${protocol}//${hostname.replace(/^\[|\]$/g, '')}:${port || defaultPort(protocol)}`

interface OriginState {
  options: ConnectOptions
  /** Opened ahead, not yet handed to the Agent. */
  spares: Set<Socket>
  /** Every open connection to the origin, spare or in the Agent's hands. */
  open: Set<Socket>
  opening: boolean
  /** Agent connects waiting for the connection being opened ahead. */
  waiting: buildConnector.Callback[]
  warm: boolean
  quickCloses: number
}

export function createNodeConnections(options: NodeConnectionsOptions = {}): NodeConnections {
  const ca = options.ca === undefined ? undefined : [...(Array.isArray(options.ca) ? options.ca : [options.ca])]
  const connector = buildConnector({
    timeout: options.connectTimeoutMs ?? 10_000,
    // An explicit `ca` replaces Node's root certificates unless they are listed too; one
    // context for every connection, rather than parsing them all again per handshake.
    ...(ca ? { secureContext: secureContextTrusting(ca) } : {})
  })
  const origins = new Map<string, OriginState>()
  let closed = false
  const spareLifetimeMs = options.spareLifetimeMs ?? DEFAULT_SPARE_LIFETIME_MS

  function stateFor(connect: ConnectOptions): OriginState {
    const key = keyOf(connect.protocol, connect.hostname, connect.port)
    let state = origins.get(key)
    if (!state) {
      state = { options: connect, spares: new Set(), open: new Set(), opening: false, waiting: [], warm: false, quickCloses: 0 }
      origins.set(key, state)
    }
    return state
  }

  // undici's connector caches TLS sessions through weak references; holding the latest
  // one per origin keeps it alive for a replacement that comes a minute later.
  const sessions = new Map<OriginState, Buffer>()

  function track(state: OriginState, socket: Socket): void {
    const openedAt = Date.now()
    state.open.add(socket)
    socket.on('session', (session: Buffer) => sessions.set(state, session))
    socket.once('close', () => {
      state.open.delete(socket)
      state.spares.delete(socket)
      state.quickCloses = Date.now() - openedAt < QUICK_CLOSE_MS ? state.quickCloses + 1 : 0
      // The server (or the Agent) closed an idle connection while the form is open: open another.
      if (state.warm && state.open.size === 0 && state.quickCloses < MAX_QUICK_CLOSES) openSpare(state)
    })
  }

  /** A spare must stay silent: data before any request means it is unusable. */
  function watchSpare(socket: Socket): () => void {
    const onReadable = (): void => {
      if (socket.read() !== null) socket.destroy()
    }
    const onError = (): void => undefined
    socket.on('readable', onReadable)
    socket.on('error', onError)
    const retire = setTimeout(() => replaceSpare(socket), spareLifetimeMs)
    retire.unref()
    return () => {
      clearTimeout(retire)
      socket.off('readable', onReadable)
      socket.off('error', onError)
    }
  }

  /** Opens the successor first, so the origin is never without a usable connection. */
  function replaceSpare(old: Socket): void {
    const state = [...origins.values()].find((s) => s.spares.has(old))
    if (!state) return
    if (!state.warm || closed) {
      old.destroy()
      return
    }
    connector({ ...state.options }, (error, socket) => {
      if (!state.spares.has(old)) {
        // Taken meanwhile: keep the new one as the spare.
        if (socket) adoptSpare(state, socket)
        return
      }
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undici's connector callback is typed loosely at run time: a socket may be missing without an error
      if (error || !socket) return
      adoptSpare(state, socket)
      state.spares.delete(old)
      unwatch.get(old)?.()
      old.destroy()
    })
  }

  function adoptSpare(state: OriginState, socket: Socket): void {
    track(state, socket)
    if (closed || !state.warm) {
      socket.destroy()
      return
    }
    state.spares.add(socket)
    unwatch.set(socket, watchSpare(socket))
  }

  function connectDirectly(state: OriginState, callback: buildConnector.Callback): void {
    connector({ ...state.options }, (error, socket) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undici's connector callback is typed loosely at run time: a socket may be missing without an error
      if (error || !socket) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- as above: no error, yet no socket
        callback(error ?? new Error('connection failed'), null)
        return
      }
      track(state, socket)
      callback(null, socket)
    })
  }

  const unwatch = new WeakMap<Socket, () => void>()

  function openSpare(state: OriginState): void {
    if (closed || state.opening) return
    state.opening = true
    connector({ ...state.options }, (error, socket) => {
      state.opening = false
      const waiting = state.waiting.splice(0)
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undici's connector callback is typed loosely at run time: a socket may be missing without an error
      if (error || !socket) {
        state.quickCloses += 1
        // The Agent's own attempt gets the same error a direct connect would have met.
        for (const callback of waiting) connectDirectly(state, callback)
        return
      }
      track(state, socket)
      const [first, ...others] = waiting
      for (const callback of others) connectDirectly(state, callback)
      if (first) {
        first(null, socket)
        return
      }
      if (closed || !state.warm) {
        socket.destroy()
        return
      }
      state.spares.add(socket)
      unwatch.set(socket, watchSpare(socket))
    })
  }

  function takeSpare(state: OriginState): Socket | undefined {
    for (const socket of state.spares) {
      state.spares.delete(socket)
      unwatch.get(socket)?.()
      if (!socket.destroyed && socket.readyState === 'open' && socket.readableLength === 0) return socket
      socket.destroy()
    }
    return undefined
  }

  const agent = new Agent({
    // One connection per origin: the engine sends one call at a time, and a Pool would
    // open a second connection when a call follows the previous answer within the same tick.
    connections: 1,
    connect(connect: ConnectOptions, callback: buildConnector.Callback) {
      const state = stateFor(connect)
      const spare = takeSpare(state)
      if (spare) process.nextTick(callback, null, spare)
      // A connection is being opened ahead: take it rather than open a second one.
      else if (state.opening) state.waiting.push(callback)
      else connectDirectly(state, callback)
    }
  })

  let codeWarmed = false
  const warmer: ConnectionWarmer = {
    warm(origin) {
      if (!codeWarmed) {
        codeWarmed = true
        warmHttpStack().catch(() => undefined)
      }
      const url = new URL(origin)
      const connect: ConnectOptions = { hostname: url.hostname.replace(/^\[|\]$/g, ''), host: url.host, protocol: url.protocol, port: url.port }
      const state = stateFor(connect)
      state.warm = true
      state.quickCloses = 0
      const usable = [...state.open].some((s) => !s.destroyed)
      if (!usable) openSpare(state)
    },
    cool(origin) {
      const url = new URL(origin)
      const state = origins.get(keyOf(url.protocol, url.hostname, url.port))
      if (!state) return
      state.warm = false
      for (const spare of state.spares) spare.destroy()
    }
  }

  /**
   * Node loads its fetch implementation, and undici compiles its HTTP parser, on the
   * first request: have them do it now, with one request to a throwaway server on
   * this PC's loopback, rather than on the click.
   */
  async function warmHttpStack(): Promise<void> {
    const server = createServer((_request, response) => response.writeHead(204, { connection: 'close' }).end())
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(0, '127.0.0.1', resolve)
      })
      const { port } = server.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        method: 'HEAD',
        dispatcher: agent,
        signal: AbortSignal.timeout(5_000)
      } as unknown as RequestInit)
      await response.arrayBuffer()
    } finally {
      server.closeAllConnections()
      server.close()
    }
  }

  return {
    fetch: (input, init) => fetch(input, { ...init, dispatcher: agent } as unknown as RequestInit),
    warmer,
    async close() {
      closed = true
      for (const state of origins.values()) {
        state.warm = false
        for (const spare of state.spares) spare.destroy()
      }
      await agent.close()
    }
  }
}

const secureContexts = new Map<string, SecureContext>()

/** Node's root certificates plus `ca`; built once per set of extra certificates. */
function secureContextTrusting(ca: readonly string[]): SecureContext {
  const key = ca.join('\n')
  let context = secureContexts.get(key)
  if (!context) {
    context = createSecureContext({ ca: [...rootCertificates, ...ca] })
    secureContexts.set(key, context)
  }
  return context
}
