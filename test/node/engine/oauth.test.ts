import { afterEach, describe, expect, it } from 'vitest'
import { createOAuthTokenSource } from '../../../src/main/engine/auth/oauth'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import type { ResolvedRequest } from '../../../src/shared/request'
import { closedPort, startHttpServer, type RecordedRequest } from './support/servers'
import { expectOk } from '../../support/expect-ok'

const SECRET = 'oauth-client-secret-never-shown'
const REQUEST: ResolvedRequest = { product: 'office-suite', hardwareId: 'hw-1', credentials: { method: 'license-key', licenseKey: 'KEY-1' } }

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

interface FakeAuthServer {
  tokenUrl: string
  apiUrl: string
  tokenRequests: RecordedRequest[]
  apiRequests: RecordedRequest[]
}

/**
 * One loopback server playing the OAuth token endpoint (/token) and the License API
 * (/api/v4/…). Tokens are "token-1", "token-2", … `apiAnswer` decides each API answer.
 */
async function startFakeAuthServer(options: {
  tokenAnswer?: (index: number) => { status: number; body: string }
  apiAnswer?: (req: RecordedRequest, index: number) => { status: number; body: string }
  tokenDelayMs?: number
}): Promise<FakeAuthServer> {
  const tokenRequests: RecordedRequest[] = []
  const apiRequests: RecordedRequest[] = []
  const server = await startHttpServer((req, res) => {
    const send = (a: { status: number; body: string }) => {
      res.writeHead(a.status, { 'content-type': 'application/json' })
      res.end(a.body)
    }
    if (req.url === '/token') {
      tokenRequests.push(req)
      const n = tokenRequests.length
      const answer = options.tokenAnswer?.(n) ?? { status: 200, body: JSON.stringify({ access_token: `token-${n}`, expires_in: 300, token_type: 'Bearer' }) }
      setTimeout(() => send(answer), options.tokenDelayMs ?? 0)
      return
    }
    apiRequests.push(req)
    send(options.apiAnswer?.(req, apiRequests.length) ?? { status: 200, body: '"license_deactivated"' })
  })
  cleanups.push(server.close)
  return { tokenUrl: `${server.origin}/token`, apiUrl: server.apiUrl, tokenRequests, apiRequests }
}

const oauthClient = (server: FakeAuthServer, now?: () => number) =>
  createLicenseApiClient({
    apiUrl: server.apiUrl,
    auth: { scheme: 'oauth', tokenUrl: server.tokenUrl, clientId: 'client-1', clientSecret: SECRET },
    fetch,
    timeoutMs: 2_000,
    sdkVersion: 'Test 1',
    ...(now ? { now } : {})
  })

const envelope = (code: string, status = 401) => ({ status, body: JSON.stringify({ status, code, message: code }) })

