import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parseHttpDate } from '../../../src/sandbox/auth'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'
import { defaultSeed, type SeedFile } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { authorizationHeader, callApi, DEFAULT_KEY, expectRefusal, hmacSignature, ScriptedSsoAuthority, send, signedHeaders } from './helpers'

/**
 * The answers the vendor documents, word for word, and the states the default seed makes reachable
 * (an expired licence, a blacklisted device, a key-based bundle, a hardware id answered as missing).
 */
let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, sso: false })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const deactivate = (body: unknown, headers?: Record<string, string>) => callApi(sandbox.origin, 'deactivate_bundle', body, headers ? { headers } : {})
const activate = (body: unknown) => callApi(sandbox.origin, 'activate_bundle', body)
const messageOf = (r: { json: unknown }) => (r.json as { message: string }).message
const KEY = { product: 'office-suite', hardware_id: 'sandbox-pc-1', license_key: 'OFFICE-2222-IN-USE' }

async function expectDocumented(response: Awaited<ReturnType<typeof deactivate>>, status: number, code: string, message: string) {
  expectRefusal(response, status, code)
  expect(messageOf(response)).toBe(message)
}

describe('messages exactly as documented', () => {
  const date = new Date().toUTCString()
  const signature = hmacSignature(DEFAULT_KEY.sharedKey, date)

  it('invalid_api_key: "provided api key is not valid"', async () => {
    await expectDocumented(
      await deactivate(KEY, signedHeaders({ apiKey: 'nobody', sharedKey: 'x' }, date)),
      400,
      'invalid_api_key',
      'provided api key is not valid'
    )
  })

  it('signature_mismatch: "signature mismatch"', async () => {
    const headers = { Date: date, Authorization: authorizationHeader(DEFAULT_KEY, date, hmacSignature('wrong-shared-key', date)) }
    await expectDocumented(await deactivate(KEY, headers), 401, 'signature_mismatch', 'signature mismatch')
  })

  it('hmac_required: "hmac is required algorithm"', async () => {
    const headers = { Date: date, Authorization: `algorithm="hmac-sha1",headers="date",signature="${signature}",apikey="${DEFAULT_KEY.apiKey}"` }
    await expectDocumented(await deactivate(KEY, headers), 400, 'hmac_required', 'hmac is required algorithm')
  })

  it('authorization_missing_params: "Some parameters are missing in the authorization: …" naming them', async () => {
    const headers = { Date: date, Authorization: `algorithm="hmac-sha256",headers="date"` }
    await expectDocumented(
      await deactivate(KEY, headers),
      400,
      'authorization_missing_params',
      'Some parameters are missing in the authorization: signature, apikey'
    )
  })

  it('authorization_invalid_headers: "invalid headers value in authorization"', async () => {
    await expectDocumented(
      await deactivate(KEY, { Date: date, Authorization: 'hello there' }),
      400,
      'authorization_invalid_headers',
      'invalid headers value in authorization'
    )
  })

  it('license_not_enabled: "The license is not enabled"', async () => {
    await expectDocumented(await deactivate({ ...KEY, license_key: 'OFFICE-4444-DISABLED' }), 400, 'license_not_enabled', 'The license is not enabled')
  })

  it('disabled_product / archived_product: "Provided product is disabled." / "… archived."', async () => {
    await expectDocumented(
      await deactivate({ ...KEY, product: 'legacy-suite', license_key: 'LEGACY-1111-DISABLED-BUNDLE' }),
      400,
      'disabled_product',
      'Provided product is disabled.'
    )
    await expectDocumented(
      await deactivate({ ...KEY, product: 'retired-suite', license_key: 'RETIRED-1111-ARCHIVED-BUNDLE' }),
      400,
      'archived_product',
      'Provided product is archived.'
    )
  })

  it('license_activated_max_times: "license is already activated max number of times"', async () => {
    await expectDocumented(
      await activate({ product: 'office-suite', hardware_id: 'third-pc', license_key: 'OFFICE-5555-FULL' }),
      400,
      'license_activated_max_times',
      'license is already activated max number of times'
    )
  })

  it('the seed page’s exceptions keep the seed page’s words', async () => {
    await expectDocumented(await deactivate({ ...KEY, product: 'nothing' }), 400, 'unknown_product', 'Provided product was not found')
    await expectDocumented(await deactivate({ ...KEY, product: 'writer' }), 400, 'product_not_bundle', 'Specified product "writer" is not a bundle')
    await expectDocumented(await deactivate({ ...KEY, license_key: 'OFFICE-3333-NOT-ACTIVE' }), 400, 'license_not_active', 'The license is not active')
    await expectDocumented(
      await deactivate({ ...KEY, hardware_id: 'elsewhere' }),
      400,
      'device_not_found',
      'An active device matching the hardware_id not found'
    )
  })
})

