import { test, expect } from './fixtures/test'
import { OfflineScreens } from './fixtures/offline-screens'
import { AS_THE_USER_SEES_IT } from './fixtures/guide-pictures'
import { photograph } from './fixtures/photograph'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, SSO_ACCOUNT } from './fixtures/seed'

/*
 * A tour of the main states, asserted and photographed (e2e/fixtures/photograph.ts):
 * with E2E_DOCS_SCREENSHOTS=1 the chromium project also refreshes docs/screenshots/
 * as the user sees the window (e2e/fixtures/guide-pictures.ts): 520 wide, light theme,
 * the sandbox banner, neutral example values.
 */
test.use(AS_THE_USER_SEES_IT)

/** What README.md's first try types, on the built-in sandbox's default seed. */
const FIRST_TRY = { bundle: 'office-suite', licenseKey: 'OFFICE-2222-IN-USE' } as const

test.describe('screenshots of the main states', () => {
  test.use({ viewport: { width: 520, height: 720 }, colorScheme: 'light', asBuiltInSandbox: true })

  test('the form as README.md shows it: the sandbox banner, the first try typed in', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await expect(app.window.getByText('Sandbox: test licences')).toBeVisible()
    await screen.fill('license-key', { 'Bundle code': FIRST_TRY.bundle, 'Licence key': FIRST_TRY.licenseKey })
    await expect(screen.deactivateButton).toBeInViewport()
    await screen.field('Licence key').blur()
    await app.window.mouse.move(0, 0)
    await photograph(app.window, 'form')
  })

  test('confirmation, success', async ({ app, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.deactivateButton.click()
    await expect(screen.confirmDialog).toBeVisible()
    await expect(screen.confirmDialog).toContainText(`bundle ${BUNDLE.code}`)
    await photograph(app.window, 'confirm-dialog')

    await screen.confirmButton.click()
    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })
    await photograph(app.window, 'success')
  })

  test('waiting for the company sign-in', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()
    await expect(screen.cancelSignInButton).toBeVisible()
    await photograph(app.window, 'sso-waiting')
    await photograph(await app.systemBrowserPage(), 'sso-provider-sign-in', { docsDir: null })
    await screen.cancelSignInButton.click()
    await screen.expectError('sso_cancelled', 'Code: sso_cancelled · no HTTP status')
  })

  test('an error: this PC is not activated on the licence', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.helpdesk.licenseKey })
    await screen.submitAndConfirm()
    await screen.expectError('device_not_found', 'Code: device_not_found · HTTP 400')
    await photograph(app.window, 'error-device-not-found')
  })

  test('a PC without internet: the request file saved, then the upload screen', async ({ app, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    const offline = new OfflineScreens(app.window)
    await screen.ready()
    await offline.openWriter()
    await offline.field('Licence key').fill(LICENCES.key.licenseKey)
    await app.window.mouse.move(0, 0)
    await photograph(app.window, 'offline-request-form', { fullPage: true })

    await offline.saveButton.click()
    await expect(offline.savedView).toContainText('The seat is not free yet.')
    await photograph(app.window, 'offline-request-saved', { fullPage: true })

    const [saved] = await app.savedFiles()
    await offline.openUpload()
    await offline.fileInput.setInputFiles(saved!.path)
    await expect(offline.fact(offline.willFree, 'Hardware id')).toHaveText(machineHardwareId)
    await app.window.mouse.move(0, 0)
    await photograph(app.window, 'offline-upload', { fullPage: true })
  })
})
