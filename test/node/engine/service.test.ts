import { afterEach, describe, expect, it } from 'vitest'
import type { ServerConfig } from '../../../src/main/engine/config'
import { createLicenseService } from '../../../src/main/engine/service'
import type { DeactivationRequestInput } from '../../../src/shared/request'
import type { SsoSignInRequestInput } from '../../../src/shared/request'
import { forbiddenFetch, startHttpServer } from './support/servers'
import { expectOk } from '../../support/expect-ok'
import { anyString } from '../../support/matchers'

const SHARED_KEY = 'service-test-shared-key'
const APP = { name: 'License Manager', version: '1.2.3', os: 'linux 6.1 (x64)' }
const MACHINE = 'test-machine-0001'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!()
})

function configFor(apiUrl: string): ServerConfig {
  return {
    apiUrl,
    auth: { scheme: 'hmac', apiKey: 'service-test-key', sharedKey: SHARED_KEY },
    defaultProduct: 'office-suite',
    defaultCustomerAccount: 'acme',
    timeoutMs: 2_000,
    ssoTimeoutMs: 5_000,
    ssoTokenField: 'access_token'
  }
}

/** A service whose network must stay silent: fetch and the browser both fail the test if used. */
function offlineService(machineId: () => string = () => MACHINE) {
  const fetchSpy = forbiddenFetch()
  let browserOpened = 0
  const service = createLicenseService({
    config: configFor('https://licence.example.com/api/v4/'),
    fetch: fetchSpy,
    openExternal: async () => {
      browserOpened += 1
    },
    machineId,
    app: APP,
    sandbox: false
  })
  return { service, fetchSpy, browserOpened: () => browserOpened }
}

const KEY: DeactivationRequestInput = { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'KEY-1' } }