describe('OAuth client credentials', () => {
  it('fetches a token form-encoded and sends it as a bearer token with a Date', async () => {
    const server = await startFakeAuthServer({})
    expectOk(await oauthClient(server).deactivateBundle(REQUEST))
    const [tokenRequest] = server.tokenRequests
    expect(tokenRequest!.method).toBe('POST')
    expect(tokenRequest!.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(tokenRequest!.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: SECRET
    })
    expect(server.apiRequests[0]!.headers.authorization).toBe('Bearer token-1')
    expect(Number.isNaN(Date.parse(server.apiRequests[0]!.headers.date!))).toBe(false)
  })

  it('reuses the cached token until shortly before expires_in, then fetches a new one', async () => {
    let clock = Date.parse('2030-01-01T00:00:00Z')
    const server = await startFakeAuthServer({})
    const client = oauthClient(server, () => clock)
    await client.deactivateBundle(REQUEST)
    clock += 200_000
    await client.deactivateBundle(REQUEST)
    expect(server.tokenRequests).toHaveLength(1)
    clock += 90_000 // 290 s of 300: inside the renewal margin
    await client.deactivateBundle(REQUEST)
    expect(server.tokenRequests).toHaveLength(2)
    expect(server.apiRequests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2'])
  })

  it('shares one token fetch between concurrent calls', async () => {
    const server = await startFakeAuthServer({ tokenDelayMs: 50 })
    const client = oauthClient(server)
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => client.deactivateBundle(REQUEST)))
    expect(outcomes.every((o) => o.ok)).toBe(true)
    expect(server.tokenRequests).toHaveLength(1)
    expect(server.apiRequests).toHaveLength(5)
  })

  it.each([['oauth_token_expired'], ['oauth_token_malformed']])('on %s fetches a new token and retries the call once', async (code) => {
    const server = await startFakeAuthServer({ apiAnswer: (_req, n) => (n === 1 ? envelope(code) : { status: 200, body: '"license_deactivated"' }) })
    const outcome = await oauthClient(server).deactivateBundle(REQUEST)
    expectOk(outcome)
    expect(server.tokenRequests).toHaveLength(2)
    expect(server.apiRequests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
  })

  it('retries only once: a second refusal is reported', async () => {
    const server = await startFakeAuthServer({ apiAnswer: () => envelope('oauth_token_expired') })
    const outcome = await oauthClient(server).deactivateBundle(REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('oauth_token_expired')
    expect(server.apiRequests).toHaveLength(2)
  })

  it('does not retry other refusals', async () => {
    const server = await startFakeAuthServer({ apiAnswer: () => envelope('device_not_found', 400) })
    const outcome = await oauthClient(server).deactivateBundle(REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('device_not_found')
    expect(server.apiRequests).toHaveLength(1)
    expect(server.tokenRequests).toHaveLength(1)
  })

  it('a refused token request is oauth_token_request_failed, with the OAuth error and never the secret; the API is not called', async () => {
    const server = await startFakeAuthServer({
      tokenAnswer: () => ({ status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: 'Invalid client credentials' }) })
    })
    const outcome = await oauthClient(server).deactivateBundle(REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({
      code: 'oauth_token_request_failed',
      status: 401,
      serverMessage: 'invalid_client: Invalid client credentials'
    })
    expect(JSON.stringify(outcome)).not.toContain(SECRET)
    expect(server.apiRequests).toHaveLength(0)
  })

  it.each([
    ['no access_token', '{"expires_in":300}'],
    ['not JSON', 'ok'],
    ['another token type', '{"access_token":"t","token_type":"mac"}']
  ])('a token answer with %s is oauth_token_request_failed', async (_label, body) => {
    const server = await startFakeAuthServer({ tokenAnswer: () => ({ status: 200, body }) })
    const outcome = await oauthClient(server).deactivateBundle(REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ code: 'oauth_token_request_failed', status: 200 })
  })

  it('an unreachable token server is reported as the transport failure it is', async () => {
    const server = await startFakeAuthServer({})
    const port = await closedPort()
    const client = createLicenseApiClient({
      apiUrl: server.apiUrl,
      auth: { scheme: 'oauth', tokenUrl: `http://127.0.0.1:${port}/token`, clientId: 'c', clientSecret: SECRET },
      fetch,
      timeoutMs: 2_000,
      sdkVersion: 'Test 1'
    })
    const outcome = await client.deactivateBundle(REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('cannot_connect_to_server')
    expect(outcome.ok ? '' : outcome.error.explanation).toContain('OAuth token server')
    expect(server.apiRequests).toHaveLength(0)
  })
})

describe('createOAuthTokenSource.invalidate', () => {
  it('forgets only the token it is told about', async () => {
    const server = await startFakeAuthServer({})
    const tokens = createOAuthTokenSource({ tokenUrl: server.tokenUrl, clientId: 'c', clientSecret: 's', fetch, timeoutMs: 2_000 })
    const first = await tokens.token()
    expect(first).toEqual({ ok: true, value: 'token-1' })
    tokens.invalidate('some-older-token')
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-1' })
    tokens.invalidate('token-1')
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-2' })
    tokens.invalidate()
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-3' })
  })

  it('does not cache a failure', async () => {
    const server = await startFakeAuthServer({
      tokenAnswer: (n) => (n === 1 ? { status: 503, body: '' } : { status: 200, body: '{"access_token":"later","expires_in":60}' })
    })
    const tokens = createOAuthTokenSource({ tokenUrl: server.tokenUrl, clientId: 'c', clientSecret: 's', fetch, timeoutMs: 2_000 })
    expect((await tokens.token()).ok).toBe(false)
    expect(await tokens.token()).toEqual({ ok: true, value: 'later' })
  })
})

describe('the token source on its own', () => {
  /** A token server whose n-th answer (from 1) the test writes; headers as given, JSON by default. */
  async function tokenServer(answer: (n: number) => { status: number; body: string; headers?: Record<string, string> }) {
    const server = await startHttpServer((_req, res, index) => {
      const a = answer(index + 1)
      res.writeHead(a.status, a.headers ?? { 'content-type': 'application/json' })
      res.end(a.body)
    })
    cleanups.push(server.close)
    return server
  }
  const issued = (n: number, fields: Record<string, unknown> = {}) => ({ status: 200, body: JSON.stringify({ access_token: `token-${n}`, ...fields }) })
  const source = (server: { origin: string }, now?: () => number) =>
    createOAuthTokenSource({ tokenUrl: `${server.origin}/token`, clientId: 'client-1', clientSecret: SECRET, fetch, timeoutMs: 2_000, ...(now ? { now } : {}) })
  const refusal = (outcome: { ok: true } | { ok: false; error: object }) => (outcome.ok ? 'a token' : outcome.error)

  it('asks the token server for JSON', async () => {
    const server = await tokenServer((n) => issued(n))
    await source(server).token()
    expect(server.requests[0]!.headers.accept).toBe('application/json')
  })

  it.each<[string, Record<string, unknown>, number, number]>([
    // [case, token answer fields, seconds later still the same token, seconds later a new one]
    ['a one-hour token is renewed 30 s before it ends, not earlier', { expires_in: 3600 }, 3569, 3570],
    ['a one-minute token is renewed a tenth of its life (6 s) before it ends', { expires_in: 60 }, 53, 54],
    ['a token without expires_in is trusted for a minute', {}, 53, 54],
    ['a token whose expires_in is text holding a number lives that long', { expires_in: '3600' }, 3569, 3570],
    ['a token whose expires_in is zero is trusted for a minute', { expires_in: 0 }, 53, 54],
    ['a token whose expires_in is negative is trusted for a minute', { expires_in: -5 }, 53, 54],
    ['a token whose expires_in is not a number is trusted for a minute', { expires_in: 'soon' }, 53, 54],
    ['a token whose expires_in is true is trusted for a minute, not for one second', { expires_in: true }, 53, 54],
    ['a token whose expires_in is a list is trusted for a minute', { expires_in: [3600] }, 53, 54]
  ])('%s', async (_name, fields, stillSame, renewed) => {
    const start = Date.parse('2030-01-01T00:00:00Z')
    let clock = start
    const server = await tokenServer((n) => issued(n, fields))
    const tokens = source(server, () => clock)
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-1' })
    clock = start + stillSame * 1000
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-1' })
    clock = start + renewed * 1000
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-2' })
  })

  it('a token whose expires_in is too large to be a number (1e400) is trusted for a minute, not for ever', async () => {
    const start = Date.parse('2030-01-01T00:00:00Z')
    let clock = start
    const server = await tokenServer((n) => ({ status: 200, body: `{"access_token":"token-${n}","expires_in":1e400}` }))
    const tokens = source(server, () => clock)
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-1' })
    clock = start + 54_000
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-2' })
  })

  it('the secrets are the client secret and the tokens issued, nothing else', async () => {
    const server = await tokenServer((n) => issued(n))
    const tokens = source(server)
    expect(tokens.secrets()).toEqual([SECRET])
    await tokens.token()
    expect(tokens.secrets()).toEqual([SECRET, 'token-1'])
  })

  it('forgetting a token before any was fetched does nothing, and does not fail', async () => {
    const server = await tokenServer((n) => issued(n))
    const tokens = source(server)
    expect(() => tokens.invalidate('token-0')).not.toThrow()
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-1' })
  })

  it('remembers the client secret and the last four tokens as secrets, not older ones', async () => {
    const server = await tokenServer((n) => issued(n))
    const tokens = source(server)
    for (let i = 0; i < 5; i++) {
      await tokens.token()
      tokens.invalidate()
    }
    expect(tokens.secrets()).toEqual([SECRET, 'token-2', 'token-3', 'token-4', 'token-5'])
  })

  it.each([
    ['a space', 'tok en'],
    ['a line break', 'tok\r\nX-Injected: 1'],
    ['a quote', 'tok"en'],
    ['nothing', '']
  ])('a token holding %s is refused, so it can never break the Authorization header', async (_name, token) => {
    const server = await tokenServer(() => ({ status: 200, body: JSON.stringify({ access_token: token }) }))
    expect(refusal(await source(server).token())).toMatchObject({
      code: 'oauth_token_request_failed',
      status: 200,
      serverMessage: 'The token server’s answer holds no usable bearer access token.'
    })
  })

  it.each([
    ['JSON null', 'null'],
    ['a JSON number', '5'],
    ['a token of another type than text', '{"access_token":5}'],
    ['a token type that is not text', '{"access_token":"t","token_type":5}']
  ])('an answer that is %s is refused as holding no usable token', async (_name, body) => {
    const server = await tokenServer(() => ({ status: 200, body }))
    expect(refusal(await source(server).token())).toMatchObject({ code: 'oauth_token_request_failed', status: 200 })
  })

  it('takes a bearer token whatever the case of its type, and any 2xx answer', async () => {
    const server = await tokenServer((n) => ({
      status: n === 1 ? 201 : 299,
      body: JSON.stringify({ access_token: `token-${n}`, token_type: n === 1 ? 'bearer' : 'BEARER' })
    }))
    const tokens = source(server)
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-1' })
    tokens.invalidate()
    expect(await tokens.token()).toEqual({ ok: true, value: 'token-2' })
  })

  it.each<[string, string, string | undefined]>([
    ['the OAuth error alone', '{"error":"invalid_client"}', 'invalid_client'],
    ['the description alone', '{"error_description":"Client disabled"}', 'Client disabled'],
    ['empty OAuth fields as no words', '{"error":"","error_description":""}', undefined],
    ['an answer that is not JSON as no words', 'Forbidden', undefined]
  ])('a refusal shows %s from the token server', async (_name, body, words) => {
    const server = await tokenServer(() => ({ status: 400, body }))
    const error = refusal(await source(server).token())
    expect(error).toMatchObject({ code: 'oauth_token_request_failed', status: 400 })
    if (words === undefined) expect(error).not.toHaveProperty('serverMessage')
    else expect(error).toHaveProperty('serverMessage', words)
  })

  it('a refusal’s words are kept up to 64 KiB and cut there', async () => {
    const server = await tokenServer(() => ({ status: 400, body: JSON.stringify({ error: 'x'.repeat(70_000) }) }))
    const error = refusal(await source(server).token())
    expect(error).toHaveProperty('serverMessage', 'x'.repeat(64 * 1024))
  })

  it('a redirect while fetching a token is named for the token server, and not followed', async () => {
    const server = await tokenServer(() => ({ status: 302, body: '', headers: { location: 'https://elsewhere.example/token' } }))
    const error = refusal(await source(server).token())
    expect(error).toMatchObject({ code: 'html_error_body', status: 302 })
    expect(JSON.stringify(error)).toContain('OAuth token server')
    expect(server.requests).toHaveLength(1)
  })

  it('a token answer larger than any token server sends is not read, and says so for the token server', async () => {
    const server = await tokenServer(() => ({ status: 200, body: JSON.stringify({ access_token: 't', padding: 'x'.repeat(2 * 1024 * 1024) }) }))
    const error = refusal(await source(server).token())
    expect(error).toMatchObject({ code: 'response_too_large', status: 200 })
    expect(JSON.stringify(error)).toContain('OAuth token server')
  })
})
