import { test, expect } from './fixtures/test'
import { LicenseManagerScreen } from './fixtures/screen'
import { API, BUNDLE, LICENCES } from './fixtures/seed'

test.describe('Copy diagnostics gives the helpdesk what it needs and no secret', () => {
  test('after a refused username and password', async ({ app, sandbox, machineHardwareId, engineSetup }) => {
    const wrongPassword = 'bob-wrong-pass-11c9'
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('user', { Username: LICENCES.user.email, Password: wrongPassword })
    await screen.submitAndConfirm()
    const view = await screen.expectError('license_not_found', 'Code: license_not_found · HTTP 400', 'user')
    const reference = await view
      .getByText(/^Reference for the helpdesk:/)
      .locator('strong')
      .textContent()

    await screen.copyDiagnosticsButton.click()
    await expect(view.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
    const text = await app.readClipboard()

    expect(text).toContain('Error code: license_not_found')
    expect(text).toContain('HTTP status: 400')
    expect(text).toContain(`Hardware id: ${machineHardwareId}`)
    expect(text).toContain(`Bundle: ${BUNDLE.code}`)
    expect(text).toContain('Method: Username and password (user)')
    expect(text).toContain(`Reference: ${reference}`)
    expect(text).toContain(`Username: ${LICENCES.user.email}`)
    expect(text).toMatch(/^Time zone: \S+$/m)
    expect(text).toContain(`Server: ${new URL(engineSetup.apiUrl).origin}`)
    for (const secret of [wrongPassword, LICENCES.user.password, API.sharedKey, sandbox.sharedKey]) {
      expect(text, 'diagnostics must not carry a secret').not.toContain(secret)
    }
    await expect(app.window.getByRole('main')).not.toContainText(wrongPassword)
  })

  test('after a deactivation with a licence key', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.submitAndConfirm()
    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })

    await screen.copyDiagnosticsButton.click()
    await expect(screen.successView.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible()
    const text = await app.readClipboard()

    expect(text).toContain('Result: deactivated')
    expect(text).toContain(`Hardware id: ${machineHardwareId}`)
    expect(text).toContain('Method: Licence key (license-key)')
    expect(text).toContain(`Licence key: ••••${LICENCES.key.licenseKey.slice(-4)}`)
    expect(text).toMatch(/^Reference: LM-YES-200-[0-9A-Z]{4}$/m)
    for (const secret of [LICENCES.key.licenseKey, API.sharedKey, sandbox.sharedKey]) {
      expect(text, 'diagnostics must not carry a secret').not.toContain(secret)
    }
    await expect(app.window.getByRole('main')).not.toContainText(LICENCES.key.licenseKey)
  })
})
