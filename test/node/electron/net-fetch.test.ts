import { afterEach, describe, expect, it } from 'vitest'
import { createOAuthTokenSource } from '../../../src/main/engine/auth/oauth'
import { CHROMIUM_NET_ERRORS } from '../../../src/main/engine/errors/chromium-net-errors'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import { createApiFetch } from '../../../src/main/electron/net-fetch'
import type { KnownErrorCode } from '../../../src/shared/errors'
import type { Outcome } from '../../../src/shared/outcome'
import type { ResolvedRequest } from '../../../src/shared/request'
import { closedPort, startHttpServer, startTcpServer } from '../engine/support/servers'
import { createNetFetchStandIn, SESSION_COOKIE, type NetFetchStandIn } from './support/electron-net-fetch'
import { expectOk } from '../../support/expect-ok'

const REQUEST: ResolvedRequest = { product: 'office-suite', hardwareId: 'hw-1', credentials: { method: 'license-key', licenseKey: 'KEY-1' } }
const AUTH = { scheme: 'hmac' as const, apiKey: 'api-key', sharedKey: 'shared-key' }
const REDIRECT_EXPLANATION = /redirect to another address.*captive portal/

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

function clientOn(apiUrl: string, fetch: typeof globalThis.fetch, timeoutMs = 2_000) {
  return createLicenseApiClient({ apiUrl, auth: AUTH, fetch, timeoutMs, sdkVersion: 'Test 1.0' })
}

/** The stand-in handed to the engine as the app did before the adapter (URL inputs as text). */
const withoutAdapter =
  (net: NetFetchStandIn): typeof fetch =>
  (input, init) =>
    net.fetch(input instanceof URL ? input.href : input, init)

function failed(outcome: Outcome<unknown>) {
  if (outcome.ok) throw new Error('expected a failure')
  return outcome.error
}

async function redirectingServer(status: number) {
  const server = await startHttpServer((_req, res) => {
    res.writeHead(status, { location: 'http://portal.example.test/login', 'content-type': 'text/html' })
    res.end('<html>Sign in to the Wi-Fi</html>')
  })
  cleanups.push(server.close)
  return server
}

describe('the stand-in behaves like Electron, not like Node', () => {
  it('rejects a manual redirect with "Redirect was cancelled" and a failure with a bare net:: name', async () => {
    const server = await redirectingServer(302)
    const net = createNetFetchStandIn()
    await expect(net.fetch(server.origin, { redirect: 'manual' })).rejects.toThrow(/^Redirect was cancelled$/)
    const port = await closedPort()
    const refusal = await net.fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(Error)
    expect(refusal).toMatchObject({ message: 'net::ERR_CONNECTION_REFUSED' })
    expect((refusal as Error).cause).toBeUndefined()
  })

  it('without the adapter, the engine cannot tell a redirect from any network failure', async () => {
    const server = await redirectingServer(302)
    const outcome = await clientOn(server.apiUrl, withoutAdapter(createNetFetchStandIn())).deactivateBundle(REQUEST)
    expect(failed(outcome).code).toBe('network_error')
  })
})

describe('createApiFetch: redirects become the redirect answer the engine explains', () => {
  it.each([301, 302, 303, 307, 308])('a %i to the License API → html_error_body, explained as a redirect', async (status) => {
    const server = await redirectingServer(status)
    const net = createNetFetchStandIn()
    const error = failed(await clientOn(server.apiUrl, createApiFetch(net.fetch)).deactivateBundle(REQUEST))
    expect(error).toMatchObject({ code: 'html_error_body', family: 'network' })
    expect(error.explanation).toMatch(REDIRECT_EXPLANATION)
    expect(server.requests).toHaveLength(1)
  })

  it('a 302 from the OAuth token server → the same explanation, said of the token request', async () => {
    const server = await redirectingServer(302)
    const tokens = createOAuthTokenSource({
      tokenUrl: `${server.origin}/token`,
      clientId: 'client-1',
      clientSecret: 'client-secret-value',
      fetch: createApiFetch(createNetFetchStandIn().fetch),
      timeoutMs: 2_000
    })
    const error = failed(await tokens.token())
    expect(error.code).toBe('html_error_body')
    expect(error.explanation).toMatch(/^While asking the OAuth token server for an access token: .*redirect to another address/)
  })

  it('the OAuth token request explains a 302 alike under Node’s fetch, which returns it as an answer', async () => {
    const server = await redirectingServer(302)
    const tokens = createOAuthTokenSource({ tokenUrl: `${server.origin}/token`, clientId: 'c', clientSecret: 's', fetch, timeoutMs: 2_000 })
    const error = failed(await tokens.token())
    expect(error).toMatchObject({ code: 'html_error_body', status: 302 })
    expect(error.explanation).toMatch(REDIRECT_EXPLANATION)
  })

  it('always asks for manual redirects, even when the caller asked to follow', async () => {
    const server = await redirectingServer(302)
    const net = createNetFetchStandIn()
    await expect(createApiFetch(net.fetch)(server.origin, { redirect: 'follow' })).rejects.toMatchObject({ name: 'RedirectNotFollowedError' })
    expect(net.calls[0]?.redirect).toBe('manual')
  })
})

