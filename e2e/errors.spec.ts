import { test, expect } from './fixtures/test'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, SINGLE_PRODUCT } from './fixtures/seed'

/*
 * Each error family as the person sees it: the catalogue's title as the heading and
 * the literal code line. Titles come from ERROR_CATALOGUE (see screen.ts), codes are
 * spelled here, so a wrong mapping shows up as a mismatch of code and title.
 */

async function deactivateWithKey(screen: LicenseManagerScreen, licenceKey: string, bundle: string = BUNDLE.code) {
  await screen.ready()
  await screen.fill('license-key', { 'Bundle code': bundle, 'Licence key': licenceKey })
  await screen.submitAndConfirm()
}

test.describe('the server refuses the request', () => {
  test('a wrong licence key: license_not_found, and a corrected retry succeeds', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, 'E2EK-WRONG-KEY0-9999')
    await screen.expectError('license_not_found', 'Code: license_not_found · HTTP 400', 'license-key')
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])

    await screen.tryAgainButton.click()
    await expect(screen.field('Licence key')).toHaveValue('E2EK-WRONG-KEY0-9999')
    await screen.field('Licence key').fill(LICENCES.key.licenseKey)
    await screen.submitAndConfirm()
    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })
  })

  test('an unknown bundle code: unknown_product', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.key.licenseKey, 'no-such-bundle')
    await screen.expectError('unknown_product', 'Code: unknown_product · HTTP 400')
  })

  test('a single product instead of a bundle: product_not_bundle', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.key.licenseKey, SINGLE_PRODUCT.code)
    await screen.expectError('product_not_bundle', 'Code: product_not_bundle · HTTP 400')
  })

  test('a licence that was never activated: license_not_active', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.inactive.licenseKey)
    await screen.expectError('license_not_active', 'Code: license_not_active · HTTP 400')
  })

  test('deactivating twice: device_not_found the second time', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.key.licenseKey)
    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })

    await screen.deactivateAnotherButton.click()
    await expect(screen.field('Licence key')).toHaveValue('')
    await screen.field('Licence key').fill(LICENCES.key.licenseKey)
    await screen.submitAndConfirm()
    await screen.expectError('device_not_found', 'Code: device_not_found · HTTP 400')
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([])
  })
})

test.describe('the app is configured with a shared key that does not match its API key', () => {
  test.use({ appKeys: 'wrong-shared-key' })
  test('signature_mismatch', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.key.licenseKey)
    await screen.expectError('signature_mismatch', 'Code: signature_mismatch · HTTP 401')
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])
  })
})

test.describe('the app is configured with an API key the server does not know', () => {
  test.use({ appKeys: 'unknown-api-key' })
  test('invalid_api_key', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.key.licenseKey)
    await screen.expectError('invalid_api_key', 'Code: invalid_api_key · HTTP 400')
  })
})

test.describe('this PC’s clock is 20 minutes behind the server’s', () => {
  test.use({ serverClockOffsetMs: 20 * 60_000 })
  test('date_header_diff', async ({ app, sandbox, machineHardwareId }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.key.licenseKey)
    await screen.expectError('date_header_diff', 'Code: date_header_diff · HTTP 400')
    expect(sandbox.devicesOf(LICENCES.key.licenseKey)).toEqual([machineHardwareId])
  })
})

test.describe('nothing listens at the server address', () => {
  test.use({ licenceServer: 'refusing-port' })
  test('cannot_connect_to_server', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await deactivateWithKey(screen, LICENCES.key.licenseKey)
    await screen.expectError('cannot_connect_to_server', 'Code: cannot_connect_to_server · no HTTP status')
  })
})

test.describe('the server accepts the connection and never answers', () => {
  test.use({ licenceServer: 'silent-server', requestTimeoutMs: 1_500 })
  test('timeout, after a visible wait', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.deactivateButton.click()
    const confirmedAt = Date.now()
    await screen.confirmButton.click()
    await expect(screen.progress('Deactivating…')).toBeVisible()
    await screen.expectError('timeout', 'Code: timeout · no HTTP status')
    // The app waited for the configured limit (1.5 s), not less.
    expect(Date.now() - confirmedAt).toBeGreaterThanOrEqual(1_400)
  })
})