describe('states the default seed makes reachable', () => {
  it('an expired time-limited licence: license_expired (sandbox-only) on deactivation and activation, seat unchanged', async () => {
    const body = { ...KEY, license_key: 'OFFICE-7777-EXPIRED' }
    await expectDocumented(await deactivate(body), 400, 'license_expired', 'The license has expired')
    expectRefusal(await activate({ ...body, hardware_id: 'new-pc' }), 400, 'license_expired')
    expect(sandbox.devicesOf('OFFICE-7777-EXPIRED')).toEqual(['sandbox-pc-1'])
  })

  it('a licence valid until a future date is not expired, and says so in the activation answer', async () => {
    const response = await activate({ ...KEY, license_key: 'OFFICE-6666-UNTIL-2030', hardware_id: 'dated-pc' })
    expect(response.status).toBe(200)
    for (const item of response.json as Array<{ is_expired: boolean; license_type: string }>) {
      expect(item).toMatchObject({ is_expired: false, license_type: 'time-limited' })
    }
  })

  it('a blacklisted device: blacklisted in the device-variables pages’ words, on deactivation and activation; another device is served', async () => {
    const body = { ...KEY, license_key: 'OFFICE-8888-BLOCKED-PC' }
    await expectDocumented(await deactivate(body), 400, 'blacklisted', 'This device is blacklisted')
    expectRefusal(await activate(body), 400, 'blacklisted')
    expect(sandbox.devicesOf('OFFICE-8888-BLOCKED-PC')).toEqual(['sandbox-pc-1'])
    expect((await activate({ ...body, hardware_id: 'clean-pc' })).status).toBe(200)
  })

  it('license_key_required: a key-based bundle called with a username', async () => {
    const body = { product: 'office-suite', hardware_id: 'sandbox-pc-1', username: 'bob@example.test', password: 'bob-password' }
    await expectDocumented(await deactivate(body), 400, 'license_key_required', 'license_key is missing from the request')
  })

  it('missing_hardware_id for a hardware id the seed answers as missing', async () => {
    await expectDocumented(await deactivate({ ...KEY, hardware_id: 'sandbox-pc-without-id' }), 400, 'missing_hardware_id', 'hardware_id missing in the request')
  })

  it('the summary lists blacklisted devices and the behaviour settings', () => {
    const summary = sandbox.summary()
    const office = summary.bundles.find((b) => b.code === 'office-suite')!
    expect(office.licenses.find((l) => l.id === 1008)?.blacklistedDevices).toEqual(['sandbox-pc-1'])
    expect(summary.behaviour).toEqual({
      signatureMismatchStatus: 401,
      deactivationPassword: 'check',
      reusableSsoTokens: false,
      hardwareIdsTreatedAsMissing: ['sandbox-pc-without-id'],
      minimumOfflineSchemaVersion: 1,
      deactivationRedirectUri: 'honoured',
      deviceLicensesWhenNone: 'empty-list'
    })
  })
})

describe('seed behaviour settings', () => {
  async function withSeed(behaviour: SeedFile['behaviour'], run: (other: RunningSandbox) => Promise<void>, sso?: ScriptedSsoAuthority) {
    const other = await startSandbox({ quiet: true, sso: false, seed: { ...defaultSeed(), behaviour }, ...(sso ? { ssoAuthority: sso } : {}) })
    try {
      await run(other)
    } finally {
      await other.close()
    }
  }

  it('signatureMismatchStatus 400: the other documented reading', async () => {
    await withSeed({ signatureMismatchStatus: 400 }, async (other) => {
      const date = new Date().toUTCString()
      const headers = { Date: date, Authorization: authorizationHeader(DEFAULT_KEY, date, hmacSignature('wrong-shared-key', date)) }
      const response = await callApi(other.origin, 'deactivate_bundle', KEY, { headers })
      expectRefusal(response, 400, 'signature_mismatch')
    })
  })

  it('deactivationPassword "ignore": the username alone frees the seat, and a wrong password is not checked', async () => {
    await withSeed({ deactivationPassword: 'ignore' }, async (other) => {
      const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', username: 'bob@example.test' }
      expect((await callApi(other.origin, 'deactivate_bundle', body)).json).toBe('license_deactivated')
      other.reset()
      expect((await callApi(other.origin, 'deactivate_bundle', { ...body, password: 'wrong' })).json).toBe('license_deactivated')
      // Activation still checks the password.
      expectRefusal(await callApi(other.origin, 'activate_bundle', { ...body, hardware_id: 'new-pc', password: 'wrong' }), 400, 'license_not_found')
    })
  })

  it('by default a wrong password on deactivation is refused', async () => {
    const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', username: 'bob@example.test', password: 'wrong' }
    expectRefusal(await deactivate(body), 400, 'license_not_found')
    expect(sandbox.devicesOf(2001)).toEqual(['sandbox-pc-1'])
  })

  it('reusableSsoTokens: one token may be presented again', async () => {
    const sso = new ScriptedSsoAuthority()
    sso.tokens.set('tok', 'ann@acme.test')
    await withSeed(
      { reusableSsoTokens: true },
      async (other) => {
        const body = { product: 'design-pack', hardware_id: 'sandbox-pc-1', id_token: 'tok', customer_account_code: 'acme' }
        expect((await callApi(other.origin, 'deactivate_bundle', body)).json).toBe('license_deactivated')
        other.reset()
        expect((await callApi(other.origin, 'deactivate_bundle', body)).json).toBe('license_deactivated')
      },
      sso
    )
  })

  it('a bad behaviour setting is refused by the seed check', async () => {
    await expect(startSandbox({ quiet: true, sso: false, seed: { ...defaultSeed(), behaviour: { signatureMismatchStatus: 403 as never } } })).rejects.toThrow(
      /behaviour\.signatureMismatchStatus/
    )
  })
})