describe('createApiFetch: what is sent', () => {
  it('asks for the credentialed socket group (where Chromium preconnects) and bypasses the HTTP cache', async () => {
    const server = await startHttpServer((_req, res) => res.end('"license_deactivated"'))
    cleanups.push(server.close)
    const net = createNetFetchStandIn()
    expectOk(await clientOn(server.apiUrl, createApiFetch(net.fetch)).deactivateBundle(REQUEST))
    expect(net.calls).toEqual([expect.objectContaining({ method: 'POST', credentials: 'include', cache: 'no-store', redirect: 'manual' })])
    // Hence the License API's own in-memory session (api-session.test.ts): the window's would add its cookies.
    expect(server.requests[0]?.headers.cookie).toBe(SESSION_COOKIE)
    await clientOn(server.apiUrl, createApiFetch(createNetFetchStandIn({ sessionCookie: null }).fetch)).deactivateBundle(REQUEST)
    expect(server.requests[1]?.headers.cookie).toBeUndefined()
  })

  it('refuses anything but http(s): net.fetch would also read file: and the app’s own scheme', async () => {
    const net = createNetFetchStandIn()
    await expect(createApiFetch(net.fetch)('file:///etc/passwd')).rejects.toThrow(/Only http and https/)
    expect(net.calls).toHaveLength(0)
  })

  it('a proxy that asks for credentials (407, sign-in cancelled as Electron does without a login handler) → proxy_auth_required', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corp"' })
      res.end()
    })
    cleanups.push(server.close)
    const error = failed(await clientOn(server.apiUrl, createApiFetch(createNetFetchStandIn().fetch)).deactivateBundle(REQUEST))
    expect(error).toMatchObject({ code: 'proxy_auth_required', status: 407, family: 'network' })
  })
})

/**
 * One row per Chromium name the issue lists and per table entry (a prefix entry is
 * tested with a real name it covers), failing the way net.fetch fails.
 */
const CHROMIUM_ROWS: Array<[string, KnownErrorCode]> = [
  ['ERR_INTERNET_DISCONNECTED', 'pc_offline'],
  ['ERR_CONNECTION_REFUSED', 'cannot_connect_to_server'],
  ['ERR_CONNECTION_FAILED', 'cannot_connect_to_server'],
  ['ERR_ADDRESS_UNREACHABLE', 'cannot_connect_to_server'],
  ['ERR_ADDRESS_INVALID', 'cannot_connect_to_server'],
  ['ERR_NAME_NOT_RESOLVED', 'dns_failure'],
  ['ERR_NAME_RESOLUTION_FAILED', 'dns_failure'],
  ['ERR_ICANN_NAME_COLLISION', 'dns_failure'],
  ['ERR_DNS_TIMED_OUT', 'dns_failure'],
  ['ERR_DNS_SERVER_FAILED', 'dns_failure'],
  ['ERR_TIMED_OUT', 'timeout'],
  ['ERR_CONNECTION_TIMED_OUT', 'timeout'],
  ['ERR_CONNECTION_RESET', 'connection_reset'],
  ['ERR_CONNECTION_CLOSED', 'connection_reset'],
  ['ERR_CONNECTION_ABORTED', 'connection_reset'],
  ['ERR_SOCKET_NOT_CONNECTED', 'connection_reset'],
  ['ERR_EMPTY_RESPONSE', 'connection_reset'],
  ['ERR_NETWORK_CHANGED', 'connection_reset'],
  ['ERR_CONTENT_LENGTH_MISMATCH', 'connection_reset'],
  ['ERR_INCOMPLETE_CHUNKED_ENCODING', 'connection_reset'],
  ['ERR_RESPONSE_HEADERS_TRUNCATED', 'connection_reset'],
  ['ERR_INCOMPLETE_HTTP2_HEADERS', 'connection_reset'],
  ['ERR_HTTP2_PROTOCOL_ERROR', 'connection_reset'],
  ['ERR_HTTP2_PING_FAILED', 'connection_reset'],
  ['ERR_QUIC_PROTOCOL_ERROR', 'connection_reset'],
  ['ERR_QUIC_HANDSHAKE_FAILED', 'connection_reset'],
  ['ERR_PROXY_CONNECTION_FAILED', 'proxy_failure'],
  ['ERR_PROXY_AUTH_UNSUPPORTED', 'proxy_failure'],
  ['ERR_PROXY_AUTH_REQUESTED', 'proxy_auth_required'],
  ['ERR_PROXY_AUTH_REQUESTED_WITH_NO_CONNECTION', 'proxy_auth_required'],
  ['ERR_PROXY_CERTIFICATE_INVALID', 'proxy_failure'],
  ['ERR_SOCKS_CONNECTION_FAILED', 'proxy_failure'],
  ['ERR_SOCKS_CONNECTION_HOST_UNREACHABLE', 'proxy_failure'],
  ['ERR_PAC_SCRIPT_FAILED', 'proxy_failure'],
  ['ERR_PAC_NOT_IN_DHCP', 'proxy_failure'],
  ['ERR_TUNNEL_CONNECTION_FAILED', 'proxy_failure'],
  ['ERR_MANDATORY_PROXY_CONFIGURATION_FAILED', 'proxy_failure'],
  ['ERR_NO_SUPPORTED_PROXIES', 'proxy_failure'],
  ['ERR_UNEXPECTED_PROXY_AUTH', 'proxy_failure'],
  ['ERR_HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT', 'proxy_failure'],
  ['ERR_CERT_AUTHORITY_INVALID', 'tls_failure'],
  ['ERR_CERT_DATE_INVALID', 'tls_failure'],
  ['ERR_SSL_PROTOCOL_ERROR', 'tls_failure'],
  ['ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls_failure'],
  ['ERR_CT_STH_PARSING_FAILED', 'tls_failure'],
  ['ERR_ECH_NOT_NEGOTIATED', 'tls_failure'],
  ['ERR_ECH_FALLBACK_CERTIFICATE_INVALID', 'tls_failure'],
  ['ERR_CERTIFICATE_TRANSPARENCY_REQUIRED', 'tls_failure'],
  ['ERR_TLS13_DOWNGRADE_DETECTED', 'tls_failure'],
  ['ERR_INVALID_ECH_CONFIG_LIST', 'tls_failure'],
  ['ERR_INSECURE_RESPONSE', 'tls_failure'],
  ['ERR_BAD_SSL_CLIENT_AUTH_CERT', 'tls_failure'],
  ['ERR_NO_SSL_VERSIONS_ENABLED', 'tls_failure'],
  ['ERR_CLIENT_AUTH_CERT_TYPE_UNSUPPORTED', 'tls_failure'],
  ['ERR_ALPN_NEGOTIATION_FAILED', 'tls_failure'],
  ['ERR_QUIC_CERT_ROOT_NOT_KNOWN', 'tls_failure'],
  ['ERR_FAILED', 'network_error'],
  ['ERR_BLOCKED_BY_ADMINISTRATOR', 'network_error']
]

