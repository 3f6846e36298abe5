import { test, expect } from './fixtures/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { photograph } from './fixtures/photograph'
import { OfflineScreens } from './fixtures/offline-screens'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, SEED_SECRETS, SSO_ACCOUNT } from './fixtures/seed'
import { ERROR_CATALOGUE } from '../src/shared/errors'
import type { LoginMethod } from '../src/shared/request'

/*
 * The helpdesk walkthrough (docs/helpdesk/walkthrough.md): one page per login method and per common
 * error, each state checked with axe in the light and the dark colour scheme and
 * photographed into docs/helpdesk/ when E2E_DOCS_SCREENSHOTS=1.
 */
const DOCS = 'helpdesk'
const REFERENCE = /^LM-[A-Z]{1,4}-\d{3}-[0-9A-HJKMNP-TV-Z]{4}$/

test.describe('helpdesk walkthrough: the form of each login method', () => {
  const forms: Array<[LoginMethod, Parameters<LicenseManagerScreen['fill']>[1]]> = [
    ['license-key', { 'Licence key': LICENCES.key.licenseKey }],
    ['user', { Username: LICENCES.user.email }],
    ['sso-code', { 'Customer account code': SSO_ACCOUNT.code }],
    ['sso-token', { 'Customer account code': SSO_ACCOUNT.code }]
  ]
  for (const [method, fields] of forms) {
    test(method, async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await screen.fill(method, fields)
      await app.window.mouse.move(0, 0)
      await expectNoAxeViolations(app.window, `the ${method} form`)
      await photograph(app.window, `method-${method}`, { docsDir: DOCS })
    })
  }
})

test.describe('helpdesk walkthrough: results', () => {
  test('confirm, then success with its reference', async ({ app }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.deactivateButton.click()
    await expect(screen.confirmDialog).toBeVisible()
    await expectNoAxeViolations(app.window, 'the confirm dialog')
    await photograph(app.window, 'confirm', { docsDir: DOCS })
    await screen.confirmButton.click()
    await expect(screen.successView).toBeVisible()
    const reference = screen.successView.getByText(/^Reference for the helpdesk:/).locator('strong')
    await expect(reference).toHaveText(/^LM-OK-200-/)
    expect(await reference.textContent()).toMatch(REFERENCE)
    await expectNoAxeViolations(app.window, 'the success view')
    await photograph(app.window, 'success', { docsDir: DOCS })
  })
})

test.describe('helpdesk walkthrough: the browser sign-in', () => {
  // axe and the photographs take a while: the sign-in must not time out meanwhile.
  test.use({ ssoTimeoutMs: 120_000 })
  test('waiting for the browser, then cancelled: a neutral card', async ({ app }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()
    await expectNoAxeViolations(app.window, 'the waiting state')
    await photograph(app.window, 'sso-waiting', { docsDir: DOCS })
    await screen.cancelSignInButton.click()
    await screen.expectError('sso_cancelled', 'Code: sso_cancelled · no HTTP status')
    await expectNoAxeViolations(app.window, 'a cancelled sign-in')
    await photograph(app.window, 'error-sso-cancelled', { docsDir: DOCS })
  })
})

test.describe('helpdesk walkthrough: common errors', () => {
  const errors: Array<[string, LoginMethod, Parameters<LicenseManagerScreen['fill']>[1], 'device_not_found' | 'license_not_found', string]> = [
    ['device-not-found', 'license-key', { 'Licence key': LICENCES.helpdesk.licenseKey }, 'device_not_found', 'LM-DNF-400-'],
    ['wrong-password', 'user', { Username: LICENCES.user.email, Password: 'not-the-password' }, 'license_not_found', 'LM-LNF-400-']
  ]
  for (const [name, method, fields, code, prefix] of errors) {
    test(`an error: ${name}`, async ({ app }) => {
      test.slow()
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await screen.fill(method, fields)
      await screen.submitAndConfirm()
      const view = await screen.expectError(code, `Code: ${code} · HTTP 400`, method)
      await expect(view.getByText(/^Reference for the helpdesk:/).locator('strong')).toHaveText(new RegExp(`^${prefix}`))
      if (method === 'user') await expect(view).toContainText('Check the email (username) and the password')
      await expectNoAxeViolations(app.window, `the ${code} error`)
      await photograph(app.window, `error-${name}`, { docsDir: DOCS })
    })
  }
})

