import { createServer } from 'node:net'
import type { Page } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLicenseService, type LicenseService } from '../../../src/main/engine/service'
import { defaultSeed } from '../../../src/sandbox/seed'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server'
import { createSandboxSso } from '../../../src/sandbox/sso'
import { ERROR_CATALOGUE } from '../../../src/shared/errors'
import { closeOpened } from '../../support/close-opened'
import { signInOnProviderPage } from './harness'
import { launchSystemBrowser, type SystemBrowser } from './system-browser'

/**
 * The deactivate_bundle page does not list `redirect_uri`: a real server may honour it with a code
 * (the sandbox's default) or ignore it (seed `behaviour.deactivationRedirectUri: "ignored"`). Ignored,
 * a code issued for the port the app chose is redeemed with the vendor's port-free registration and
 * refused — and the app says plainly that the vendor should register a fixed port. A vendor who did
 * register one is served either way.
 */
const ANN = { email: 'ann@acme.test', password: 'ann-password' }
const PC = 'sandbox-pc-1'
let browser: SystemBrowser

beforeAll(async () => {
  browser = await launchSystemBrowser()
})
afterAll(() => closeOpened(browser))

async function sandboxWith(deactivationRedirectUri: 'honoured' | 'ignored', redirectUri?: string): Promise<RunningSandbox> {
  return startSandbox({
    quiet: true,
    ssoFactory: createSandboxSso,
    seed: { ...defaultSeed(), behaviour: { deactivationRedirectUri } },
    ...(redirectUri ? { sso: { redirectUri } } : {})
  })
}

function serviceOn(sandbox: RunningSandbox, page: Page): LicenseService {
  return createLicenseService({
    config: {
      apiUrl: sandbox.apiUrl,
      auth: { scheme: 'hmac', apiKey: sandbox.apiKey, sharedKey: sandbox.sharedKey },
      defaultProduct: 'design-pack',
      defaultCustomerAccount: 'acme',
      timeoutMs: 10_000,
      ssoTimeoutMs: 15_000,
      ssoTokenField: 'access_token'
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

async function signInAndDeactivate(sandbox: RunningSandbox) {
  const page = await browser.newPage()
  const outcome = serviceOn(sandbox, page).deactivateWithSso(
    { product: 'design-pack', customerAccountCode: 'acme', grant: 'code', hardwareId: PC },
    () => undefined
  )
  await page.getByRole('heading', { name: 'Sign in to Acme Corp' }).waitFor()
  await signInOnProviderPage(page, ANN)
  return { result: await outcome, callback: new URL(page.url()) }
}

/** A loopback port nothing listens on right now, for a fixed-port registration. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('deactivate_bundle with redirect_uri: the two readings a vendor’s server may have', () => {
  it('honoured (the default): a port-free registration works; the app chose the port and said so', async () => {
    const sandbox = await sandboxWith('honoured')
    try {
      const { result, callback } = await signInAndDeactivate(sandbox)
      expect(result).toMatchObject({ ok: true, value: { method: 'sso-code' } })
      expect(callback.port).not.toBe('')
      expect(sandbox.devicesOf(3001)).toEqual([])
    } finally {
      await sandbox.close()
    }
  })

  it('ignored, with a port-free registration: refused, and the app tells the user the vendor must register a fixed port', async () => {
    const sandbox = await sandboxWith('ignored')
    try {
      const { result } = await signInAndDeactivate(sandbox)
      if (result.ok) throw new Error('expected a refusal')
      const words = ERROR_CATALOGUE.sso_redirect_uri_mismatch
      expect(result.error).toMatchObject({ code: 'sso_redirect_uri_mismatch', status: 400, title: words.title, sandboxOnly: true })
      expect(result.error.explanation).toBe(
        'The vendor registered a sign-in return address without a port, so the app picked a free port on this PC and told the licence server which one. The server redeemed the code with the registered address instead, so the sign-in service refused it. This will happen on every try.'
      )
      expect(result.error.action).toBe(
        'Ask the software vendor to register a return address with a fixed port for this app (for example http://127.0.0.1:3333/callback) in its company sign-in settings. Until then, use another login method.'
      )
      expect(sandbox.devicesOf(3001)).toEqual([PC])
    } finally {
      await sandbox.close()
    }
  })

  it('ignored, with a fixed-port registration (what the app advises): the code is redeemed with it and the seat is freed', async () => {
    const port = await freePort()
    const sandbox = await sandboxWith('ignored', `http://127.0.0.1:${port}/callback`)
    try {
      const { result, callback } = await signInAndDeactivate(sandbox)
      expect(result).toMatchObject({ ok: true, value: { method: 'sso-code' } })
      expect(callback.port).toBe(String(port))
      expect(sandbox.devicesOf(3001)).toEqual([])
    } finally {
      await sandbox.close()
    }
  })
})
