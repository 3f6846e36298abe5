import { afterEach, describe, expect, it } from 'vitest'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import type { Outcome } from '../../../src/shared/outcome'
import type { ResolvedRequest } from '../../../src/shared/request'
import { closedPort, countingFetch, startHttpServer, startTcpServer } from './support/servers'
import { stringMatching } from '../../support/matchers'

const REQUEST: ResolvedRequest = { product: 'office-suite', hardwareId: 'hw-1', credentials: { method: 'license-key', licenseKey: 'KEY-1' } }
const AUTH = { scheme: 'hmac' as const, apiKey: 'api-key', sharedKey: 'shared-key' }

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

function clientFor(apiUrl: string, timeoutMs = 2_000) {
  const fetchSpy = countingFetch()
  return { client: createLicenseApiClient({ apiUrl, auth: AUTH, fetch: fetchSpy, timeoutMs, sdkVersion: 'Test 1.0' }), fetchSpy }
}

function errorCode(outcome: Outcome<unknown>): string {
  if (outcome.ok) throw new Error('expected a failure')
  return outcome.error.code
}

/** An HTTP/1.1 head for raw sockets. */
const head = (status: string, headers: Record<string, string | number>) =>
  `HTTP/1.1 ${status}\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`

describe('transport failures over real loopback sockets', () => {
  it('a refused connection is cannot_connect_to_server, after exactly one resend', async () => {
    const port = await closedPort()
    const { client, fetchSpy } = clientFor(`http://127.0.0.1:${port}/api/v4/`)
    const outcome = await client.deactivateBundle(REQUEST)
    expect(errorCode(outcome)).toBe('cannot_connect_to_server')
    // No HTTP answer came, so there is no HTTP status to show.
    expect(outcome.ok ? 'ok' : outcome.error.status).toBe(0)
    expect(fetchSpy.calls).toBe(2)
    // No HTTP answer came: no status, and the socket's cause is kept for diagnostics.
    expect(outcome).toMatchObject({ ok: false, error: { status: 0, networkCause: `ECONNREFUSED 127.0.0.1:${port}` } })
  })

  it('a name that does not resolve keeps the host name as its cause; a bad port says so', async () => {
    const dns = await clientFor('http://no-such-host.invalid/api/v4/').client.deactivateBundle(REQUEST)
    expect(dns).toMatchObject({
      ok: false,
      error: { code: 'dns_failure', status: 0, networkCause: stringMatching(/^(ENOTFOUND|EAI_AGAIN) no-such-host\.invalid$/) }
    })
    const badPort = await clientFor('http://127.0.0.1:6000/api/v4/').client.deactivateBundle(REQUEST)
    expect(badPort).toMatchObject({ ok: false, error: { status: 0, networkCause: 'bad port' } })
  })

  it('a server that accepts and never answers ends in timeout within timeoutMs plus slack, without a resend', async () => {
    const server = await startTcpServer(() => undefined)
    cleanups.push(server.close)
    const { client, fetchSpy } = clientFor(server.apiUrl, 300)
    const started = performance.now()
    const outcome = await client.deactivateBundle(REQUEST)
    const elapsed = performance.now() - started
    expect(errorCode(outcome)).toBe('timeout')
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(300 + 1_500)
    expect(server.connections()).toBe(1)
    expect(fetchSpy.calls).toBe(1)
  })

  it('a body that stops arriving after the headers also ends in timeout (the deadline covers the body)', async () => {
    const server = await startTcpServer((socket) => {
      socket.once('data', () => socket.write(head('200 OK', { 'content-type': 'application/json', 'content-length': 100 }) + '"license_'))
    })
    cleanups.push(server.close)
    const { client } = clientFor(server.apiUrl, 400)
    const started = performance.now()
    const outcome = await client.deactivateBundle(REQUEST)
    expect(errorCode(outcome)).toBe('timeout')
    expect(performance.now() - started).toBeLessThan(400 + 1_500)
  })

  it('a connection reset in the middle of the body is connection_reset, without a resend', async () => {
    const server = await startTcpServer((socket) => {
      socket.once('data', () => {
        socket.write(head('200 OK', { 'content-type': 'application/json', 'content-length': 100 }) + '"license_', () => socket.resetAndDestroy())
      })
    })
    cleanups.push(server.close)
    const { client, fetchSpy } = clientFor(server.apiUrl)
    expect(errorCode(await client.deactivateBundle(REQUEST))).toBe('connection_reset')
    expect(fetchSpy.calls).toBe(1)
  })

  it('a connection closed before any answer is connection_reset, and a POST is not resent', async () => {
    const server = await startTcpServer((socket) => socket.once('data', () => socket.destroy()))
    cleanups.push(server.close)
    const { client, fetchSpy } = clientFor(server.apiUrl)
    expect(errorCode(await client.deactivateBundle(REQUEST))).toBe('connection_reset')
    expect(fetchSpy.calls).toBe(1)
    expect(server.connections()).toBe(1)
  })

  it('bytes that are not HTTP at all are a network_error', async () => {
    const server = await startTcpServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n')))
    cleanups.push(server.close)
    const { client } = clientFor(server.apiUrl)
    expect(errorCode(await client.deactivateBundle(REQUEST))).toBe('network_error')
  })
})

describe('unusable HTTP answers', () => {
  it.each([
    ['an HTML error page', 403, 'text/html', '<html><body>Access denied by proxy</body></html>', 'html_error_body'],
    ['an HTML page with 200 (captive portal)', 200, 'text/html', '<!DOCTYPE html><title>Wi-Fi login</title>', 'html_error_body'],
    ['an empty error', 400, 'application/json', '', 'empty_error_body'],
    ['a garbage error', 400, 'text/plain', '%%%garbage%%%', 'non_json_error_body'],
    ['a garbage success', 200, 'application/json', '{"result":"done"}', 'unexpected_response'],
    ['an empty success', 200, 'text/plain', '', 'unexpected_response'],
    ['a gateway error', 502, 'text/plain', 'Bad Gateway', 'internal_error'],
    ['an overloaded server', 503, 'text/plain', '', 'server_unavailable'],
    ['a rate limit', 429, 'text/plain', 'slow down', 'too_many_requests']
  ])('%s (HTTP %i) is mapped with the real status', async (_label, status, contentType, body, code) => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(status, { 'content-type': contentType })
      res.end(body)
    })
    cleanups.push(server.close)
    const { client } = clientFor(server.apiUrl)
    const outcome = await client.deactivateBundle(REQUEST)
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatchObject({ code, status })
    expect(server.requests).toHaveLength(1)
  })
})
