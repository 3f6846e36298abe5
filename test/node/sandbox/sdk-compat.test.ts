import { LicenseAPI } from '@licensespring/node-sdk'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { defaultSeed } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { expectRefusal, ScriptedSsoAuthority, send, signedHeaders } from './helpers'
import { anyNumber, anyObject, anyString, objectContaining } from '../../support/matchers'

/**
 * The vendor's own node SDK, unchanged, against the sandbox: it signs requests its way
 * (apikey=, no spaces / Bearer tokens) and refuses answers whose v1 and v2 signatures do not
 * verify with the configured public key.
 */
let sandbox: RunningSandbox
const sso = new ScriptedSsoAuthority()

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, ssoAuthority: sso })
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.reset())

const APP = { appName: 'License Manager tests', appVersion: '0.1.0' }
// The hardware id is passed explicitly: the SDK's native generator is not what is under test.
const hmacClient = (publicKey = sandbox.publicKey) =>
  new LicenseAPI({ ...APP, apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey, apiPath: sandbox.apiUrl, publicKey, hardwareID: 'sdk-pc' })

describe('@licensespring/node-sdk against the sandbox', () => {
  it('activateBundle verifies the signatures, deactivateBundle frees the seat, a second one fails', async () => {
    const api = hmacClient()
    const licences = await api.activateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-pc' })
    expect(licences.map((l) => l.product_details?.short_code)).toEqual(['office-suite', 'writer', 'sheets', 'slides'])
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual(['sdk-pc'])

    await expect(api.deactivateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-pc' })).resolves.toBe(true)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual([])

    await expect(api.deactivateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-pc' })).rejects.toEqual({
      status: 400,
      code: 'device_not_found',
      message: anyString()
    })
  })

  it('a licence with a validity period passes the SDK’s v1 check (dayjs ISO form)', async () => {
    const licences = await hmacClient().activateBundle({ product: 'office-suite', license_key: 'OFFICE-6666-UNTIL-2030', hardware_id: 'sdk-pc' })
    expect(licences[0]?.validity_period).toBe('2030-12-31T23:59:59.000Z')
  })

  it('the SDK refuses the answer when configured with another public key (its check is real)', async () => {
    const other = await startSandbox({ quiet: true, sso: false })
    await other.close()
    await expect(
      hmacClient(other.publicKey).activateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-pc' })
    ).rejects.toMatchObject({ code: 'license_signature_invalid' })
  })

  it('user-based: activate with username and password; deactivation needs the password by default', async () => {
    const api = hmacClient()
    await api.activateBundle({ product: 'design-pack', username: 'carol@example.test', password: 'carol-password', hardware_id: 'sdk-pc' })
    expect(sandbox.devicesOf('carol@example.test')).toEqual(['sdk-pc'])
    await expect(api.deactivateBundle({ product: 'design-pack', username: 'carol@example.test', hardware_id: 'sdk-pc' })).rejects.toEqual({
      status: 400,
      code: 'missing_parameters',
      message: 'Some parameters are missing in the request: password'
    })
    expect(sandbox.devicesOf('carol@example.test')).toEqual(['sdk-pc'])
    const withPassword = { product: 'design-pack', username: 'carol@example.test', password: 'carol-password', hardware_id: 'sdk-pc' }
    await expect(api.deactivateBundle(withPassword)).resolves.toBe(true)
    expect(sandbox.devicesOf('carol@example.test')).toEqual([])
  })

  it('user-based: with the seed’s deactivationPassword "ignore", the SDK’s username-alone deactivation works', async () => {
    const lenient = await startSandbox({ quiet: true, sso: false, seed: { ...defaultSeed(), behaviour: { deactivationPassword: 'ignore' } } })
    try {
      const api = new LicenseAPI({
        ...APP,
        apiKey: lenient.apiKey,
        sharedKey: lenient.sharedKey,
        apiPath: lenient.apiUrl,
        publicKey: lenient.publicKey,
        hardwareID: 'sdk-pc'
      })
      await expect(api.deactivateBundle({ product: 'design-pack', username: 'bob@example.test', hardware_id: 'sandbox-pc-1' })).resolves.toBe(true)
      expect(lenient.devicesOf(2001)).toEqual([])
    } finally {
      await lenient.close()
    }
  })

  it('the documented optional fields: device metadata and variables on activation, bundle_code and variables on deactivation', async () => {
    const api = hmacClient()
    const metadata = {
      os_ver: 'Linux 6.1',
      hostname: 'sdk-host',
      os_hostname: 'SDK-HOST',
      ip: '192.0.2.7',
      ip_local: '10.0.0.7',
      app_ver: '3.1',
      sdk_ver: 'NodeSDK 1.4.17',
      mac_address: '00:11:22:33:44:55',
      is_vm: false,
      vm_info: ''
    }
    const licences = await api.activateBundle({
      product: 'office-suite',
      license_key: 'OFFICE-1111-FREE-SEAT',
      hardware_id: 'sdk-pc',
      variables: { seat: '7' },
      ...metadata
    })
    expect(licences).toHaveLength(4)
    await expect(
      api.deactivateBundle({
        product: 'office-suite',
        license_key: 'OFFICE-1111-FREE-SEAT',
        hardware_id: 'sdk-pc',
        bundle_code: 'office-suite',
        variables: { seat: '7' }
      })
    ).resolves.toBe(true)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual([])
  })

  it('the documented activation answer: bundle licence first, documented fields on every item', async () => {
    const licences = (await hmacClient().activateBundle({
      product: 'office-suite',
      license_key: 'OFFICE-6666-UNTIL-2030',
      hardware_id: 'sdk-pc'
    })) as unknown as Record<string, unknown>[]
    expect(licences.map((l) => (l['product_details'] as { short_code: string }).short_code)).toEqual(['office-suite', 'writer', 'sheets', 'slides'])
    for (const l of licences) {
      expect(l).toMatchObject({
        license_key: 'OFFICE-6666-UNTIL-2030',
        hardware_id: 'sdk-pc',
        device_id: anyNumber(),
        is_expired: false,
        license_type: 'time-limited',
        validity_period: '2030-12-31T23:59:59.000Z',
        transfer_count: 0,
        max_transfers: 0,
        customer: objectContaining({ customer_account: null }),
        company: anyObject(),
        product_details: objectContaining({ product_id: anyNumber(), authorization_method: 'license-key' })
      })
    }
  })

  it('a licence key containing "|" verifies: only user identifiers are cut at "|"', async () => {
    const seed = defaultSeed()
    const piped = await startSandbox({
      quiet: true,
      sso: false,
      seed: { ...seed, licenses: [...seed.licenses, { id: 9001, bundle: 'office-suite', licenseKey: 'PIPE|KEY-0001', maxActivations: 2 }] }
    })
    try {
      const api = new LicenseAPI({
        ...APP,
        apiKey: piped.apiKey,
        sharedKey: piped.sharedKey,
        apiPath: piped.apiUrl,
        publicKey: piped.publicKey,
        hardwareID: 'sdk-pc'
      })
      const licences = await api.activateBundle({ product: 'office-suite', license_key: 'PIPE|KEY-0001', hardware_id: 'sdk-pc' })
      expect(licences[0]?.license_key).toBe('PIPE|KEY-0001')
    } finally {
      await piped.close()
    }
  })

  it('SSO: activateBundle with an id_token verifies v1 over the user’s email; getSSOUrl verifies v2', async () => {
    sso.tokens.set('sdk-token', 'carl@acme.test')
    const api = hmacClient()
    await api.activateBundle({ product: 'design-pack', id_token: 'sdk-token', customer_account_code: 'acme', hardware_id: 'sdk-pc' })
    expect(sandbox.devicesOf('carl@acme.test')).toEqual(['sdk-pc'])
    const answer = await api.getSSOUrl({ product: 'design-pack', customer_account_code: 'acme', response_type: 'code' })
    expect(answer.url).toContain('kc_idp_hint=acme')
    const chosen = await api.getSSOUrl({
      product: 'design-pack',
      customer_account_code: 'acme',
      response_type: 'code',
      bundle_code: 'design-pack',
      redirect_uri: 'http://127.0.0.1:4567'
    })
    expect(new URL(chosen.url).searchParams.get('redirect_uri')).toBe('http://127.0.0.1:4567')
    expect(sso.urlQueries.at(-1)).toMatchObject({ redirectUri: 'http://127.0.0.1:4567' })
  })

  it('SSO code: activateBundle passes the SDK’s redirect_uri through to the identity side', async () => {
    sso.codes.set('sdk-code', 'carl@acme.test')
    await hmacClient().activateBundle({
      product: 'design-pack',
      code: 'sdk-code',
      customer_account_code: 'acme',
      redirect_uri: 'http://127.0.0.1:4567',
      hardware_id: 'sdk-pc'
    })
    expect(sso.identified.at(-1)).toEqual({ kind: 'code', code: 'sdk-code', redirectUri: 'http://127.0.0.1:4567' })
    expect(sandbox.devicesOf('carl@acme.test')).toEqual(['sdk-pc'])
  })

  it('OAuth client credentials: the SDK fetches a token from the sandbox and uses it', async () => {
    const api = new LicenseAPI({
      ...APP,
      clientID: sandbox.oauth.clientId,
      clientSecret: sandbox.oauth.clientSecret,
      tokenUrl: sandbox.oauth.tokenUrl,
      apiPath: sandbox.apiUrl,
      publicKey: sandbox.publicKey,
      hardwareID: 'sdk-pc'
    })
    await api.activateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-oauth-pc' })
    await expect(api.deactivateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-oauth-pc' })).resolves.toBe(true)
    expect(sandbox.stats().byPath['/auth/token']).toBeGreaterThanOrEqual(1)
  })

  it('accepts the raw-text deactivation answer as well', async () => {
    const textual = await startSandbox({ quiet: true, sso: false, deactivationBody: 'text' })
    try {
      const api = new LicenseAPI({
        ...APP,
        apiKey: textual.apiKey,
        sharedKey: textual.sharedKey,
        apiPath: textual.apiUrl,
        publicKey: textual.publicKey,
        hardwareID: 'sdk-pc'
      })
      await expect(api.deactivateBundle({ product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', hardware_id: 'sandbox-pc-1' })).resolves.toBe(true)
    } finally {
      await textual.close()
    }
  })

  describe('its offline deactivation payload (createOfflineDeactivationPayload), posted to deactivate_bundle_offline', () => {
    const post = (payload: string) =>
      send(new URL(sandbox.apiUrl).origin, {
        path: '/api/v4/deactivate_bundle_offline',
        headers: { 'Content-Type': 'text/plain', ...signedHeaders({ apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey }) },
        body: payload
      })

    it('with every optional field its type names that the docs describe (bundle_code, device fields, consumptions, variables) and license_id', async () => {
      const payload = hmacClient().createOfflineDeactivationPayload({
        product: 'office-suite',
        hardware_id: 'sandbox-pc-1',
        license_key: 'OFFICE-2222-IN-USE',
        bundle_code: 'office-suite',
        hostname: 'LAB-PC-07',
        ip: '10.0.0.7',
        mac_address: '00:11:22:33:44:55',
        os_ver: 'Linux 6.1',
        vm_info: '',
        consumptions: 0,
        variables: { seat: '7', floor: 2, remote: false },
        ...({ license_id: 1002 } as object)
      })
      const response = await post(payload)
      expect([response.status, response.json]).toEqual([200, 'license_deactivated'])
      expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual([])
    })

    it('by username under OAuth (client_id, signed with the client secret)', async () => {
      const api = new LicenseAPI({
        ...APP,
        clientID: sandbox.oauth.clientId,
        clientSecret: sandbox.oauth.clientSecret,
        tokenUrl: sandbox.oauth.tokenUrl,
        apiPath: sandbox.apiUrl,
        publicKey: sandbox.publicKey,
        hardwareID: 'sandbox-pc-1'
      })
      const payload = api.createOfflineDeactivationPayload({ product: 'design-pack', hardware_id: 'sandbox-pc-1', username: 'bob@example.test' })
      const response = await post(payload)
      expect([response.status, response.json]).toEqual([200, 'license_deactivated'])
      expect(sandbox.devicesOf('bob@example.test')).toEqual([])
    })

    it('its typed shapes the docs do not allow are refused, naming the field (listed in docs/sandbox.md)', async () => {
      const api = hmacClient()
      const withPassword = api.createOfflineDeactivationPayload({
        product: 'design-pack',
        hardware_id: 'sandbox-pc-1',
        username: 'bob@example.test',
        password: 'bob-password'
      })
      const refused = await post(withPassword)
      expectRefusal(refused, 400, 'authorization_missing_params')
      expect((refused.json as { message: string }).message).toMatch(/Unknown field: "password"$/)
      const nestedVariable = api.createOfflineDeactivationPayload({
        product: 'office-suite',
        hardware_id: 'sandbox-pc-1',
        license_key: 'OFFICE-2222-IN-USE',
        variables: { seat: { row: 7 } }
      })
      expectRefusal(await post(nestedVariable), 400, 'authorization_missing_params')
      expect(sandbox.devicesOf('bob@example.test')).toEqual(['sandbox-pc-1'])
      expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toEqual(['sandbox-pc-1'])
    })
  })
})

describe('@licensespring/node-sdk’s reads (license-api.md §10) against the sandbox', () => {
  it('checkBundle: the SDK verifies every licence’s v1 signature and the v2 header, for a licence key', async () => {
    const licences = await hmacClient().checkBundle({ product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', hardware_id: 'sandbox-pc-1' })
    expect(licences.map((l) => l.product_details?.short_code)).toEqual(['office-suite', 'writer', 'sheets', 'slides'])
    expect(licences.every((l) => l.license_active && l.license_enabled)).toBe(true)
  })

  it('checkBundle with a username (no password), and license_id; after deactivateBundle the SDK gets device_not_found', async () => {
    const api = hmacClient()
    const licences = await api.checkBundle({ product: 'design-pack', username: 'bob@example.test', license_id: 2001, hardware_id: 'sandbox-pc-1' })
    expect(licences[0]?.id).toBe(2001)
    await api.deactivateBundle({ product: 'design-pack', username: 'bob@example.test', password: 'bob-password', hardware_id: 'sandbox-pc-1' })
    await expect(api.checkBundle({ product: 'design-pack', username: 'bob@example.test', hardware_id: 'sandbox-pc-1' })).rejects.toEqual({
      status: 400,
      code: 'device_not_found',
      message: anyString()
    })
  })

  it('checkBundle refuses the answer under another public key (the check the SDK makes is real)', async () => {
    const other = await startSandbox({ quiet: true, sso: false })
    await other.close()
    await expect(
      hmacClient(other.publicKey).checkBundle({ product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', hardware_id: 'sandbox-pc-1' })
    ).rejects.toMatchObject({ code: 'license_signature_invalid' })
  })

  it('getUserLicenses verifies the v2 signature and lists the user’s licences with their ids', async () => {
    const items = await hmacClient().getUserLicenses({ product: 'design-pack', username: 'bob@example.test', password: 'bob-password' })
    expect(items.map((i) => [i.license.id, i.user.email])).toEqual([
      [2001, 'bob@example.test'],
      [2002, 'bob@example.test']
    ])
    await expect(hmacClient().getUserLicenses({ product: 'design-pack', username: 'bob@example.test', password: 'wrong' })).rejects.toMatchObject({
      code: 'license_not_found'
    })
  })

  it('getUserLicenses with a company sign-in’s code (which then is spent)', async () => {
    sso.codes.set('sdk-read-code', 'ann@acme.test')
    const items = await hmacClient().getUserLicenses({ product: 'design-pack', code: 'sdk-read-code', customer_account_code: 'acme' })
    expect(items.map((i) => i.license.id)).toEqual([3001])
  })

  it('getCustomerLicenseUsers verifies the v2 signature', async () => {
    const answer = await hmacClient().getCustomerLicenseUsers({ product: 'design-pack', customer: 'bob@example.test' })
    expect(answer.users.map((u) => u.license_id)).toEqual([2001, 2002])
    await expect(hmacClient(await otherPublicKey()).getCustomerLicenseUsers({ product: 'design-pack', customer: 'bob@example.test' })).rejects.toMatchObject({
      code: 'signature_v2_mismatch'
    })
  })
})

async function otherPublicKey(): Promise<string> {
  const other = await startSandbox({ quiet: true, sso: false })
  await other.close()
  return other.publicKey
}