describe('validation before anything is sent', () => {
  it.each<[string, string, unknown]>([
    ['no product', 'product', { licenseKey: 'K' }],
    ['a blank product', 'product', { ...KEY, product: '   ' }],
    ['a product of the wrong type', 'product', { ...KEY, product: 7 }],
    ['a product longer than 128', 'product', { ...KEY, product: 'p'.repeat(129) }],
    ['a product with a control character', 'product', { ...KEY, product: 'office\u0000suite' }],
    ['a hardware id override longer than 256', 'hardwareId', { ...KEY, hardwareId: 'h'.repeat(257) }],
    ['a hardware id override with a control character', 'hardwareId', { ...KEY, hardwareId: 'pc\u001b1' }],
    ['a hardware id of the wrong type', 'hardwareId', { ...KEY, hardwareId: 12 }],
    ['a licence id that is not a number', 'licenseId', { ...KEY, licenseId: 'twelve' }],
    ['a licence id of zero', 'licenseId', { ...KEY, licenseId: '0' }],
    ['a fractional licence id', 'licenseId', { ...KEY, licenseId: '1.5' }],
    ['a licence id beyond the safe range', 'licenseId', { ...KEY, licenseId: '9007199254740993' }],
    ['no credentials', 'credentials', { product: 'office-suite' }],
    ['an unknown login method', 'credentials', { product: 'office-suite', credentials: { method: 'magic-link', licenseKey: 'K' } }],
    [
      'a licence key with another method’s fields',
      'username',
      { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'K', username: 'u', password: 'p' } }
    ],
    ['a customer account without a method', 'credentials', { product: 'office-suite', credentials: { customerAccountCode: 'acme' } }],
    [
      'a licence key with a customer account',
      'customerAccountCode',
      { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'K', customerAccountCode: 'acme' } }
    ],
    ['credentials outside the credentials', 'credentials', { product: 'office-suite', licenseKey: 'K' }],
    ['a blank licence key', 'licenseKey', { product: 'office-suite', credentials: { method: 'license-key', licenseKey: ' ' } }],
    ['a licence key longer than 256', 'licenseKey', { ...KEY, licenseKey: 'k'.repeat(257) }],
    ['a username without password', 'password', { product: 'office-suite', credentials: { method: 'user', username: 'bob@example.test' } }],
    ['a password without username', 'username', { product: 'office-suite', credentials: { method: 'user', password: 'secret' } }],
    ['a password longer than 1024', 'password', { product: 'office-suite', credentials: { method: 'user', username: 'u', password: 'p'.repeat(1025) } }],
    ['a username longer than 320', 'username', { product: 'office-suite', credentials: { method: 'user', username: 'u'.repeat(321), password: 'p' } }],
    ['an ID token without customer account', 'customerAccountCode', { product: 'office-suite', credentials: { method: 'sso-token', idToken: 'tok' } }],
    ['a code without customer account', 'customerAccountCode', { product: 'office-suite', credentials: { method: 'sso-code', code: 'c0de' } }],
    [
      'an ID token longer than 16384',
      'idToken',
      { product: 'office-suite', credentials: { method: 'sso-token', idToken: 't'.repeat(16385), customerAccountCode: 'acme' } }
    ],
    ['a code longer than 4096', 'code', { product: 'office-suite', credentials: { method: 'sso-code', code: 'c'.repeat(4097), customerAccountCode: 'acme' } }],
    [
      'a customer account longer than 128',
      'customerAccountCode',
      { product: 'office-suite', credentials: { method: 'sso-code', code: 'c', customerAccountCode: 'a'.repeat(129) } }
    ],
    [
      'a redirect URI with a licence key',
      'redirectUri',
      { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'K', redirectUri: 'http://127.0.0.1:5000' } }
    ],
    [
      'a redirect URI that is not an http(s) address',
      'redirectUri',
      { product: 'office-suite', credentials: { method: 'sso-code', code: 'c', customerAccountCode: 'acme', redirectUri: 'javascript:alert(1)' } }
    ],
    [
      'a redirect URI of the wrong type',
      'redirectUri',
      { product: 'office-suite', credentials: { method: 'sso-code', code: 'c', customerAccountCode: 'acme', redirectUri: 5000 } }
    ],
    [
      'a redirect URI longer than 2048',
      'redirectUri',
      {
        product: 'office-suite',
        credentials: { method: 'sso-code', code: 'c', customerAccountCode: 'acme', redirectUri: `http://127.0.0.1/${'p'.repeat(2048)}` }
      }
    ]
  ])('%s → invalid_input naming %s, and nothing is sent', async (_label, field, input) => {
    const { service, fetchSpy } = offlineService()
    const outcome = await service.deactivate(input as DeactivationRequestInput)
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ code: 'invalid_input', field })
    expect(outcome.ok ? '' : outcome.error.explanation).toContain('Nothing was sent')
    expect(fetchSpy.calls).toBe(0)
  })

  it('a non-object input is invalid_input', async () => {
    const { service, fetchSpy } = offlineService()
    const outcome = await service.deactivate(null as unknown as DeactivationRequestInput)
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('invalid_input')
    expect(fetchSpy.calls).toBe(0)
  })

  it('an unreadable machine id without override is hardware_id_unavailable, and nothing is sent', async () => {
    const { service, fetchSpy } = offlineService(() => '')
    const outcome = await service.deactivate(KEY)
    expect(outcome.ok ? 'ok' : outcome.error.code).toBe('hardware_id_unavailable')
    expect(fetchSpy.calls).toBe(0)
    expect(await service.hardwareId()).toMatchObject({ ok: false, error: { code: 'hardware_id_unavailable' } })
  })

  it.each<[string, string, Partial<SsoSignInRequestInput>]>([
    ['no product', 'product', { product: '' }],
    ['no customer account', 'customerAccountCode', { customerAccountCode: ' ' }],
    ['an unknown grant', 'grant', { grant: 'password' as SsoSignInRequestInput['grant'] }],
    ['a bad licence id', 'licenseId', { licenseId: '-3' }],
    ['a bad hardware id override', 'hardwareId', { hardwareId: 'x'.repeat(300) }]
  ])('SSO with %s → invalid_input naming %s; no browser, no request', async (_label, field, change) => {
    const { service, fetchSpy, browserOpened } = offlineService()
    const progress: unknown[] = []
    const input: SsoSignInRequestInput = { product: 'design-pack', customerAccountCode: 'acme', grant: 'code', ...change }
    const outcome = await service.deactivateWithSso(input, (p) => progress.push(p))
    expect(outcome.ok ? 'ok' : outcome.error).toMatchObject({ code: 'invalid_input', field })
    expect(fetchSpy.calls).toBe(0)
    expect(browserOpened()).toBe(0)
    expect(progress).toEqual([])
  })
})

