import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AuthConfig, ServerConfig } from '../../../src/main/engine/config'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import { createLicenseService, type LicenseService } from '../../../src/main/engine/service'
import type { DeactivationRequestInput } from '../../../src/shared/request'
import { startSandbox, type RunningSandbox, type SandboxSso } from '../../../src/sandbox/server'
import type { SsoProgress } from '../../../src/shared/api'
import type { Outcome } from '../../../src/shared/outcome'
import { ERROR_CATALOGUE, type KnownErrorCode } from '../../../src/shared/errors'
import { defaultSeed, type SeedFile } from '../../../src/sandbox/seed'
import { expectOk } from '../../support/expect-ok'
import { stringContaining } from '../../support/matchers'
import { closeOpened } from '../../support/close-opened'

/** The engine over HTTP against the real sandbox (default seed), every call through the LicenseService. */

const APP = { name: 'License Manager', version: '0.1.0', os: 'test' }
const PC = 'sandbox-pc-1'

let sandbox: RunningSandbox
let clockOffsetMs = 0
/** What the stub identity provider was asked to identify, in order. */
const identified: string[] = []
/** Codes and tokens already redeemed (single use, like the real ones); cleared per test. */
const redeemed = new Set<string>()

/**
 * A stand-in identity provider behind the sandbox's SsoAuthority seam: the License API
 * side (account checks, licence lookup, error envelopes) is the sandbox's own code.
 * Codes "code-<email>" and tokens "access-<email>" / "id-<email>" identify that user, once each.
 */
function stubIdentityProvider(): SandboxSso {
  return {
    async ssoUrl(query) {
      return {
        ok: true,
        value: {
          url: `http://127.0.0.1:9/realms/user-portal/auth?response_type=${query.responseType}&client_id=license-users&redirect_uri=${encodeURIComponent('http://127.0.0.1/callback')}&kc_idp_hint=${query.customerAccountCode}`,
          openid_configuration: { issuer: 'http://127.0.0.1:9/realms/user-portal' }
        }
      }
    },
    async identify(credential) {
      const value = credential.kind === 'code' ? credential.code : credential.token
      identified.push(value)
      const match = /^(code|access|id)-(.+@.+)$/.exec(value)
      const refusal = credential.kind === 'code' ? 'sso_code_invalid' : 'sso_token_invalid'
      if (!match || redeemed.has(value) || (credential.kind === 'code') !== (match[1] === 'code')) {
        return { ok: false, refusal: { status: 400, code: refusal, message: 'Refused by the stub provider' } }
      }
      redeemed.add(value)
      return { ok: true, value: { email: match[2]! } }
    },
    async close() {}
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, quiet: true, sso: false, ssoAuthority: stubIdentityProvider(), now: () => Date.now() + clockOffsetMs })
})
afterAll(async () => {
  await closeOpened(sandbox)
})
beforeEach(() => {
  sandbox.reset()
  clockOffsetMs = 0
  identified.length = 0
  redeemed.clear()
})

const hmac = (apiKey = sandbox.apiKey, sharedKey = sandbox.sharedKey): AuthConfig => ({ scheme: 'hmac', apiKey, sharedKey })

function configWith(auth: AuthConfig, apiUrl = sandbox.apiUrl, ssoTokenField: ServerConfig['ssoTokenField'] = 'access_token'): ServerConfig {
  return { apiUrl, auth, defaultProduct: '', defaultCustomerAccount: '', timeoutMs: 5_000, ssoTimeoutMs: 5_000, ssoTokenField }
}

function serviceWith(
  options: { auth?: AuthConfig; apiUrl?: string; openExternal?: (url: string) => Promise<void>; ssoTokenField?: ServerConfig['ssoTokenField'] } = {}
): LicenseService {
  return createLicenseService({
    config: configWith(options.auth ?? hmac(), options.apiUrl, options.ssoTokenField),
    fetch,
    openExternal: options.openExternal ?? (async () => undefined),
    machineId: () => PC,
    app: APP,
    sandbox: true
  })
}

