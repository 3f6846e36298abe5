import type { Page } from '@playwright/test'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectOk } from '../../support/expect-ok'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runCli } from '../../../src/cli/run'
import { createLicenseApiClient } from '../../../src/main/engine/license-api-client'
import { createLicenseService, type LicenseService } from '../../../src/main/engine/service'
import type { SsoProgress } from '../../../src/shared/api'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { createSandboxSso } from '../../../src/sandbox/sso'
import { signInOnProviderPage } from './harness'
import { isListening } from './loopback-probe'
import { launchSystemBrowser, type SystemBrowser } from './system-browser'
import { stringMatching } from '../../support/matchers'
import { closeOpened } from '../../support/close-opened'

/** From the default seed: licence 3001 of design-pack belongs to ann@acme.test (SSO) and is active on sandbox-pc-1. */
const ANN = { email: 'ann@acme.test', password: 'ann-password' }
const PC = 'sandbox-pc-1'

let sandbox: RunningSandbox
let browser: SystemBrowser

beforeAll(async () => {
  sandbox = await startSandbox({ quiet: true, ssoFactory: createSandboxSso })
  browser = await launchSystemBrowser()
})

afterAll(async () => {
  await closeOpened(browser, sandbox)
})

beforeEach(() => sandbox.reset())

function serviceFor(page: Page, ssoTokenField: 'access_token' | 'id_token' = 'access_token'): LicenseService {
  return createLicenseService({
    config: {
      apiUrl: sandbox.apiUrl,
      auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
      defaultProduct: 'design-pack',
      defaultCustomerAccount: 'acme',
      timeoutMs: 10_000,
      ssoTimeoutMs: 15_000,
      ssoTokenField
    },
    fetch: globalThis.fetch,
    openExternal: async (url) => {
      await page.goto(url)
    },
    machineId: () => 'this-test-machine',
    app: { name: 'License Manager', version: '0.0.0-test', os: 'test' },
    sandbox: true
  })
}

/** Runs deactivateWithSso, signing in on the provider's page as soon as it shows. */
async function deactivateWithSso(page: Page, service: LicenseService, grant: 'code' | 'token', user = ANN) {
  const progress: SsoProgress[] = []
  const outcome = service.deactivateWithSso({ product: 'design-pack', customerAccountCode: 'acme', grant, hardwareId: PC }, (p) => progress.push(p))
  await page.getByRole('heading', { name: 'Sign in to Acme Corp' }).waitFor()
  await signInOnProviderPage(page, user)
  return { result: await outcome, progress }
}