describe('the Date header: RFC 7231 IMF-fixdate, the form the docs require and the SDKs send', () => {
  it('parses the documented example, toUTCString() (Node SDK) and the PHP SDK’s one-digit day', () => {
    expect(parseHttpDate('Tue, 07 Jun 2011 20:51:35 GMT')).toBe(Date.UTC(2011, 5, 7, 20, 51, 35))
    expect(parseHttpDate('Tue, 7 Jun 2011 20:51:35 GMT')).toBe(Date.UTC(2011, 5, 7, 20, 51, 35))
    const now = new Date(Math.floor(Date.now() / 1000) * 1000)
    expect(parseHttpDate(now.toUTCString())).toBe(now.getTime())
  })

  it.each([
    ['an ISO string', '2011-06-07T20:51:35.000Z'],
    ['Date.toString()', 'Tue Jun 07 2011 20:51:35 GMT+0000 (Coordinated Universal Time)'],
    ['the obsolete RFC 850 form', 'Tuesday, 07-Jun-11 20:51:35 GMT'],
    ['asctime', 'Tue Jun  7 20:51:35 2011'],
    ['a numeric zone', 'Tue, 07 Jun 2011 20:51:35 +0000'],
    ['a three-digit day', 'Tue, 007 Jun 2011 20:51:35 GMT'],
    ['a wrong weekday', 'Wed, 07 Jun 2011 20:51:35 GMT'],
    ['an impossible date', 'Thu, 31 Jun 2011 20:51:35 GMT'],
    ['lower-case GMT', 'Tue, 07 Jun 2011 20:51:35 gmt']
  ])('refuses %s', (_name, text) => {
    expect(parseHttpDate(text)).toBeNull()
  })

  it('a correctly signed request with an ISO Date is refused with date_header_diff', async () => {
    const iso = new Date().toISOString()
    const response = await send(sandbox.origin, {
      path: '/api/v4/deactivate_bundle',
      headers: { Date: iso, Authorization: authorizationHeader(DEFAULT_KEY, iso) },
      body: JSON.stringify(KEY)
    })
    expectRefusal(response, 400, 'date_header_diff')
  })
})

describe('sso_url query parameters', () => {
  const query = (params: Record<string, string>) =>
    send(sandbox.origin, { method: 'GET', path: `/api/v4/sso_url?${new URLSearchParams(params).toString()}`, headers: signedHeaders() })

  it('refuses a parameter neither the docs nor an SDK names, naming it', async () => {
    const response = await query({ product: 'design-pack', customer_account_code: 'acme', response_type: 'code', prompt: 'none' })
    expectRefusal(response, 400, 'validation_error')
    expect(messageOf(response)).toBe('Unknown parameter: "prompt"')
  })

  it('missing_parameters in the documented words', async () => {
    const response = await query({ response_type: 'code' })
    await expectDocumented(response, 400, 'missing_parameters', 'Some parameters are missing in the request: product, customer_account_code')
  })
})

describe('the error catalogue marks what the sandbox invents', () => {
  it('exactly the codes the docs name no code for are sandbox-only', () => {
    const marked = Object.entries(ERROR_CATALOGUE)
      .filter(([, entry]) => 'sandboxOnly' in entry && entry.sandboxOnly)
      .map(([code]) => code)
      .sort()
    expect(marked).toEqual([
      'license_expired',
      'offline_request_expired',
      'offline_request_replayed',
      'offline_request_schema_too_old',
      'offline_request_tampered',
      'sso_code_invalid',
      'sso_not_enabled',
      'sso_redirect_uri_mismatch',
      'sso_token_invalid',
      'sso_user_not_found'
    ])
  })
})