const codeOf = (outcome: Outcome<unknown>) => (outcome.ok ? 'ok' : outcome.error.code)

describe('successful deactivation, per credential set', () => {
  it('licence key: frees this PC’s seat on every product of the bundle, and a second try finds no device', async () => {
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toContain(PC)
    const service = serviceWith()
    const outcome = await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    expect(outcome).toMatchObject({ ok: true, value: { product: 'office-suite', hardwareId: PC, method: 'license-key' } })
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).not.toContain(PC)
    const again = await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    expect(again).toMatchObject({ ok: false, error: { code: 'device_not_found', status: 400, family: 'device' } })
  })

  it('username and password, choosing the licence by id', async () => {
    const outcome = await serviceWith().deactivate({
      product: 'design-pack',
      licenseId: '2001',
      credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' }
    })
    expect(outcome).toMatchObject({ ok: true, value: { method: 'user', hardwareId: PC } })
    expect(sandbox.devicesOf(2001)).not.toContain(PC)
  })

  it('a seat activated through the engine’s client for another hardware id is freed with the override', async () => {
    const client = createLicenseApiClient({ apiUrl: sandbox.apiUrl, auth: hmac(), fetch, timeoutMs: 5_000, sdkVersion: 'Test 1' })
    const activated = await client.activateBundle({
      product: 'office-suite',
      hardwareId: 'helpdesk-pc-77',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' }
    })
    expect(activated.ok && activated.value.map((l) => l.hardware_id)).toEqual(['helpdesk-pc-77', 'helpdesk-pc-77', 'helpdesk-pc-77', 'helpdesk-pc-77'])
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).toContain('helpdesk-pc-77')
    const outcome = await serviceWith().deactivate({
      product: 'office-suite',
      hardwareId: 'helpdesk-pc-77',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' }
    })
    expect(outcome).toMatchObject({ ok: true, value: { hardwareId: 'helpdesk-pc-77' } })
    expect(sandbox.devicesOf('OFFICE-1111-FREE-SEAT')).not.toContain('helpdesk-pc-77')
  })

  it('an SSO code or token obtained elsewhere (no browser)', async () => {
    const service = serviceWith()
    const byCode = await service.deactivate({
      product: 'design-pack',
      credentials: { method: 'sso-code', code: 'code-ann@acme.test', customerAccountCode: 'acme' }
    })
    expect(byCode).toMatchObject({ ok: true, value: { method: 'sso-code' } })
    expect(sandbox.devicesOf(3001)).not.toContain(PC)
    sandbox.reset()
    const byToken = await service.deactivate({
      product: 'design-pack',
      credentials: { method: 'sso-token', idToken: 'access-ANN@acme.test', customerAccountCode: 'acme' }
    })
    expect(byToken).toMatchObject({ ok: true, value: { method: 'sso-token' } })
    sandbox.reset()
    const reused = await service.deactivate({
      product: 'design-pack',
      credentials: { method: 'sso-code', code: 'code-ann@acme.test', customerAccountCode: 'acme' }
    })
    expect(reused).toMatchObject({ ok: false, error: { code: 'sso_code_invalid' } })
  })
})