describe('deactivation through the service', () => {
  async function slowServer(delayMs: number) {
    const server = await startHttpServer((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('"license_deactivated"')
      }, delayMs)
    })
    cleanups.push(server.close)
    return server
  }

  function serviceFor(apiUrl: string) {
    return createLicenseService({ config: configFor(apiUrl), fetch, openExternal: async () => undefined, machineId: () => MACHINE, app: APP, sandbox: true })
  }

  it('sends this PC’s id (or the override) and reports what was done', async () => {
    const server = await slowServer(0)
    const service = serviceFor(server.apiUrl)
    const before = Date.now()
    const outcome = await service.deactivate({ product: ' office-suite ', licenseId: '12', credentials: { method: 'license-key', licenseKey: 'KEY-1' } })
    expect(outcome).toEqual({
      ok: true,
      value: { product: 'office-suite', products: null, hardwareId: MACHINE, method: 'license-key', at: anyString() }
    })
    expect(outcome.ok && Date.parse(outcome.value.at)).toBeGreaterThanOrEqual(before - 1000)
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      hardware_id: MACHINE,
      product: 'office-suite',
      license_key: 'KEY-1',
      license_id: 12,
      sdk_ver: 'License Manager 1.2.3'
    })

    const override = await service.deactivate({
      product: 'office-suite',
      hardwareId: ' helpdesk-pc ',
      credentials: { method: 'user', username: 'bob@example.test', password: ' pw ' }
    })
    expect(override).toMatchObject({ ok: true, value: { hardwareId: 'helpdesk-pc', method: 'user' } })
    expect(JSON.parse(server.requests[1]!.body)).toMatchObject({ hardware_id: 'helpdesk-pc', username: 'bob@example.test', password: ' pw ' })
  })

  it('accepts an SSO code obtained elsewhere (the CLI’s --code)', async () => {
    const server = await slowServer(0)
    const outcome = await serviceFor(server.apiUrl).deactivate({
      product: 'design-pack',
      credentials: { method: 'sso-code', code: 'one-time-code', customerAccountCode: 'acme' }
    })
    expect(outcome).toMatchObject({ ok: true, value: { method: 'sso-code' } })
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({ code: 'one-time-code', customer_account_code: 'acme' })
  })

  it('refuses a second deactivation while one is on the wire with busy', async () => {
    const server = await slowServer(300)
    const service = serviceFor(server.apiUrl)
    const first = service.deactivate(KEY)
    const second = await service.deactivate(KEY)
    expect(second.ok ? 'ok' : second.error.code).toBe('busy')
    const sso = await service.deactivateWithSso({ product: 'design-pack', customerAccountCode: 'acme', grant: 'code' }, () => undefined)
    expect(sso.ok ? 'ok' : sso.error.code).toBe('busy')
    expectOk(await first)
    expect(server.requests).toHaveLength(1)
    expectOk(await service.deactivate(KEY))
  })

  it('is free again after a failed deactivation', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end('{"status":400,"code":"device_not_found","message":"An active device matching the hardware_id not found"}')
    })
    cleanups.push(server.close)
    const service = serviceFor(server.apiUrl)
    expect(await service.deactivate(KEY)).toMatchObject({ ok: false, error: { code: 'device_not_found', status: 400 } })
    expect(await service.deactivate(KEY)).toMatchObject({ ok: false, error: { code: 'device_not_found' } })
  })
})

