import { test, expect } from './fixtures/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { AS_THE_USER_SEES_IT, picture } from './fixtures/guide-pictures'
import { OfflineScreens } from './fixtures/offline-screens'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, OTHER_PC_ID, SEED_SECRETS, SSO_ACCOUNT } from './fixtures/seed'
import { ERROR_CATALOGUE } from '../src/shared/errors'
import { hardwareIdFingerprint } from '../src/shared/helpdesk/hardware-id-format'
import { REFERENCE_PATTERN } from '../src/shared/helpdesk/reference'
import type { LoginMethod } from '../src/shared/request'

/*
 * The helpdesk guide's walkthroughs (docs/helpdesk/walkthrough.md): each login method, the
 * confirmation, the result, the browser sign-in and its link, the override. Each state is
 * checked with axe and photographed as the user sees it (the real 520×720 window, banner,
 * light theme, neutral examples) into docs/helpdesk/pictures/ when E2E_DOCS_SCREENSHOTS=1.
 * The error states' pictures are e2e/helpdesk-pictures.spec.ts's.
 */
test.use(AS_THE_USER_SEES_IT)

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
      await expectNoAxeViolations(app.window, `the ${method} form`)
      if (method === 'sso-token') {
        // The method is chosen under Advanced, below the hardware id; its fields then show under the bundle code.
        await expect(screen.advanced).toBeVisible()
        await screen.method('sso-token').scrollIntoViewIfNeeded()
        await picture(app.window, 'form-sso-token-advanced')
        await app.window.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0))
        await expect(screen.field('ID token')).toBeInViewport()
      }
      await picture(app.window, `form-${method}`)
    })
  }
})

test.describe('helpdesk walkthrough: results', () => {
  test('confirm, then success with its reference', async ({ app, machineHardwareId }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.deactivateButton.click()
    await expect(screen.confirmDialog).toBeVisible()
    await expect(screen.confirmDialog).toContainText(`fingerprint ${hardwareIdFingerprint(machineHardwareId)}`)
    await expectNoAxeViolations(app.window, 'the confirm dialog')
    await picture(app.window, 'confirm')
    await screen.confirmButton.click()
    await expect(screen.successView).toBeVisible()
    const reference = screen.successView.getByText(/^Reference for the helpdesk:/).locator('strong')
    await expect(reference).toHaveText(/^LM-YES-200-/)
    expect(await reference.textContent()).toMatch(REFERENCE_PATTERN)
    await expectNoAxeViolations(app.window, 'the success view')
    await picture(app.window, 'success')
  })

  test('the override: after "This PC is not activated", the id the licensed program shows', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.helpdesk.licenseKey })
    await screen.submitAndConfirm()
    await screen.expectError('device_not_found', 'Code: device_not_found · HTTP 400')
    await screen.tryAgainButton.click()
    await expect(screen.field('Hardware id override')).toBeFocused()
    await screen.field('Hardware id override').fill(OTHER_PC_ID)
    await expect(screen.hardwareIdPanel).toContainText('The hardware id you entered will be sent instead of this PC’s')
    await expectNoAxeViolations(app.window, 'the override filled in')
    await picture(app.window, 'override')
  })
})

test.describe('helpdesk walkthrough: the browser sign-in', () => {
  // axe and the photographs take a while: the sign-in must not time out meanwhile.
  test.use({ ssoTimeoutMs: 120_000 })
  test('waiting for the browser, with the sign-in link to copy', async ({ app }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()
    await expect(app.window.getByRole('button', { name: 'Copy sign-in link' })).toBeVisible()
    await expectNoAxeViolations(app.window, 'the waiting state')
    await picture(app.window, 'sso-waiting')
    await screen.cancelSignInButton.click()
    await screen.expectError('sso_cancelled', 'Code: sso_cancelled · no HTTP status')
  })

  test.describe('on a PC whose browser cannot be opened', () => {
    test.use({ systemBrowserFails: true })
    test.skip(
      ({ appKind }) => appKind === 'electron',
      'the browser harness stands in for a PC without a default browser; the Electron app opens its stubbed one'
    )
    test('the window says so and offers the link to copy into a browser', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
      await screen.submitAndConfirm(screen.signInButton)
      await expect(screen.progress('Waiting for your browser…')).toBeVisible()
      await expect(app.window.getByText(/Copy the sign-in link, paste it into your browser and sign in there\./)).toBeVisible()
      const copy = app.window.getByRole('button', { name: 'Copy sign-in link' })
      await copy.click()
      expect(new URL(await app.readClipboard()).searchParams.get('response_type')).toBe('code')
      await app.window.mouse.move(0, 0)
      await picture(app.window, 'sso-copy-link')
      await screen.cancelSignInButton.click()
      await screen.expectError('sso_cancelled', 'Code: sso_cancelled · no HTTP status')
    })
  })
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
    await picture(app.window, 'prefilled-by-link')
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