describe('every refusal the sandbox produces for a well-formed request, through the engine', () => {
  it.each<[string, string, DeactivationRequestInput]>([
    ['an unknown bundle', 'unknown_product', { product: 'no-such-bundle', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }],
    ['a product that is not a bundle', 'product_not_bundle', { product: 'writer', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }],
    ['an unknown licence key', 'license_not_found', { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'NO-SUCH-KEY' } }],
    ['a wrong password', 'license_not_found', { product: 'design-pack', credentials: { method: 'user', username: 'bob@example.test', password: 'wrong' } }],
    [
      'a licence never activated',
      'license_not_active',
      { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-3333-NOT-ACTIVE' } }
    ],
    ['a disabled licence', 'license_not_enabled', { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-4444-DISABLED' } }],
    [
      'a PC the licence is not on',
      'device_not_found',
      { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' } }
    ],
    ['a disabled bundle', 'disabled_product', { product: 'legacy-suite', credentials: { method: 'license-key', licenseKey: 'LEGACY-1111-DISABLED-BUNDLE' } }],
    [
      'an archived bundle',
      'archived_product',
      { product: 'retired-suite', credentials: { method: 'license-key', licenseKey: 'RETIRED-1111-ARCHIVED-BUNDLE' } }
    ],
    [
      'an unknown customer account',
      'customer_account_not_found',
      { product: 'design-pack', credentials: { method: 'sso-code', code: 'code-ann@acme.test', customerAccountCode: 'nobody' } }
    ],
    [
      'an account without SSO',
      'sso_not_enabled',
      { product: 'design-pack', credentials: { method: 'sso-token', idToken: 'access-eve@globex.test', customerAccountCode: 'globex' } }
    ],
    [
      'a refused SSO code',
      'sso_code_invalid',
      { product: 'design-pack', credentials: { method: 'sso-code', code: 'not-a-code', customerAccountCode: 'acme' } }
    ],
    [
      'a refused SSO token',
      'sso_token_invalid',
      { product: 'design-pack', credentials: { method: 'sso-token', idToken: 'forged', customerAccountCode: 'acme' } }
    ],
    [
      'a signed-in user without licence',
      'sso_user_not_found',
      { product: 'design-pack', credentials: { method: 'sso-code', code: 'code-dora@acme.test', customerAccountCode: 'acme' } }
    ],
    [
      'an expired time-limited licence',
      'license_expired',
      { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-7777-EXPIRED' } }
    ],
    ['a blacklisted PC', 'blacklisted', { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-8888-BLOCKED-PC' } }],
    [
      'a username for a key-based bundle',
      'license_key_required',
      { product: 'office-suite', credentials: { method: 'user', username: 'bob@example.test', password: 'bob-password' } }
    ],
    [
      'a hardware id the server answers as missing',
      'missing_hardware_id',
      { product: 'office-suite', hardwareId: 'sandbox-pc-without-id', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }
    ]
  ])('%s → %s', async (_label, code, input) => {
    const outcome = await serviceWith().deactivate(input)
    expect(outcome).toMatchObject({ ok: false, error: { code, status: 400, title: ERROR_CATALOGUE[code as KnownErrorCode].title } })
  })

  it('the advice follows the method used: a wrong password says to check the email and password, a wrong key the key', async () => {
    const password = await serviceWith().deactivate({
      product: 'design-pack',
      credentials: { method: 'user', username: 'bob@example.test', password: 'wrong' }
    })
    expect(password).toMatchObject({
      ok: false,
      error: { code: 'license_not_found', action: stringContaining('Check the email (username) and the password') }
    })
    expect(password.ok ? '' : password.error.action).not.toContain('licence key')
    const key = await serviceWith().deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'NO-SUCH-KEY' } })
    expect(key).toMatchObject({ ok: false, error: { code: 'license_not_found', action: stringContaining('Check the licence key') } })
  })

  it.each<[string, string, () => AuthConfig]>([
    ['an unknown API key', 'invalid_api_key', () => hmac('no-such-key', 'x')],
    ['a wrong shared key', 'signature_mismatch', () => hmac(sandbox.apiKey, 'not-the-shared-key')],
    ['a revoked API key', 'revoked_api_key', () => hmac('sandbox-revoked-api-key', 'sandbox-revoked-shared-key')],
    ['a read-only API key', 'read_only_api_key', () => hmac('sandbox-read-only-api-key', 'sandbox-read-only-shared-key')],
    ['a key limited to another bundle', 'api_key_product_not_allowed', () => hmac('sandbox-design-only-api-key', 'sandbox-design-only-shared-key')]
  ])('%s → %s (family setup)', async (_label, code, auth) => {
    const outcome = await serviceWith({ auth: auth() }).deactivate({
      product: 'office-suite',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' }
    })
    expect(outcome).toMatchObject({ ok: false, error: { code, family: 'setup' } })
    expect(JSON.stringify(outcome)).not.toContain(sandbox.sharedKey)
    expect(sandbox.devicesOf('OFFICE-2222-IN-USE')).toContain(PC)
  })

  it('a PC clock 20 minutes off → date_header_diff (family clock)', async () => {
    clockOffsetMs = 20 * 60_000
    const outcome = await serviceWith().deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'date_header_diff', family: 'clock', status: 400 } })
  })

  it('a wrong API path → not_found (404)', async () => {
    const outcome = await serviceWith({ apiUrl: `${sandbox.origin}/api/v3/` }).deactivate({
      product: 'office-suite',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' }
    })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found', status: 404 } })
  })

  it('activation of a full licence → license_activated_max_times', async () => {
    const client = createLicenseApiClient({ apiUrl: sandbox.apiUrl, auth: hmac(), fetch, timeoutMs: 5_000, sdkVersion: 'Test 1' })
    const outcome = await client.activateBundle({
      product: 'office-suite',
      hardwareId: 'one-more-pc',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-5555-FULL' }
    })
    expect(codeOf(outcome)).toBe('license_activated_max_times')
  })

  it('sso_url refusals: unknown account, account without SSO', async () => {
    const client = createLicenseApiClient({ apiUrl: sandbox.apiUrl, auth: hmac(), fetch, timeoutMs: 5_000, sdkVersion: 'Test 1' })
    expect(codeOf(await client.ssoUrl({ product: 'design-pack', customerAccountCode: 'nobody', responseType: 'code' }))).toBe('customer_account_not_found')
    expect(codeOf(await client.ssoUrl({ product: 'design-pack', customerAccountCode: 'globex', responseType: 'token' }))).toBe('sso_not_enabled')
    expect(await client.ssoUrl({ product: 'design-pack', customerAccountCode: 'acme', responseType: 'token' })).toMatchObject({
      ok: true,
      value: { url: stringContaining('response_type=token') }
    })
  })
})