describe('SSO deactivation against the sandbox, through the engine, in a real browser', () => {
  it('the sandbox summary names the provider and its registered redirect', () => {
    expect(sandbox.summary().sso).toMatchObject({
      attached: true,
      issuer: stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      clientId: 'license-users',
      redirectUris: { acme: 'http://127.0.0.1' }
    })
  })

  it('authorization-code grant: deactivate_bundle with the code frees the seat; the same code then fails', async () => {
    const page = await browser.newPage()
    const service = serviceFor(page)
    expect(sandbox.devicesOf(3001)).toEqual([PC])

    const { result, progress } = await deactivateWithSso(page, service, 'code')
    expect(result).toMatchObject({ ok: true, value: { product: 'design-pack', hardwareId: PC, method: 'sso-code' } })
    expect(sandbox.devicesOf(3001)).toEqual([])
    expect(progress.map((p) => p.stage)).toEqual(['opening-browser', 'waiting-for-browser', 'deactivating'])
    await page.getByRole('heading', { name: 'Signed in' }).waitFor()

    const callback = new URL(page.url())
    const code = callback.searchParams.get('code') ?? ''
    expect(code).not.toBe('')
    expect(await isListening('127.0.0.1', Number(callback.port))).toBe(false)

    sandbox.reset()
    const replay = await service.deactivate({ product: 'design-pack', hardwareId: PC, credentials: { method: 'sso-code', code, customerAccountCode: 'acme' } })
    expect(replay).toMatchObject({ ok: false, error: { code: 'sso_code_invalid', status: 400 } })
    expect(sandbox.devicesOf(3001)).toEqual([PC])
    expect(browser.blocked).toEqual([])
  })

  for (const field of ['access_token', 'id_token'] as const) {
    it(`implicit grant sending the ${field} as id_token frees the seat`, async () => {
      const page = await browser.newPage()
      const { result } = await deactivateWithSso(page, serviceFor(page, field), 'token')
      expect(result).toMatchObject({ ok: true, value: { method: 'sso-token', hardwareId: PC } })
      expect(sandbox.devicesOf(3001)).toEqual([])
    })
  }

  it('a signed-in user without a licence of the bundle gets sso_user_not_found', async () => {
    const page = await browser.newPage()
    const { result } = await deactivateWithSso(page, serviceFor(page), 'code', { email: 'dora@acme.test', password: 'dora-password' })
    expect(result).toMatchObject({ ok: false, error: { code: 'sso_user_not_found' } })
    expect(sandbox.devicesOf(3001)).toEqual([PC])
  })

  it('an account without SSO is refused before any browser opens', async () => {
    const page = await browser.newPage()
    const result = await serviceFor(page).deactivateWithSso(
      { product: 'design-pack', customerAccountCode: 'globex', grant: 'code', hardwareId: PC },
      () => undefined
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'sso_not_enabled' } })
    expect(page.url()).toBe('about:blank')
  })

  it('the command line (--sso) completes the code flow against the provider, and the code is bound to the app’s redirect', async () => {
    const page = await browser.newPage()
    const opened: string[] = []
    const out = { stdout: '', stderr: '' }
    const exit = runCli(['deactivate', '--product', 'design-pack', '--sso', '--customer-account', 'acme', '--hardware-id', PC, '--json'], {
      env: { LM_API_URL: sandbox.apiUrl, LM_API_KEY: sandbox.apiKey, LM_SHARED_KEY: sandbox.sharedKey },
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      readStdin: async () => '',
      fetch: globalThis.fetch,
      openExternal: async (url) => {
        opened.push(url)
        await page.goto(url)
      },
      onInterrupt: () => () => undefined
    })
    await page.getByRole('heading', { name: 'Sign in to Acme Corp' }).waitFor()
    await signInOnProviderPage(page, ANN)
    expect(await exit).toBe(0)
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, value: { method: 'sso-code', hardwareId: PC } })
    expect(sandbox.devicesOf(3001)).toEqual([])
    // The authorization request named the app's own port: sso_url was asked for exactly that redirect.
    expect(new URL(opened[0]!).searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.stats().byPath['/api/v4/sso_url']).toBeGreaterThanOrEqual(2)
  })

  it('over HTTP: a code issued for a port-changed redirect is refused without, or with another, redirect_uri and accepted with the same', async () => {
    /** Signs in for a code whose authorization request names `redirectUri` (a stand-in loopback page catches it). */
    async function codeFor(redirectUri: string): Promise<string> {
      const client = createLicenseApiClient({
        apiUrl: sandbox.apiUrl,
        auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
        fetch,
        timeoutMs: 5_000,
        sdkVersion: 'test'
      })
      const answer = expectOk(await client.ssoUrl({ product: 'design-pack', customerAccountCode: 'acme', responseType: 'code', redirectUri }))
      expect(new URL(answer.url).searchParams.get('redirect_uri')).toBe(redirectUri)
      const page = await browser.newPage()
      await page.goto(answer.url)
      await signInOnProviderPage(page, ANN)
      await page.getByText('caught').waitFor()
      const code = new URL(page.url()).searchParams.get('code')
      await page.close()
      if (!code) throw new Error('no code')
      return code
    }
    const catcher = createServer((_req, res) => res.end('caught'))
    await new Promise<void>((resolve) => catcher.listen(0, '127.0.0.1', resolve))
    const chosen = `http://127.0.0.1:${(catcher.address() as AddressInfo).port}`
    const other = `http://127.0.0.1:${(catcher.address() as AddressInfo).port === 65535 ? 65534 : (catcher.address() as AddressInfo).port + 1}`
    try {
      const service = serviceFor(await browser.newPage())
      const base = { product: 'design-pack', hardwareId: PC }
      const code = async (uri: string) => ({ method: 'sso-code' as const, code: await codeFor(uri), customerAccountCode: 'acme' })

      const without = await service.deactivate({ ...base, credentials: await code(chosen) })
      expect(without).toMatchObject({ ok: false, error: { code: 'sso_redirect_uri_mismatch', status: 400, serverMessage: 'Incorrect redirect_uri' } })
      const another = await service.deactivate({ ...base, credentials: { ...(await code(chosen)), redirectUri: other } })
      expect(another).toMatchObject({ ok: false, error: { code: 'sso_redirect_uri_mismatch' } })
      expect(sandbox.devicesOf(3001)).toEqual([PC])

      const same = await service.deactivate({ ...base, credentials: { ...(await code(chosen)), redirectUri: chosen } })
      expect(same).toMatchObject({ ok: true, value: { method: 'sso-code' } })
      expect(sandbox.devicesOf(3001)).toEqual([])
    } finally {
      await new Promise((resolve) => catcher.close(resolve))
    }
  })

  it('Cancel while the browser waits ends with sso_cancelled and changes nothing', async () => {
    const page = await browser.newPage()
    const service = serviceFor(page)
    const outcome = service.deactivateWithSso({ product: 'design-pack', customerAccountCode: 'acme', grant: 'code', hardwareId: PC }, () => undefined)
    await page.getByRole('heading', { name: 'Sign in to Acme Corp' }).waitFor()
    expect(service.cancelSso()).toEqual({ ok: true, value: null })
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_cancelled' } })
    expect(sandbox.devicesOf(3001)).toEqual([PC])
  })
})
