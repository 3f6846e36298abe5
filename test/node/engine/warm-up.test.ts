import type { TLSSocket } from 'node:tls'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AuthConfig, ServerConfig } from '../../../src/main/engine/config'
import { createNodeConnections, type NodeConnections } from '../../../src/main/engine/node-connections'
import { createLicenseService, type LicenseService } from '../../../src/main/engine/service'
import { createWarmUp, type ConnectionWarmer } from '../../../src/main/engine/warm-up'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { startEmulatedLink, type EmulatedLink } from '../../../bench/lib/emulated-link'
import { makeSelfSignedCertificate } from '../reliability/support/untrusted-tls'
import { scan } from '../reliability/support/secret-scanner'
import { expectOk } from '../../support/expect-ok'

/*
 * The warm-up against the sandbox over TLS on loopback, through Node's fetch on the
 * engine's own connection pool. The sandbox counts connections, TLS handshakes (full
 * or resumed) and API requests, so "nothing was sent" is the server's word.
 */

const HARDWARE_ID = 'sandbox-pc-1'
const LICENCE_KEY = 'OFFICE-2222-IN-USE'
const APP = { name: 'License Manager', version: '1.2.3', os: 'linux (test)' }

let certificate: { key: string; cert: string }
beforeAll(() => {
  certificate = makeSelfSignedCertificate()
})

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})
afterAll(() => vi.useRealTimers())

async function tlsSandbox(idleTimeoutMs?: number): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ quiet: true, sso: false, tls: certificate, ...(idleTimeoutMs ? { idleTimeoutMs } : {}) })
  cleanups.push(() => sandbox.close())
  return sandbox
}

function serviceOn(apiUrl: string, auth: AuthConfig, options: { warmUp?: boolean; connections?: NodeConnections } = {}): LicenseService {
  const connections = options.connections ?? createNodeConnections({ ca: certificate.cert })
  cleanups.push(() => connections.close())
  const config: ServerConfig = {
    apiUrl,
    auth,
    defaultProduct: 'office-suite',
    defaultCustomerAccount: 'acme',
    timeoutMs: 5_000,
    ssoTimeoutMs: 5_000,
    ssoTokenField: 'access_token',
    ...(options.warmUp === undefined ? {} : { warmUp: options.warmUp })
  }
  const service = createLicenseService({
    config,
    fetch: connections.fetch,
    warmer: connections.warmer,
    openExternal: async () => undefined,
    machineId: () => HARDWARE_ID,
    app: APP,
    sandbox: true
  })
  cleanups.push(() => void service.stopWarmUp())
  return service
}

const hmacOf = (sandbox: RunningSandbox): AuthConfig => ({ scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey })
const oauthOf = (sandbox: RunningSandbox): AuthConfig => ({ scheme: 'oauth', ...sandbox.oauth })
const apiRequests = (sandbox: RunningSandbox): number =>
  Object.entries(sandbox.stats().byPath).reduce((sum, [path, n]) => sum + (path.startsWith('/api/') ? n : 0), 0)

/** Polls until `check` holds (bounded). */
async function until(check: () => boolean, what: string, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const deactivateByKey = (service: LicenseService) =>
  service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: LICENCE_KEY } })

