import { afterEach, describe, expect, it } from 'vitest'
import { mapTransportError } from '../../../src/main/engine/errors/map-transport'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import { hasNetworkAddress, type NetworkCheck } from '../../../src/main/engine/network-check'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'
import type { ResolvedRequest } from '../../../src/shared/request'
import { closedPort, startTcpServer } from './support/servers'

/*
 * "Check your internet connection" is wrong when only the licence server is down. A refused
 * connection proves something at the server's address answered; for a connection that could
 * not be made or an answer that never came, the engine asks the check it was handed, which
 * behaves as Electron documents `net.isOnline()`: false is a strong sign of no network, true
 * is inconclusive.
 */

const REQUEST: ResolvedRequest = { product: 'office-suite', hardwareId: 'hw-1', credentials: { method: 'license-key', licenseKey: 'KEY-1' } }
const AUTH = { scheme: 'hmac' as const, apiKey: 'api-key', sharedKey: 'shared-key' }
const REFUSED_WORDS = 'this PC’s network works, and the licence service there is down'
const ONLINE_WORDS = 'although this PC has a network connection'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

/** A stand-in for Electron's `net.isOnline()` that records how often it was asked. */
function electronIsOnline(answer: boolean): NetworkCheck & { asked: number } {
  const check = Object.assign(() => ((check.asked += 1), answer), { asked: 0 })
  return check
}

const client = (apiUrl: string, isOnline: NetworkCheck | undefined, timeoutMs = 2_000) =>
  createLicenseApiClient({ apiUrl, auth: AUTH, fetch: globalThis.fetch, timeoutMs, sdkVersion: 'Test 1.0', ...(isOnline ? { isOnline } : {}) })

describe('a refused connection: the server is down, not this PC’s internet', () => {
  it.each([true, false])('over a real loopback socket (check answers %s): says so, without asking the check', async (online) => {
    const port = await closedPort()
    const check = electronIsOnline(online)
    const outcome = await client(`http://127.0.0.1:${port}/api/v4/`, check).deactivateBundle(REQUEST)
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cannot_connect_to_server', status: 0, networkCause: `ECONNREFUSED 127.0.0.1:${port}` } })
    if (outcome.ok) return
    expect(outcome.error.explanation).toContain(REFUSED_WORDS)
    expect(`${outcome.error.explanation} ${outcome.error.action}`).not.toMatch(/internet connection/i)
    expect(check.asked).toBe(0)
  })

  it('as Electron’s net.fetch reports it (net::ERR_CONNECTION_REFUSED)', () => {
    expect(mapTransportError(new Error('net::ERR_CONNECTION_REFUSED'), electronIsOnline(true)).explanation).toContain(REFUSED_WORDS)
  })
})

describe('no answer in time: the check tells "this PC is offline" from "the server is down"', () => {
  async function timedOut(isOnline: NetworkCheck | undefined) {
    const server = await startTcpServer(() => undefined)
    cleanups.push(server.close)
    const outcome = await client(server.apiUrl, isOnline, 300).deactivateBundle(REQUEST)
    if (outcome.ok) throw new Error('expected a failure')
    return outcome.error
  }

  it('net.isOnline() false → this PC is offline (pc_offline), the cause kept', async () => {
    const check = electronIsOnline(false)
    expect(await timedOut(check)).toMatchObject({ code: 'pc_offline', family: 'network', status: 0, title: ERROR_CATALOGUE.pc_offline.title })
    expect(check.asked).toBe(1)
  })

  it('net.isOnline() true (inconclusive) → the server or the way to it, not this PC’s internet', async () => {
    const error = await timedOut(electronIsOnline(true))
    expect(error.code).toBe('timeout')
    expect(error.explanation).toContain(ONLINE_WORDS)
    expect(error.action).toContain('the licence server may be down')
    expect(error.action).not.toMatch(/check your connection/i)
  })

  it('without a check (nothing handed in) → the catalogue’s words, which name both', async () => {
    expect(await timedOut(undefined)).toMatchObject({
      code: 'timeout',
      explanation: ERROR_CATALOGUE.timeout.explanation,
      action: ERROR_CATALOGUE.timeout.action
    })
  })

  it.each([
    ['net::ERR_CONNECTION_TIMED_OUT', new Error('net::ERR_CONNECTION_TIMED_OUT'), 'timeout'],
    ['net::ERR_ADDRESS_UNREACHABLE', new Error('net::ERR_ADDRESS_UNREACHABLE'), 'cannot_connect_to_server'],
    [
      'ETIMEDOUT (connect)',
      Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }) }),
      'timeout'
    ]
  ])('%s: offline → pc_offline; online → %s in words that blame the server', (_name, error, code) => {
    expect(mapTransportError(error, electronIsOnline(false)).code).toBe('pc_offline')
    const online = mapTransportError(error, electronIsOnline(true))
    expect(online.code).toBe(code)
    expect(online.explanation).toContain(ONLINE_WORDS)
  })

  it('other failures (a certificate, a cut connection) never ask the check', () => {
    const check = electronIsOnline(false)
    expect(mapTransportError(new Error('net::ERR_CERT_AUTHORITY_INVALID'), check).code).toBe('tls_failure')
    expect(mapTransportError(new Error('net::ERR_CONNECTION_RESET'), check).code).toBe('connection_reset')
    expect(check.asked).toBe(0)
  })
})

describe('the CLI’s check: this PC’s network interfaces (nothing is sent anywhere)', () => {
  type Interfaces = ReturnType<typeof import('node:os').networkInterfaces>
  const iface = (address: string, internal = false) => ({
    address,
    netmask: '255.255.255.0',
    family: address.includes(':') ? ('IPv6' as const) : ('IPv4' as const),
    mac: '00:00:00:00:00:00',
    internal,
    cidr: null,
    ...(address.includes(':') ? { scopeid: 0 } : {})
  })

  it.each<[string, Record<string, Array<ReturnType<typeof iface>>>, boolean]>([
    ['loopback only', { lo: [iface('127.0.0.1', true), iface('::1', true)] }, false],
    ['a cable with only link-local addresses', { lo: [iface('127.0.0.1', true)], eth0: [iface('169.254.10.2'), iface('fe80::1')] }, false],
    ['an address on Wi-Fi', { lo: [iface('127.0.0.1', true)], wlan0: [iface('192.168.1.23')] }, true],
    ['an IPv6 address only', { eth0: [iface('2001:db8::5')] }, true]
  ])('%s → %s', (_what, interfaces, online) => {
    expect(hasNetworkAddress(() => interfaces as unknown as Interfaces)()).toBe(online)
  })

  it('an unreadable list says nothing about this PC (true: inconclusive)', () => {
    expect(
      hasNetworkAddress(() => {
        throw new Error('uv_interface_addresses')
      })()
    ).toBe(true)
  })
})
