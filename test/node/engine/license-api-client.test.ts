import { afterEach, describe, expect, it } from 'vitest'
import { hmacSignature } from '../../../src/main/engine/auth/hmac'
import { createLicenseApiClient, toBundleRequestBody } from '../../../src/main/engine/license-api-client'
import type { ResolvedRequest } from '../../../src/shared/request'
import { startHttpServer, type RecordedRequest } from './support/servers'
import { expectOk } from '../../support/expect-ok'

const AUTH = { scheme: 'hmac' as const, apiKey: 'client-test-key', sharedKey: 'client-test-shared' }
const KEY_REQUEST: ResolvedRequest = { product: 'office-suite', hardwareId: 'hw-1', credentials: { method: 'license-key', licenseKey: 'KEY-1' } }

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

async function serve(answer: (req: RecordedRequest) => { status: number; body: string; contentType?: string }) {
  const server = await startHttpServer((req, res) => {
    const a = answer(req)
    res.writeHead(a.status, { 'content-type': a.contentType ?? 'application/json' })
    res.end(a.body)
  })
  cleanups.push(server.close)
  return server
}

const client = (apiUrl: string) => createLicenseApiClient({ apiUrl, auth: AUTH, fetch, timeoutMs: 2_000, sdkVersion: 'License Manager 9.9.9' })

describe('toBundleRequestBody', () => {
  it.each<[ResolvedRequest['credentials'], Record<string, string>]>([
    [{ method: 'license-key', licenseKey: 'K' }, { license_key: 'K' }],
    [
      { method: 'user', username: 'u@x.test', password: ' p w ' },
      { username: 'u@x.test', password: ' p w ' }
    ],
    [
      { method: 'sso-token', idToken: 'tok', customerAccountCode: 'acme' },
      { id_token: 'tok', customer_account_code: 'acme' }
    ],
    [
      { method: 'sso-code', code: 'c0de', customerAccountCode: 'acme' },
      { code: 'c0de', customer_account_code: 'acme' }
    ],
    [
      { method: 'sso-code', code: 'c0de', customerAccountCode: 'acme', redirectUri: 'http://127.0.0.1:5000' },
      { code: 'c0de', customer_account_code: 'acme', redirect_uri: 'http://127.0.0.1:5000' }
    ]
  ])('sends exactly the %o credential set, the required fields and sdk_ver', (credentials, fields) => {
    expect(toBundleRequestBody({ product: 'p', hardwareId: 'h', licenseId: 7, credentials }, 'App 1.0')).toEqual({
      hardware_id: 'h',
      product: 'p',
      ...fields,
      license_id: 7,
      sdk_ver: 'App 1.0'
    })
  })
})

describe('deactivateBundle', () => {
  it('POSTs signed JSON to deactivate_bundle and accepts the JSON-quoted confirmation', async () => {
    const server = await serve(() => ({ status: 200, body: '"license_deactivated"' }))
    const outcome = await client(server.apiUrl).deactivateBundle({ ...KEY_REQUEST, licenseId: 42 })
    expect(outcome).toEqual({ ok: true, value: 'license_deactivated' })
    const [sent] = server.requests
    expect(sent!.method).toBe('POST')
    expect(sent!.url).toBe('/api/v4/deactivate_bundle')
    expect(sent!.headers['content-type']).toBe('application/json')
    expect(sent!.headers.accept).toBe('application/json')
    expect(JSON.parse(sent!.body)).toEqual({
      hardware_id: 'hw-1',
      product: 'office-suite',
      license_key: 'KEY-1',
      license_id: 42,
      sdk_ver: 'License Manager 9.9.9'
    })
    const date = sent!.headers.date!
    expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(5_000)
    expect(sent!.headers.authorization).toBe(
      `algorithm="hmac-sha256",headers="date",signature="${hmacSignature(AUTH.sharedKey, date)}",apikey="${AUTH.apiKey}"`
    )
  })

  it.each([['license_deactivated'], ['license_deactivated\n'], ['  "license_deactivated"  ']])('accepts the raw or quoted confirmation %j', async (body) => {
    const server = await serve(() => ({ status: 200, body, contentType: 'text/plain' }))
    expectOk(await client(server.apiUrl).deactivateBundle(KEY_REQUEST))
  })

  it.each([['"license_activated"'], ['license_deactivated_later'], ['{"license_deactivated":true}'], ['[]']])(
    'calls %j on 200 an unexpected_response',
    async (body) => {
      const server = await serve(() => ({ status: 200, body }))
      const outcome = await client(server.apiUrl).deactivateBundle(KEY_REQUEST)
      expect(outcome.ok ? 'ok' : outcome.error.code).toBe('unexpected_response')
    }
  )

  it('does not resend a POST after a server error', async () => {
    const server = await serve(() => ({ status: 500, body: '{"status":500,"code":"internal_error","message":"boom"}' }))
    const outcome = await client(server.apiUrl).deactivateBundle(KEY_REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('internal_error')
    expect(server.requests).toHaveLength(1)
  })

  it('does not follow a redirect with the credentials', async () => {
    const target = await serve(() => ({ status: 200, body: '"license_deactivated"' }))
    const server = await startHttpServer((_req, res) => {
      res.writeHead(307, { location: `${target.apiUrl}deactivate_bundle` })
      res.end()
    })
    cleanups.push(server.close)
    const outcome = await client(server.apiUrl).deactivateBundle(KEY_REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ code: 'html_error_body', status: 307 })
    expect(target.requests).toHaveLength(0)
  })
})