describe('warm-up (engine, Node connection pool, sandbox over TLS)', () => {
  it('opens one TLS connection and sends no API request; the click then rides on that connection', async () => {
    const sandbox = await tlsSandbox()
    const service = serviceOn(sandbox.apiUrl, hmacOf(sandbox))

    expect(service.warmUp()).toEqual({ ok: true, value: { warming: true } })
    await until(() => sandbox.connections().tls.full === 1, 'the warm connection')
    // Warming again while a connection is open opens nothing more.
    service.warmUp()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(sandbox.connections()).toEqual({ opened: 1, tls: { full: 1, resumed: 0 } })
    expect(sandbox.stats().requests).toBe(0)

    const outcome = await deactivateByKey(service)
    expectOk(outcome)
    expect(sandbox.stats().byPath).toEqual({ '/api/v4/deactivate_bundle': 1 })
    expect(sandbox.connections()).toEqual({ opened: 1, tls: { full: 1, resumed: 0 } })
  })

  it('under OAuth fetches the token during the warm-up, and still sends no API request', async () => {
    const sandbox = await tlsSandbox()
    const service = serviceOn(sandbox.apiUrl, oauthOf(sandbox))

    service.warmUp()
    await until(() => sandbox.stats().byPath['/auth/token'] === 1, 'the token request')
    expect(apiRequests(sandbox)).toBe(0)

    expectOk(await deactivateByKey(service))
    expect(sandbox.stats().byPath).toEqual({ '/auth/token': 1, '/api/v4/deactivate_bundle': 1 })
    expect(sandbox.connections().opened).toBe(1)
  })

  it('is off when configured off: no connection until the click', async () => {
    const sandbox = await tlsSandbox()
    const service = serviceOn(sandbox.apiUrl, oauthOf(sandbox), { warmUp: false })

    expect(service.warmUp()).toEqual({ ok: true, value: { warming: false } })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(sandbox.connections().opened).toBe(0)
    expect(sandbox.stats().requests).toBe(0)

    expectOk(await deactivateByKey(service))
    expect(sandbox.connections().opened).toBe(1)
  })

  it('replaces a connection the server closed for idleness, resuming the TLS session, and stops when told', async () => {
    const sandbox = await tlsSandbox(400)
    const service = serviceOn(sandbox.apiUrl, hmacOf(sandbox))

    service.warmUp()
    await until(() => sandbox.connections().opened >= 3, 'two replacements of the idle connection')
    const { tls } = sandbox.connections()
    expect(tls.full).toBe(1)
    expect(tls.resumed).toBeGreaterThanOrEqual(1)
    expect(sandbox.stats().requests).toBe(0)

    // The click right after a replacement: no new connection, one request.
    const before = sandbox.connections().opened
    await until(() => sandbox.connections().opened > before, 'the next replacement')
    const opened = sandbox.connections().opened
    expectOk(await deactivateByKey(service))
    expect(sandbox.connections().opened).toBe(opened)
    expect(sandbox.stats().requests).toBe(1)

    service.stopWarmUp()
    const stopped = sandbox.connections().opened
    await new Promise((resolve) => setTimeout(resolve, 900))
    expect(sandbox.connections().opened).toBe(stopped)
  })

  it('SSO: keeps the connection warm through a sign-in that outlasts the server’s idle timeout; the callback’s deactivation opens none', async () => {
    // Idle close after 1 s, callback after 1.5 s: the callback falls half a second from either replacement, so a busy machine does not make the two meet.
    const sandbox = await startSandbox({ quiet: true, sso: true, tls: certificate, idleTimeoutMs: 1_000 })
    cleanups.push(() => sandbox.close())
    const connections = createNodeConnections({ ca: certificate.cert })
    cleanups.push(() => connections.close())
    // The "browser": returns to the app's loopback redirect 1.5 s later, with a code the sandbox refuses (the wire is what counts here).
    const openExternal = async (url: string): Promise<void> => {
      const signIn = new URL(url)
      const callback = new URL(signIn.searchParams.get('redirect_uri')!)
      callback.search = new URLSearchParams({ code: 'code-from-the-browser', state: signIn.searchParams.get('state')! }).toString()
      setTimeout(
        () =>
          void fetch(callback)
            .then((r) => r.arrayBuffer())
            .catch(() => undefined),
        1_500
      )
    }
    const service = createLicenseService({
      config: {
        apiUrl: sandbox.apiUrl,
        auth: hmacOf(sandbox),
        defaultProduct: 'office-suite',
        defaultCustomerAccount: 'acme',
        timeoutMs: 5_000,
        ssoTimeoutMs: 10_000,
        ssoTokenField: 'access_token'
      },
      fetch: connections.fetch,
      warmer: connections.warmer,
      openExternal,
      machineId: () => HARDWARE_ID,
      app: APP,
      sandbox: true,
      httpSignInOrigins: [new URL(String(sandbox.summary().sso['issuer'])).origin]
    })
    cleanups.push(() => void service.stopWarmUp())

    let atCallback: { opened: number; requests: number } | undefined
    const outcome = await service.deactivateWithSso({ product: 'office-suite', customerAccountCode: 'acme', grant: 'code' }, (progress) => {
      if (progress.stage === 'deactivating') atCallback = { opened: sandbox.connections().opened, requests: sandbox.stats().requests }
    })
    // The License API answered the callback's deactivation (a refusal, with its HTTP status).
    expect(outcome.ok ? 0 : outcome.error.status).toBeGreaterThanOrEqual(400)
    expect(atCallback).toBeDefined()
    // The sign-in URL's connection was closed for idleness during the sign-in and replaced ahead of the callback.
    expect(atCallback!.opened).toBeGreaterThanOrEqual(2)
    expect(sandbox.connections().opened).toBe(atCallback!.opened)
    expect(sandbox.connections().tls.full).toBe(1)
    expect(sandbox.stats().requests).toBe(atCallback!.requests + 1)
  })

  it('replaces a connection held ahead before the server would close it, opening the successor first', async () => {
    const sandbox = await tlsSandbox()
    const connections = createNodeConnections({ ca: certificate.cert, spareLifetimeMs: 300 })
    const service = serviceOn(sandbox.apiUrl, hmacOf(sandbox), { connections })
    const live = new Set<unknown>()
    let mostAtOnce = 0
    sandbox.server.on('secureConnection', (socket: TLSSocket) => {
      live.add(socket)
      mostAtOnce = Math.max(mostAtOnce, live.size)
      socket.on('close', () => live.delete(socket))
    })

    service.warmUp()
    // A connection counts as opened before its handshake ends: wait for the resumed handshakes too.
    await until(() => sandbox.connections().opened >= 3 && sandbox.connections().tls.resumed >= 2, 'two rotations, each resuming the TLS session')
    expect(sandbox.stats().requests).toBe(0)
    await until(() => live.size === 1, 'the old connection closed after its successor opened')
    expect(mostAtOnce).toBeLessThanOrEqual(2)

    expectOk(await deactivateByKey(service))
    expect(sandbox.stats().requests).toBe(1)
  })

  describe('what the warm-up puts on the wire (plain HTTP through a recording link)', () => {
    async function recordedLink(sandbox: RunningSandbox): Promise<EmulatedLink> {
      const origin = new URL(sandbox.origin)
      const link = await startEmulatedLink({ target: { host: origin.hostname, port: Number(origin.port) }, oneWayDelayMs: 0, record: true })
      cleanups.push(() => link.close())
      return link
    }

    it('HMAC: a connection and not one byte', async () => {
      const sandbox = await startSandbox({ quiet: true, sso: false })
      cleanups.push(() => sandbox.close())
      const link = await recordedLink(sandbox)
      const service = serviceOn(`http://127.0.0.1:${link.port}/api/v4/`, hmacOf(sandbox), { connections: createNodeConnections() })

      service.warmUp()
      await until(() => sandbox.connections().opened === 1, 'the warm connection')
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(link.sent().length).toBe(0)
    })

    it('OAuth: only the token request, with no API key, licence key or shared secret of the API in it', async () => {
      const sandbox = await startSandbox({ quiet: true, sso: false })
      cleanups.push(() => sandbox.close())
      const link = await recordedLink(sandbox)
      const tokenUrl = new URL(sandbox.oauth.tokenUrl)
      tokenUrl.port = String(link.port)
      const auth: AuthConfig = { scheme: 'oauth', ...sandbox.oauth, tokenUrl: tokenUrl.href }
      const service = serviceOn(`http://127.0.0.1:${link.port}/api/v4/`, auth, { connections: createNodeConnections() })

      service.warmUp()
      await until(() => sandbox.stats().requests === 1, 'the token request')
      const wire = link.sent().toString('latin1')
      const requestLines = wire.split('\r\n').filter((line) => /^[A-Z]+ \S+ HTTP\/1\.1$/.test(line))
      expect(requestLines).toEqual([`POST ${tokenUrl.pathname} HTTP/1.1`])
      const secrets = [
        { label: 'licence key', value: LICENCE_KEY },
        { label: 'API key', value: sandbox.apiKey },
        { label: 'shared key', value: sandbox.sharedKey },
        { label: 'hardware id', value: HARDWARE_ID }
      ]
      expect(scan([{ where: 'warm-up bytes', text: wire }], secrets)).toEqual([])
    })

    it('TLS: the handshake carries no secret of the engine', async () => {
      const sandbox = await tlsSandbox()
      const link = await recordedLink(sandbox)
      const service = serviceOn(`https://127.0.0.1:${link.port}/api/v4/`, hmacOf(sandbox))

      service.warmUp()
      await until(() => sandbox.connections().tls.full === 1, 'the warm connection')
      const wire = link.sent().toString('latin1')
      expect(wire.length).toBeGreaterThan(0)
      const secrets = [
        { label: 'API key', value: sandbox.apiKey },
        { label: 'shared key', value: sandbox.sharedKey },
        { label: 'licence key', value: LICENCE_KEY }
      ]
      expect(scan([{ where: 'TLS handshake bytes', text: wire }], secrets)).toEqual([])
      expect(sandbox.stats().requests).toBe(0)
    })
  })
})