describe('the app under each reading the seed can choose', () => {
  async function sandboxWith(behaviour: SeedFile['behaviour'], ssoAuthority?: SandboxSso): Promise<RunningSandbox> {
    return startSandbox({ quiet: true, sso: false, seed: { ...defaultSeed(), behaviour }, ...(ssoAuthority ? { ssoAuthority } : {}) })
  }
  const serviceOn = (other: RunningSandbox, auth: AuthConfig = { scheme: 'hmac', apiKey: other.apiKey, sharedKey: other.sharedKey }) =>
    createLicenseService({ config: configWith(auth, other.apiUrl), fetch, openExternal: async () => undefined, machineId: () => PC, app: APP, sandbox: true })

  it.each([400, 401] as const)('signature_mismatch answered with HTTP %i: the same message, the status the server gave', async (status) => {
    const other = await sandboxWith({ signatureMismatchStatus: status })
    try {
      const outcome = await serviceOn(other, hmac(other.apiKey, 'not-the-shared-key')).deactivate({
        product: 'office-suite',
        credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' }
      })
      expect(outcome).toMatchObject({
        ok: false,
        error: { code: 'signature_mismatch', status, family: 'setup', title: ERROR_CATALOGUE.signature_mismatch.title, serverMessage: 'signature mismatch' }
      })
    } finally {
      await other.close()
    }
  })

  it.each([
    ['check', { ok: false, error: { code: 'license_not_found' } }, ['sandbox-pc-1']],
    ['ignore', { ok: true, value: { method: 'user' } }, []]
  ] as const)('deactivationPassword "%s": the app’s deactivation with a mistyped password', async (mode, expected, devicesAfter) => {
    const other = await sandboxWith({ deactivationPassword: mode })
    try {
      const outcome = await serviceOn(other).deactivate({
        product: 'design-pack',
        licenseId: '2001',
        credentials: { method: 'user', username: 'bob@example.test', password: 'mistyped' }
      })
      expect(outcome).toMatchObject(expected)
      expect(other.devicesOf(2001)).toEqual(devicesAfter)
    } finally {
      await other.close()
    }
  })

  it('a code the real server may name differently (where the sandbox invents one) shows as an unknown error, with its message', async () => {
    const otherCodes: SandboxSso = {
      ...stubIdentityProvider(),
      async identify(credential) {
        return {
          ok: false,
          refusal: { status: 400, code: credential.kind === 'code' ? 'sso_authorization_failed' : 'sso_invalid_token', message: 'Identity provider said no' }
        }
      }
    }
    const other = await sandboxWith({}, otherCodes)
    try {
      for (const input of [
        { product: 'design-pack', credentials: { method: 'sso-code', code: 'code-ann@acme.test', customerAccountCode: 'acme' } },
        { product: 'design-pack', credentials: { method: 'sso-token', idToken: 'access-ann@acme.test', customerAccountCode: 'acme' } }
      ] satisfies DeactivationRequestInput[]) {
        const outcome = await serviceOn(other).deactivate(input)
        if (outcome.ok) throw new Error('expected a refusal')
        expect(ERROR_CATALOGUE).not.toHaveProperty(outcome.error.code)
        expect(outcome.error).toMatchObject({
          status: 400,
          family: 'server',
          title: 'The licence server refused the request',
          explanation:
            'The server answered with an error code this app does not know, so the app cannot explain it: only the server’s own message below says what went wrong.',
          action: 'Contact the software vendor’s support and quote the code shown below.',
          serverMessage: 'Identity provider said no'
        })
        expect(outcome.error).not.toHaveProperty('sandboxOnly')
      }
      expect(other.devicesOf(3001)).toEqual([PC])
    } finally {
      await other.close()
    }
  })

  it('the codes the sandbox invents are marked sandbox-only on the error the app returns, so the window and the helpdesk can tell', async () => {
    const outcome = await serviceOn(sandbox).deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-7777-EXPIRED' } })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'license_expired', sandboxOnly: true } })
    const documented = await serviceOn(sandbox).deactivate({
      product: 'office-suite',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-3333-NOT-ACTIVE' }
    })
    expect(documented.ok ? null : documented.error).not.toHaveProperty('sandboxOnly')
  })

  it('blacklisted, in the words of the vendor’s device-variables page: the app’s own words, the server’s kept for the helpdesk', async () => {
    const outcome = await serviceOn(sandbox).deactivate({
      product: 'office-suite',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-8888-BLOCKED-PC' }
    })
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'blacklisted',
        status: 400,
        family: 'licence',
        title: 'This device is blocked',
        explanation: ERROR_CATALOGUE.blacklisted.explanation,
        action: ERROR_CATALOGUE.blacklisted.action,
        serverMessage: 'This device is blacklisted'
      }
    })
  })

  describe('redirect_uri with a code on deactivate_bundle (its page does not list it): honoured or ignored', () => {
    /** Redeems "code-<email>" only with the redirect URI it was issued for, as Keycloak does: the one the app chose. */
    const strictRedirects: SandboxSso = {
      ...stubIdentityProvider(),
      async identify(credential) {
        if (credential.kind === 'code' && credential.redirectUri === undefined)
          return { ok: false, refusal: { status: 400, code: 'sso_redirect_uri_mismatch', message: 'Incorrect redirect_uri' } }
        return stubIdentityProvider().identify(credential, 'acme')
      }
    }
    const signIn = (other: RunningSandbox) =>
      createLicenseService({
        config: configWith({ scheme: 'hmac', apiKey: other.apiKey, sharedKey: other.sharedKey }, other.apiUrl),
        fetch,
        openExternal: scriptedBrowser({ code: 'code-ann@acme.test' }).open,
        machineId: () => PC,
        app: APP,
        sandbox: true
      }).deactivateWithSso({ product: 'design-pack', customerAccountCode: 'acme', grant: 'code' }, () => undefined)

    it('honoured (default): the code the app got on the port it chose is redeemed, and the seat is freed', async () => {
      const other = await sandboxWith({ deactivationRedirectUri: 'honoured' }, strictRedirects)
      try {
        expect(await signIn(other)).toMatchObject({ ok: true, value: { method: 'sso-code' } })
        expect(other.devicesOf(3001)).toEqual([])
      } finally {
        await other.close()
      }
    })

    it('ignored: refused; the app says plainly that the vendor must register a fixed port', async () => {
      const other = await sandboxWith({ deactivationRedirectUri: 'ignored' }, strictRedirects)
      try {
        const outcome = await signIn(other)
        expect(outcome).toMatchObject({
          ok: false,
          error: {
            code: 'sso_redirect_uri_mismatch',
            status: 400,
            sandboxOnly: true,
            serverMessage: 'Incorrect redirect_uri',
            action:
              'Ask the software vendor to register a return address with a fixed port for this app (for example http://127.0.0.1:3333/callback) in its company sign-in settings. Until then, use another login method.'
          }
        })
        expect(outcome.ok ? '' : outcome.error.explanation).toMatch(
          /^The vendor registered a sign-in return address without a port, so the app picked a free port/
        )
        expect(other.devicesOf(3001)).toEqual([PC])
      } finally {
        await other.close()
      }
    })

    it('the same code refused when the app did not choose the port (a code given by hand) keeps the entry’s general words', async () => {
      const other = await sandboxWith({ deactivationRedirectUri: 'ignored' }, strictRedirects)
      try {
        const outcome = await serviceOn(other).deactivate({
          product: 'design-pack',
          credentials: { method: 'sso-code', code: 'code-ann@acme.test', customerAccountCode: 'acme', redirectUri: 'http://127.0.0.1:4567/callback' }
        })
        expect(outcome).toMatchObject({
          ok: false,
          error: {
            code: 'sso_redirect_uri_mismatch',
            explanation: ERROR_CATALOGUE.sso_redirect_uri_mismatch.explanation,
            action: ERROR_CATALOGUE.sso_redirect_uri_mismatch.action
          }
        })
      } finally {
        await other.close()
      }
    })
  })
})