describe('appInfo and hardwareId', () => {
  it('describes the app and the server without any secret', () => {
    const { service } = offlineService()
    const info = service.appInfo()
    expect(info).toEqual({
      name: 'License Manager',
      version: '1.2.3',
      os: 'linux 6.1 (x64)',
      server: 'https://licence.example.com/api/v4/',
      sandbox: false,
      defaultProduct: 'office-suite',
      defaultCustomerAccount: 'acme',
      helpUrl: null,
      brand: { accent: null, logo: null, support: null }
    })
    expect(JSON.stringify(info)).not.toContain(SHARED_KEY)
  })

  it('reports the injected machine id', async () => {
    const { service } = offlineService()
    expect(await service.hardwareId()).toMatchObject({ ok: true, value: { id: MACHINE, source: 'machine-id' } })
  })

  it('cancelSso with nothing running is a harmless success', () => {
    expect(offlineService().service.cancelSso()).toEqual({ ok: true, value: null })
  })
})

describe('the products freed', () => {
  async function deactivateWith(bundleProducts: Record<string, string[]> | undefined, product: string) {
    const server = await startHttpServer((_request, response) => void response.writeHead(200, { 'content-type': 'text/plain' }).end('license_deactivated'))
    cleanups.push(server.close)
    const base = configFor(`${server.origin}/api/v4/`)
    const service = createLicenseService({
      config: bundleProducts === undefined ? base : { ...base, bundleProducts },
      fetch: globalThis.fetch,
      openExternal: async () => undefined,
      machineId: () => MACHINE,
      app: APP,
      sandbox: false
    })
    return expectOk(await service.deactivate({ ...KEY, product }))
  }

  it('are named from the configuration where it lists the bundle', async () => {
    expect((await deactivateWith({ 'office-suite': ['Writer', 'Sheets'] }, 'office-suite')).products).toEqual(['Writer', 'Sheets'])
  })

  it.each<[string, Record<string, string[]> | undefined, string]>([
    ['no list configured', undefined, 'office-suite'],
    ['another bundle listed', { 'design-pack': ['Draw'] }, 'office-suite'],
    ['a bundle code that is an object property', { 'design-pack': ['Draw'] }, 'constructor']
  ])('are not known (null, never invented) with %s', async (_what, bundleProducts, product) => {
    expect((await deactivateWith(bundleProducts, product)).products).toBeNull()
  })
})

describe('the vendor’s help page', () => {
  const HELP_URL = 'https://support.example.com/licences'
  function helpService(helpUrl: string | undefined, openExternal: (url: string) => Promise<void>) {
    const base = configFor('https://licence.example.com/api/v4/')
    return createLicenseService({
      config: helpUrl === undefined ? base : { ...base, helpUrl },
      fetch: forbiddenFetch(),
      openExternal,
      machineId: () => MACHINE,
      app: APP,
      sandbox: false
    })
  }

  it('opens the configured address in the system browser, and names it in appInfo', async () => {
    const opened: string[] = []
    const service = helpService(HELP_URL, async (url) => void opened.push(url))
    expect(service.appInfo().helpUrl).toBe(HELP_URL)
    expect(await service.openHelp()).toEqual({ ok: true, value: null })
    expect(opened).toEqual([HELP_URL])
  })

  it('opens nothing when none is configured', async () => {
    const opened: string[] = []
    const service = helpService(undefined, async (url) => void opened.push(url))
    expect(service.appInfo().helpUrl).toBeNull()
    expect(await service.openHelp()).toMatchObject({
      ok: false,
      error: { code: 'help_page_not_opened', explanation: 'No help page is configured for this app.' }
    })
    expect(opened).toEqual([])
  })

  it('says the browser did not open when the system refused', async () => {
    const service = helpService(HELP_URL, () => Promise.reject(new Error('no browser')))
    expect(await service.openHelp()).toMatchObject({ ok: false, error: { code: 'help_page_not_opened' } })
  })
})
