import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { API_PARTITION, licenseApiNetwork } from '../../../src/main/electron/api-session'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import type { ResolvedRequest } from '../../../src/shared/request'
import { createSessionStandIn, type SessionStandIn } from './support/electron-session'

const REQUEST: ResolvedRequest = { product: 'office-suite', hardwareId: 'hw-1', credentials: { method: 'license-key', licenseKey: 'KEY-1' } }
const AUTH = { scheme: 'hmac' as const, apiKey: 'api-key', sharedKey: 'shared-key' }

const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

/** A License API stand-in that tells which of its connections each request came on. */
async function apiServer() {
  const connections: Socket[] = []
  const requests: Array<{ connection: number; cookie: string | undefined }> = []
  const server: Server = createServer((req, res) => {
    requests.push({ connection: connections.indexOf(req.socket), cookie: req.headers.cookie })
    req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('"license_deactivated"'))
  })
  server.on('connection', (socket: Socket) => connections.push(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  cleanups.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))))
  return { origin, apiUrl: `${origin}/api/v4/`, connections, requests }
}

/** Electron's `session` module with stand-in sessions, one per partition (in memory: no cookies). */
function sessionModule() {
  const sessions = new Map<string, SessionStandIn>()
  const asked: Array<{ partition: string; options: unknown }> = []
  return {
    sessions,
    asked,
    module: {
      fromPartition(partition: string, options?: { cache: boolean }) {
        asked.push({ partition, options })
        let standIn = sessions.get(partition)
        if (!standIn) {
          standIn = createSessionStandIn()
          cleanups.push(() => standIn!.close())
          sessions.set(partition, standIn)
        }
        return standIn.session as never
      }
    }
  }
}

const clientOn = (apiUrl: string, fetch: typeof globalThis.fetch) =>
  createLicenseApiClient({ apiUrl, auth: AUTH, fetch, timeoutMs: 2_000, sdkVersion: 'Test 1.0' })

describe('licenseApiNetwork: the API calls and their warm connection share one session', () => {
  it('takes an in-memory partition of its own with the HTTP cache off, never the window’s default session', () => {
    const electron = sessionModule()
    licenseApiNetwork(electron.module)
    expect(electron.asked).toEqual([{ partition: API_PARTITION, options: { cache: false } }])
    expect(API_PARTITION).not.toMatch(/^persist:/)
    expect(API_PARTITION).not.toBe('')
  })

  it('the click’s request goes out on the connection the warm-up opened: no second connection', async () => {
    const server = await apiServer()
    const electron = sessionModule()
    const network = licenseApiNetwork(electron.module)
    await network.warmer.warm(server.origin)
    await electron.sessions.get(API_PARTITION)!.settled()
    await expect.poll(() => server.connections.length).toBe(1)
    expect(server.requests).toEqual([])

    expect((await clientOn(server.apiUrl, network.fetch).deactivateBundle(REQUEST)).ok).toBe(true)
    expect(server.connections).toHaveLength(1)
    expect(server.requests).toEqual([{ connection: 0, cookie: undefined }])
    expect(electron.sessions.get(API_PARTITION)!.opened).toEqual([{ by: 'preconnect', origin: server.origin, privacyMode: false }])
  })

  it('in the stand-in as in Chromium, a request that omits credentials misses the preconnected socket (why the adapter must not)', async () => {
    const server = await apiServer()
    const standIn = createSessionStandIn()
    cleanups.push(() => standIn.close())
    standIn.session.preconnect({ url: server.origin })
    await standIn.settled()
    const answer = await standIn.session.fetch(`${server.apiUrl}deactivate_bundle`, { method: 'POST', body: '{}', credentials: 'omit' })
    await answer.arrayBuffer()
    expect(server.connections).toHaveLength(2)
    expect(server.requests).toEqual([{ connection: 1, cookie: undefined }])
  })
})
