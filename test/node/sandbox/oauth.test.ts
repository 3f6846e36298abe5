import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { callApi, expectRefusal, send } from './helpers'
import { anyString } from '../../support/matchers'

/** A clock the tests move forward to expire tokens. */
let clock = Date.parse('2025-06-01T08:00:00Z')
let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false, now: () => clock, tokenLifetimeSeconds: 60 })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const requestToken = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  send(sandbox.origin, {
    path: '/auth/token',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString()
  })

const bearer = (token: string) => ({ Date: new Date(clock).toUTCString(), Authorization: `Bearer ${token}` })
const PROBE = { product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', hardware_id: 'sandbox-pc-1' }

async function token(clientId = sandbox.oauth.clientId, clientSecret = sandbox.oauth.clientSecret): Promise<string> {
  const response = await requestToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })
  expect(response.status).toBe(200)
  return (response.json as { access_token: string }).access_token
}

describe('client-credentials token endpoint', () => {
  it('advertises itself in RunningSandbox.oauth', () => {
    expect(sandbox.oauth).toEqual({
      tokenUrl: `${sandbox.origin}/auth/token`,
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-client-secret'
    })
  })

  it('issues a bearer token with its lifetime', async () => {
    const response = await requestToken({ grant_type: 'client_credentials', client_id: 'sandbox-client', client_secret: 'sandbox-client-secret' })
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({ token_type: 'Bearer', expires_in: 60, access_token: anyString() })
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('accepts HTTP Basic client authentication too', async () => {
    const basic = Buffer.from('sandbox-client:sandbox-client-secret').toString('base64')
    const response = await requestToken({ grant_type: 'client_credentials' }, { Authorization: `Basic ${basic}` })
    expect(response.status).toBe(200)
  })

  it('401 invalid_client for a wrong secret or an unknown client', async () => {
    for (const [id, secret] of [
      ['sandbox-client', 'wrong'],
      ['nobody', 'sandbox-client-secret']
    ] as const) {
      const response = await requestToken({ grant_type: 'client_credentials', client_id: id, client_secret: secret })
      expect(response.status).toBe(401)
      expect(response.json).toMatchObject({ error: 'invalid_client' })
      expect(response.text).not.toContain(secret)
    }
  })

  it('400 unsupported_grant_type for another grant', async () => {
    const response = await requestToken({ grant_type: 'password', client_id: 'sandbox-client', client_secret: 'sandbox-client-secret' })
    expect(response.status).toBe(400)
    expect(response.json).toMatchObject({ error: 'unsupported_grant_type' })
  })
})

describe('Bearer authorization on the License API', () => {
  it('a fresh token deactivates', async () => {
    const response = await callApi(sandbox.origin, 'deactivate_bundle', PROBE, { headers: bearer(await token()) })
    expect(response.json).toBe('license_deactivated')
  })

  it('still requires a Date header', async () => {
    const response = await callApi(sandbox.origin, 'deactivate_bundle', PROBE, { headers: { Authorization: `Bearer ${await token()}` } })
    expectRefusal(response, 400, 'missing_headers')
  })

  it('oauth_token_expired (401) once the lifetime has passed', async () => {
    const issued = await token()
    clock += 61_000
    const response = await callApi(sandbox.origin, 'deactivate_bundle', PROBE, { headers: bearer(issued) })
    expectRefusal(response, 401, 'oauth_token_expired')
    // A new token works again.
    expect((await callApi(sandbox.origin, 'deactivate_bundle', PROBE, { headers: bearer(await token()) })).status).toBe(200)
  })

  it('oauth_token_malformed (401) for a token the sandbox did not issue', async () => {
    const issued = await token()
    const forged = issued.slice(0, -2) + (issued.endsWith('AA') ? 'BB' : 'AA')
    for (const bad of ['not-a-token', forged, '']) {
      const response = await callApi(sandbox.origin, 'deactivate_bundle', PROBE, { headers: bearer(bad) })
      expectRefusal(response, 401, 'oauth_token_malformed')
    }
  })

  it('a token of a client scoped to another bundle gets api_key_product_not_allowed', async () => {
    const scoped = await token('sandbox-design-only-client', 'sandbox-design-only-client-secret')
    const response = await callApi(sandbox.origin, 'deactivate_bundle', PROBE, { headers: bearer(scoped) })
    expectRefusal(response, 400, 'api_key_product_not_allowed')
  })
})