describe('Chromium errors from net.fetch → typed errors (one row each)', () => {
  it.each(CHROMIUM_ROWS)('net::%s → %s', async (name, code) => {
    const net = createNetFetchStandIn()
    net.failWith(name)
    const error = failed(await clientOn('http://127.0.0.1:9/api/v4/', createApiFetch(net.fetch)).deactivateBundle(REQUEST))
    expect(error.code).toBe(code)
    expect(error.family).toBe('network')
  })

  it('every entry of the table has a row above', () => {
    const uncovered = Object.keys(CHROMIUM_NET_ERRORS).filter((entry) =>
      entry.endsWith('*') ? !CHROMIUM_ROWS.some(([name]) => name.startsWith(entry.slice(0, -1))) : !CHROMIUM_ROWS.some(([name]) => name === entry)
    )
    expect(uncovered).toEqual([])
  })

  it('pc_offline is its own plain message', async () => {
    const net = createNetFetchStandIn()
    net.failWith('ERR_INTERNET_DISCONNECTED')
    const error = failed(await clientOn('http://127.0.0.1:9/api/v4/', createApiFetch(net.fetch)).deactivateBundle(REQUEST))
    expect(error).toMatchObject({ code: 'pc_offline', status: 0, title: 'This PC is offline' })
  })

  it('a refused connection is resent once (the request never left), then cannot_connect_to_server', async () => {
    const port = await closedPort()
    const net = createNetFetchStandIn()
    const error = failed(await clientOn(`http://127.0.0.1:${port}/api/v4/`, createApiFetch(net.fetch)).deactivateBundle(REQUEST))
    expect(error.code).toBe('cannot_connect_to_server')
    expect(net.calls).toHaveLength(2)
  })

  it.each([
    ['Content-Length', 'content-length: 200\r\n', '"license_'],
    ['chunked', 'transfer-encoding: chunked\r\n', '9\r\n"license_\r\n']
  ])('a %s body cut short (the body stream fails with a net:: name) → connection_reset, not resent', async (_label, header, partial) => {
    const server = await startTcpServer((socket) => {
      socket.once('data', () => {
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${header}\r\n${partial}`)
        setTimeout(() => socket.destroy(), 20)
      })
    })
    cleanups.push(server.close)
    const net = createNetFetchStandIn()
    const error = failed(await clientOn(server.apiUrl, createApiFetch(net.fetch)).deactivateBundle(REQUEST))
    expect(error.code).toBe('connection_reset')
    expect(net.calls).toHaveLength(1)
  })

  it('the deadline still ends a call whose body stops arriving (abort while reading the body)', async () => {
    const server = await startTcpServer((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n"license_'))
    })
    cleanups.push(server.close)
    const error = failed(await clientOn(server.apiUrl, createApiFetch(createNetFetchStandIn().fetch), 300).deactivateBundle(REQUEST))
    expect(error.code).toBe('timeout')
  })
})