describe('createWarmUp (timing, with a stand-in warmer)', () => {
  function recordingWarmer(): ConnectionWarmer & { warmed: number; cooled: number } {
    const warmer = {
      warmed: 0,
      cooled: 0,
      warm() {
        warmer.warmed += 1
      },
      cool() {
        warmer.cooled += 1
      }
    }
    return warmer
  }

  it('refreshes while warm, stops on its own after its bound, and cools the origin', () => {
    vi.useFakeTimers()
    let now = 0
    const warmer = recordingWarmer()
    const prepare = vi.fn(async () => undefined)
    const warm = createWarmUp({
      apiOrigin: 'https://api.example.com',
      warmer,
      prepareCredentials: prepare,
      refreshEveryMs: 1_000,
      keepWarmForMs: 5_000,
      now: () => now
    })

    expect(warm.start()).toBe(true)
    expect(warmer.warmed).toBe(1)
    expect(prepare).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 10; i++) {
      now += 1_000
      vi.advanceTimersByTime(1_000)
    }
    expect(warmer.warmed).toBe(5)
    expect(warm.warming).toBe(false)
    expect(warmer.cooled).toBe(1)
    expect(vi.getTimerCount()).toBe(0)
    vi.useRealTimers()
  })

  it('is not started without a warmer, and a failing warmer never throws to the caller', async () => {
    expect(createWarmUp({ apiOrigin: 'https://api.example.com', warmer: undefined }).start()).toBe(false)
    const failing = createWarmUp({
      apiOrigin: 'https://api.example.com',
      warmer: {
        warm: () => {
          throw new Error('no network')
        }
      },
      prepareCredentials: async () => {
        throw new Error('token server down')
      }
    })
    expect(failing.start()).toBe(true)
    failing.stop()
    expect(failing.warming).toBe(false)
  })
})
