import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseHmacAuthorization } from '../../../src/sandbox/auth'
import { defaultSeed, type SeedFile } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { authorizationHeader, callApi, DEFAULT_KEY, expectRefusal, hmacSignature, send } from './helpers'

/** A fixed server clock, so the Date window can be tested to the second. */
const SERVER_NOW = Date.parse('2025-03-14T12:00:00Z')
const at = (offsetSeconds: number) => new Date(SERVER_NOW + offsetSeconds * 1000).toUTCString()

// A deactivation that passes every check after authentication: the hardware id is not
// active, so an authenticated request answers device_not_found — proof auth let it through.
const PROBE = { hardware_id: 'never-activated', product: 'office-suite', license_key: 'OFFICE-2222-IN-USE' }
const AUTHENTICATED = 'device_not_found'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false, now: () => SERVER_NOW })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const probe = (headers: Record<string, string>) => callApi(sandbox.origin, 'deactivate_bundle', PROBE, { headers })
const signed = (date: string, key = DEFAULT_KEY) => ({ Date: date, Authorization: authorizationHeader(key, date) })

describe('HMAC known-answer vector from the vendor docs', () => {
  it('the test helper reproduces the documented signature', () => {
    expect(hmacSignature('kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja', 'Tue, 07 Jun 2011 20:51:35 GMT')).toBe('UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=')
  })

  it('the sandbox accepts the documented header and signature verbatim', async () => {
    const seed: SeedFile = {
      ...defaultSeed(),
      apiKeys: [{ apiKey: 'docs-key', sharedKey: 'kw4qSnpSwXzgiv5yxYpZZmFEd9QAeiKTQ6OuyMja' }]
    }
    const docs = await startSandbox({ seed, quiet: true, sso: false, now: () => Date.parse('Tue, 07 Jun 2011 20:51:35 GMT') })
    try {
      const response = await callApi(
        docs.origin,
        'deactivate_bundle',
        { ...PROBE },
        {
          headers: {
            Date: 'Tue, 07 Jun 2011 20:51:35 GMT',
            Authorization: 'algorithm="hmac-sha256", headers="date", signature="UDysfR6MndUZReo07Y9r+vErn8vSxrnQ5ulit18iJ/Q=", apikey="docs-key"'
          }
        }
      )
      expectRefusal(response, 400, AUTHENTICATED)
    } finally {
      await docs.close()
    }
  })
})

describe('Authorization spellings the SDKs and docs use', () => {
  const date = at(0)
  const signature = hmacSignature(DEFAULT_KEY.sharedKey, date)
  const spellings = {
    'node SDK: apikey, no spaces': `algorithm="hmac-sha256",headers="date",signature="${signature}",apikey="${DEFAULT_KEY.apiKey}"`,
    'Python SDK: apiKey, no spaces': `algorithm="hmac-sha256",headers="date",signature="${signature}",apiKey="${DEFAULT_KEY.apiKey}"`,
    'docs: ", " separators': `algorithm="hmac-sha256", headers="date", signature="${signature}", apikey="${DEFAULT_KEY.apiKey}"`,
    'spaces around = and upper-case names': `Algorithm = "hmac-sha256" ,HEADERS= "date",  Signature ="${signature}" , APIKEY="${DEFAULT_KEY.apiKey}"`,
    'parameters in another order': `apiKey="${DEFAULT_KEY.apiKey}",signature="${signature}",headers="date",algorithm="HMAC-SHA256"`
  }
  for (const [name, header] of Object.entries(spellings)) {
    it(`accepts ${name}`, async () => {
      expectRefusal(await probe({ Date: date, Authorization: header }), 400, AUTHENTICATED)
    })
  }

  it('parses parameter names case-insensitively and tolerates optional quotes', () => {
    expect(parseHmacAuthorization('apiKey="k" , algorithm=hmac-sha256')).toEqual({ apikey: 'k', algorithm: 'hmac-sha256' })
    expect(parseHmacAuthorization('just some text')).toBeNull()
    expect(parseHmacAuthorization('apikey="a",apikey="b"')).toBeNull()
  })
})