describe('ssoUrl', () => {
  it.each([['code' as const], ['token' as const]])('GETs sso_url signed, always with response_type=%s', async (responseType) => {
    const server = await serve(() => ({
      status: 200,
      body: JSON.stringify({ url: 'https://idp.example.com/auth?x=1', openid_configuration: { issuer: 'https://idp.example.com' } })
    }))
    const outcome = await client(server.apiUrl).ssoUrl({ product: 'design-pack', customerAccountCode: 'acme & co', responseType })
    expect(outcome).toEqual({ ok: true, value: { url: 'https://idp.example.com/auth?x=1', openidConfiguration: { issuer: 'https://idp.example.com' } } })
    const [sent] = server.requests
    expect(sent!.method).toBe('GET')
    const url = new URL(sent!.url, server.origin)
    expect(url.pathname).toBe('/api/v4/sso_url')
    expect(Object.fromEntries(url.searchParams)).toEqual({ product: 'design-pack', customer_account_code: 'acme & co', response_type: responseType })
    expect(sent!.headers.authorization).toContain(`apikey="${AUTH.apiKey}"`)
    expect(sent!.body).toBe('')
  })

  it('refuses an answer without a usable url', async () => {
    const server = await serve(() => ({ status: 200, body: '{"url":"not a url"}' }))
    const outcome = await client(server.apiUrl).ssoUrl({ product: 'p', customerAccountCode: 'a', responseType: 'code' })
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('unexpected_response')
  })

  it('maps a refusal from the server', async () => {
    const server = await serve(() => ({ status: 400, body: '{"status":400,"code":"sso_not_enabled","message":"no"}' }))
    const outcome = await client(server.apiUrl).ssoUrl({ product: 'p', customerAccountCode: 'a', responseType: 'code' })
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('sso_not_enabled')
  })
})

describe('activateBundle', () => {
  it('returns the licence objects of the answer', async () => {
    const server = await serve(() => ({ status: 200, body: '[{"id":1,"hardware_id":"hw-1"},{"id":2,"hardware_id":"hw-1"}]' }))
    const outcome = await client(server.apiUrl).activateBundle(KEY_REQUEST)
    expect(outcome).toEqual({
      ok: true,
      value: [
        { id: 1, hardware_id: 'hw-1' },
        { id: 2, hardware_id: 'hw-1' }
      ]
    })
    expect(server.requests[0]!.url).toBe('/api/v4/activate_bundle')
  })

  it('calls a non-array success unexpected_response', async () => {
    const server = await serve(() => ({ status: 200, body: '"license_activated"' }))
    const outcome = await client(server.apiUrl).activateBundle(KEY_REQUEST)
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('unexpected_response')
  })
})