test.describe('the helpdesk link', () => {
  test('a link clicked while the app runs prefills bundle, method and account, and sends nothing', async ({ app, sandbox }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    const requests = sandbox.stats().requests
    await app.openHelpdeskLink(`license-manager://deactivate?product=${BUNDLE.code}&method=sso-code&account=${SSO_ACCOUNT.code}`)
    await expect(app.window.getByRole('status').filter({ hasText: 'Filled in from the helpdesk link' })).toContainText(
      `bundle ${BUNDLE.code}, Company sign-in in the browser, customer account ${SSO_ACCOUNT.code}`
    )
    await expect(screen.method('sso-code')).toBeChecked()
    await expect(screen.field('Bundle code')).toHaveValue(BUNDLE.code)
    await expect(screen.field('Customer account code')).toHaveValue(SSO_ACCOUNT.code)
    await expect(screen.confirmDialog).toBeHidden()
    expect(await app.openedUrls()).toEqual([])
    expect(sandbox.stats().requests).toBe(requests)
    await photograph(app.window, 'prefilled-by-link', { docsDir: DOCS })
  })

  test('a link carrying a secret is refused whole and never shown', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await app.openHelpdeskLink(`license-manager://deactivate?product=${BUNDLE.code}&licenseKey=${LICENCES.key.licenseKey}`)
    await expect(app.window.getByRole('alert')).toContainText('The support link could not be used')
    await expect(screen.field('Licence key')).toHaveValue('')
    for (const secret of SEED_SECRETS) expect(await app.window.content()).not.toContain(secret)
  })
})

test.describe('accessibility of the offline screens', () => {
  test('writing a request file, the saved file, the upload, the freed seat and a refused replay: no axe violations', async ({ app }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    const offline = new OfflineScreens(app.window)
    await screen.ready()
    await offline.openWriter()
    await expectNoAxeViolations(app.window, 'the offline request form')
    await offline.saveButton.click()
    await expect(offline.writeForm.getByRole('textbox', { name: 'Licence key' })).toBeFocused()
    await expectNoAxeViolations(app.window, 'the offline request form with an error')
    await offline.field('Licence key').fill(LICENCES.key.licenseKey)
    await offline.saveButton.click()
    await expect(offline.savedView).toBeVisible()
    await expectNoAxeViolations(app.window, 'the saved request file')

    const [saved] = await app.savedFiles()
    await offline.openUpload()
    await expectNoAxeViolations(app.window, 'the empty upload screen')
    await offline.fileInput.setInputFiles(saved!.path)
    await expect(offline.willFree).toBeVisible()
    await expectNoAxeViolations(app.window, 'the upload screen with a file')
    await offline.uploadButton.click()
    await expect(offline.seatFreedView).toBeVisible()
    await expectNoAxeViolations(app.window, 'the freed seat')

    await app.window.getByRole('button', { name: 'Upload another file' }).click()
    await offline.fileInput.setInputFiles(saved!.path)
    await offline.uploadButton.click()
    await expect(app.window.getByText('Code: offline_request_replayed · HTTP 400')).toBeVisible()
    await expectNoAxeViolations(app.window, 'a refused upload')
  })
})

test.describe('the start-up failure screen', () => {
  // A configuration file the app cannot use: its server address is plain http away from this PC.
  test.use({ configFile: { apiUrl: 'http://licence.example.com/api/v4/', auth: { scheme: 'hmac', apiKey: 'k', sharedKey: 's' } } })
  test.skip(({ appKind }) => appKind === 'electron', 'the browser harness reads the configuration file it is given; the Electron app reads its own')

  test('says what failed and gives the helpdesk facts, with no axe violations in light and dark', async ({ app, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await expect(screen.resultHeading).toHaveText(ERROR_CATALOGUE.config_invalid.title, { timeout: 20_000 })
    const failure = screen.errorView(ERROR_CATALOGUE.config_invalid.title)
    await expect(failure).toContainText('config file field "apiUrl" must use https:')
    await expect(failure).toContainText('A valid value looks like "https://api.licensespring.com/api/v4/"')
    const facts = app.window.getByRole('region', { name: 'For the helpdesk' })
    await expect(facts).toContainText(machineHardwareId.slice(0, 4))
    await expect(screen.copyDiagnosticsButton).toBeVisible()
    await expect(screen.tryAgainButton).toBeVisible()
    await expectNoAxeViolations(app.window, 'the start-up failure screen')
  })
})

test.describe('the vendor’s help page', () => {
  const HELP_URL = 'https://support.example.com/licences#where-is-my-key'
  test.use({ helpUrl: HELP_URL })
  test.skip(({ appKind }) => appKind === 'electron', 'the browser harness sets the help page; the Electron app reads its configuration')

  test('is linked under the form and opens in the system browser through the app', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    const link = app.window.getByRole('link', { name: 'Where do I find my licence key or bundle code?' })
    await expect(link).toHaveAttribute('href', HELP_URL)
    await link.click()
    await expect.poll(() => app.openedUrls()).toEqual([HELP_URL])
    // The window itself stays on the app's page.
    await expect(screen.deactivateButton).toBeVisible()
  })
})
