import { LicenseAPI } from '@licensespring/node-sdk'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { ScriptedSsoAuthority } from './helpers'

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
    expect(licences.map((l) => l.product_details?.short_code)).toEqual(['writer', 'sheets', 'slides'])
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual(['sdk-pc'])

    await expect(api.deactivateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-pc' })).resolves.toBe(true)
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toEqual([])

    await expect(
      api.deactivateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-pc' })
    ).rejects.toEqual({ status: 400, code: 'device_not_found', message: expect.any(String) })
  })

  it('a licence with a validity period passes the SDK’s v1 check (dayjs ISO form)', async () => {
    const licences = await hmacClient().activateBundle({ product: 'office-suite', license_key: 'OFFICE-6666-UNTIL-2030', hardware_id: 'sdk-pc' })
    expect(licences[0].validity_period).toBe('2030-12-31T23:59:59.000Z')
  })

  it('the SDK refuses the answer when configured with another public key (its check is real)', async () => {
    const other = await startSandbox({ quiet: true, sso: false })
    await other.close()
    await expect(
      hmacClient(other.publicKey).activateBundle({ product: 'office-suite', license_key: 'OFFICE-1111-FREE-SEAT', hardware_id: 'sdk-pc' })
    ).rejects.toMatchObject({ code: 'license_signature_invalid' })
  })

  it('user-based: activate with username and password, deactivate with the username alone', async () => {
    const api = hmacClient()
    await api.activateBundle({ product: 'design-pack', username: 'carol@example.test', password: 'carol-password', hardware_id: 'sdk-pc' })
    expect(sandbox.devicesOf('carol@example.test')).toEqual(['sdk-pc'])
    await expect(api.deactivateBundle({ product: 'design-pack', username: 'carol@example.test', hardware_id: 'sdk-pc' })).resolves.toBe(true)
    expect(sandbox.devicesOf('carol@example.test')).toEqual([])
  })

  it('SSO: activateBundle with an id_token verifies v1 over the user’s email; getSSOUrl verifies v2', async () => {
    sso.tokens.set('sdk-token', 'carl@acme.test')
    const api = hmacClient()
    await api.activateBundle({ product: 'design-pack', id_token: 'sdk-token', customer_account_code: 'acme', hardware_id: 'sdk-pc' })
    expect(sandbox.devicesOf('carl@acme.test')).toEqual(['sdk-pc'])
    const answer = await api.getSSOUrl({ product: 'design-pack', customer_account_code: 'acme', response_type: 'code' })
    expect(answer.url).toContain('kc_idp_hint=acme')
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
      const api = new LicenseAPI({ ...APP, apiKey: textual.apiKey, sharedKey: textual.sharedKey, apiPath: textual.apiUrl, publicKey: textual.publicKey, hardwareID: 'sdk-pc' })
      await expect(api.deactivateBundle({ product: 'office-suite', license_key: 'OFFICE-2222-IN-USE', hardware_id: 'sandbox-pc-1' })).resolves.toBe(true)
    } finally {
      await textual.close()
    }
  })
})