describe('OAuth client credentials against the sandbox', () => {
  const tokenCalls = () => sandbox.stats().byPath[new URL(sandbox.oauth.tokenUrl).pathname] ?? 0
  const apiCalls = () => sandbox.stats().byPath[new URL('deactivate_bundle', sandbox.apiUrl).pathname] ?? 0
  const oauth = (): AuthConfig => ({ scheme: 'oauth', ...sandbox.oauth })

  it('deactivates with a bearer token fetched once and reused', async () => {
    const tokensBefore = tokenCalls()
    const service = serviceWith({ auth: oauth() })
    expect(await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })).toMatchObject({
      ok: true
    })
    expect(codeOf(await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }))).toBe(
      'device_not_found'
    )
    expect(tokenCalls() - tokensBefore).toBe(1)
  })

  it('when the server says the cached token expired, fetches a new one and retries once', async () => {
    const service = serviceWith({ auth: oauth() })
    expect(codeOf(await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-1111-FREE-SEAT' } }))).toBe(
      'device_not_found'
    )
    const tokensBefore = tokenCalls()
    const apiBefore = apiCalls()
    clockOffsetMs = 400_000 // the sandbox's clock passes the 300 s token lifetime; the engine's cache does not know
    const outcome = await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } })
    expect(outcome).toMatchObject({ ok: true })
    expect(tokenCalls() - tokensBefore).toBe(1)
    expect(apiCalls() - apiBefore).toBe(2)
  })

  it('a wrong client secret → oauth_token_request_failed, and the API is not called', async () => {
    const apiBefore = apiCalls()
    const outcome = await serviceWith({ auth: { ...(oauth() as Extract<AuthConfig, { scheme: 'oauth' }>), clientSecret: 'wrong-secret' } }).deactivate({
      product: 'office-suite',
      credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' }
    })
    expect(outcome).toMatchObject({ ok: false, error: { code: 'oauth_token_request_failed' } })
    expect(JSON.stringify(outcome)).not.toContain('wrong-secret')
    expect(apiCalls()).toBe(apiBefore)
  })
})