describe('authorization errors', () => {
  const date = at(0)
  const sig = hmacSignature(DEFAULT_KEY.sharedKey, date)

  it('missing_headers without a Date header', async () => {
    expectRefusal(await probe({ Authorization: authorizationHeader(DEFAULT_KEY, date) }), 400, 'missing_headers')
  })

  it('missing_headers without an Authorization header', async () => {
    expectRefusal(await probe({ Date: date }), 400, 'missing_headers')
  })

  it('authorization_invalid_headers for an unparseable header', async () => {
    expectRefusal(await probe({ Date: date, Authorization: 'hello there' }), 400, 'authorization_invalid_headers')
  })

  it('authorization_invalid_headers when the signed headers do not include date', async () => {
    const header = `algorithm="hmac-sha256",headers="x-other",signature="${sig}",apikey="${DEFAULT_KEY.apiKey}"`
    expectRefusal(await probe({ Date: date, Authorization: header }), 400, 'authorization_invalid_headers')
  })

  it('authorization_missing_params when the signature parameter is absent', async () => {
    const header = `algorithm="hmac-sha256",headers="date",apikey="${DEFAULT_KEY.apiKey}"`
    const response = await probe({ Date: date, Authorization: header })
    expectRefusal(response, 400, 'authorization_missing_params')
    expect((response.json as { message: string }).message).toContain('signature')
  })

  it('authorization_missing_params when the API key parameter is absent', async () => {
    const header = `algorithm="hmac-sha256",headers="date",signature="${sig}"`
    expectRefusal(await probe({ Date: date, Authorization: header }), 400, 'authorization_missing_params')
  })

  it('hmac_required for another algorithm', async () => {
    const header = `algorithm="hmac-sha1",headers="date",signature="${sig}",apikey="${DEFAULT_KEY.apiKey}"`
    expectRefusal(await probe({ Date: date, Authorization: header }), 400, 'hmac_required')
  })

  it('invalid_api_key for an unknown key', async () => {
    expectRefusal(await probe(signed(date, { apiKey: 'no-such-key', sharedKey: 'x' })), 400, 'invalid_api_key')
  })

  it('revoked_api_key for a revoked key', async () => {
    const key = { apiKey: 'sandbox-revoked-api-key', sharedKey: 'sandbox-revoked-shared-key' }
    expectRefusal(await probe(signed(date, key)), 400, 'revoked_api_key')
  })

  it('signature_mismatch (401) for a wrong shared key', async () => {
    const header = authorizationHeader(DEFAULT_KEY, date, hmacSignature('not-the-shared-key', date))
    expectRefusal(await probe({ Date: date, Authorization: header }), 401, 'signature_mismatch')
  })

  it('signature_mismatch when the signature was made for another Date', async () => {
    const header = authorizationHeader(DEFAULT_KEY, date, hmacSignature(DEFAULT_KEY.sharedKey, at(-1)))
    expectRefusal(await probe({ Date: date, Authorization: header }), 401, 'signature_mismatch')
  })

  it('read_only_api_key for activate and deactivate with a read-only key', async () => {
    const key = { apiKey: 'sandbox-read-only-api-key', sharedKey: 'sandbox-read-only-shared-key' }
    const headers = signed(date, key)
    expectRefusal(await probe(headers), 400, 'read_only_api_key')
    const activation = await callApi(sandbox.origin, 'activate_bundle', { ...PROBE, hardware_id: 'ro-pc' }, { headers })
    expectRefusal(activation, 400, 'read_only_api_key')
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).not.toContain('ro-pc')
  })

  it('api_key_product_not_allowed for a key scoped to another bundle', async () => {
    const key = { apiKey: 'sandbox-design-only-api-key', sharedKey: 'sandbox-design-only-shared-key' }
    expectRefusal(await probe(signed(date, key)), 400, 'api_key_product_not_allowed')
    // The same key works on its own bundle.
    const own = await callApi(
      sandbox.origin,
      'deactivate_bundle',
      { hardware_id: 'never-activated', product: 'design-pack', username: 'bob@example.test', password: 'bob-password' },
      { headers: signed(date, key) }
    )
    expectRefusal(own, 400, AUTHENTICATED)
  })
})

describe('Date window: ±15 minutes around the server clock', () => {
  const cases: Array<[string, number, string]> = [
    ['exactly now', 0, AUTHENTICATED],
    ['15 minutes old', -900, AUTHENTICATED],
    ['15 minutes ahead', 900, AUTHENTICATED],
    ['15 minutes 1 second old', -901, 'date_header_diff'],
    ['15 minutes 1 second ahead', 901, 'date_header_diff'],
    ['a day old', -86_400, 'date_header_diff']
  ]
  for (const [name, offset, code] of cases) {
    it(`${name} → ${code}`, async () => {
      expectRefusal(await probe(signed(at(offset))), 400, code)
    })
  }

  it('date_header_diff for a Date that is not a date', async () => {
    expectRefusal(await probe(signed('yesterday-ish')), 400, 'date_header_diff')
  })
})

describe('routing', () => {
  it('404 not_found for an unknown path, in the error envelope', async () => {
    const response = await send(sandbox.origin, { method: 'POST', path: '/api/v4/no_such_thing', body: '{}' })
    expectRefusal(response, 404, 'not_found')
  })

  it('404 not_found for a known path with the wrong method', async () => {
    expectRefusal(await send(sandbox.origin, { method: 'GET', path: '/api/v4/deactivate_bundle' }), 404, 'not_found')
  })

  it('counts requests by path', async () => {
    const before = sandbox.stats()
    await probe(signed(at(0)))
    await callApi(sandbox.origin, 'deactivate_bundle/', PROBE, { date: at(0) })
    await send(sandbox.origin, { method: 'GET', path: '/nowhere' })
    const after = sandbox.stats()
    expect(after.requests - before.requests).toBe(3)
    const delta = (path: string) => (after.byPath[path] ?? 0) - (before.byPath[path] ?? 0)
    expect(delta('/api/v4/deactivate_bundle')).toBe(2)
    expect(delta('(not found)')).toBe(1)
  })
})