/** Plays the system browser: signs in at once and comes back to the app's loopback listener. */
function scriptedBrowser(answer: { code?: string; accessToken?: string; idToken?: string }) {
  const opened: string[] = []
  const open = async (url: string) => {
    opened.push(url)
    const signIn = new URL(url)
    const redirect = signIn.searchParams.get('redirect_uri')!
    const state = signIn.searchParams.get('state')!
    if (answer.code !== undefined) {
      void fetch(`${redirect}?${new URLSearchParams({ code: answer.code, state }).toString()}`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
      return
    }
    const fragment = new URLSearchParams({ state, token_type: 'Bearer' })
    if (answer.accessToken) fragment.set('access_token', answer.accessToken)
    if (answer.idToken) fragment.set('id_token', answer.idToken)
    const relay = new URL(redirect)
    relay.pathname = `${relay.pathname.replace(/\/$/, '')}/fragment`
    void fetch(relay, {
      method: 'POST',
      headers: { 'x-sso-relay': '1', 'content-type': 'text/plain;charset=UTF-8' },
      body: fragment.toString(),
      signal: AbortSignal.timeout(5_000)
    }).catch(() => undefined)
  }
  return { open, opened }
}

describe('deactivateWithSso: the browser flow wired to the License API', () => {
  it('code grant: signs in, then deactivates with the code, reporting progress in order', async () => {
    const browser = scriptedBrowser({ code: 'code-ann@acme.test' })
    const progress: SsoProgress['stage'][] = []
    const outcome = await serviceWith({ openExternal: browser.open }).deactivateWithSso(
      { product: 'design-pack', customerAccountCode: 'acme', grant: 'code' },
      (p) => progress.push(p.stage)
    )
    expect(outcome).toMatchObject({ ok: true, value: { method: 'sso-code', hardwareId: PC, product: 'design-pack' } })
    expect(new URL(browser.opened[0]!).searchParams.get('response_type')).toBe('code')
    expect(progress[0]).toBe('opening-browser')
    expect(progress.at(-1)).toBe('deactivating')
    expect(identified).toEqual(['code-ann@acme.test'])
    expect(sandbox.devicesOf(3001)).not.toContain(PC)
  })

  it.each<['access_token' | 'id_token', string]>([
    ['access_token', 'access-ann@acme.test'],
    ['id_token', 'id-ann@acme.test']
  ])('implicit grant sends the %s as id_token, per configuration', async (field, expected) => {
    const browser = scriptedBrowser({ accessToken: 'access-ann@acme.test', idToken: 'id-ann@acme.test' })
    const outcome = await serviceWith({ openExternal: browser.open, ssoTokenField: field }).deactivateWithSso(
      { product: 'design-pack', customerAccountCode: 'acme', grant: 'token' },
      () => undefined
    )
    expect(outcome).toMatchObject({ ok: true, value: { method: 'sso-token' } })
    expect(new URL(browser.opened[0]!).searchParams.get('response_type')).toBe('token')
    expect(identified).toEqual([expected])
  })

  it('while the browser sign-in waits, a plain deactivation is busy; cancelling ends the sign-in', async () => {
    let opened!: () => void
    const browserOpened = new Promise<void>((resolve) => (opened = resolve))
    const service = serviceWith({ openExternal: async () => opened() })
    const signIn = service.deactivateWithSso({ product: 'design-pack', customerAccountCode: 'acme', grant: 'code' }, () => undefined)
    await browserOpened
    expect(codeOf(await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }))).toBe('busy')
    expect(service.cancelSso()).toEqual({ ok: true, value: null })
    expect(codeOf(await signIn)).toBe('sso_cancelled')
    expectOk(await service.deactivate({ product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'OFFICE-2222-IN-USE' } }))
  })

  it('an SSO refusal from the server ends the flow before any browser opens', async () => {
    let browserCalls = 0
    const outcome = await serviceWith({ openExternal: async () => void (browserCalls += 1) }).deactivateWithSso(
      { product: 'design-pack', customerAccountCode: 'globex', grant: 'code' },
      () => undefined
    )
    expect(codeOf(outcome)).toBe('sso_not_enabled')
    expect(browserCalls).toBe(0)
  })
})
