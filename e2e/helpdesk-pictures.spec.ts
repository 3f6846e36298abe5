import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures/test'
import { AS_THE_USER_SEES_IT, picture } from './fixtures/guide-pictures'
import { OfflineScreens } from './fixtures/offline-screens'
import { LicenseManagerScreen, type FieldLabel } from './fixtures/screen'
import { BUNDLE, HARDWARE_ID_LOST_BY_SERVER, KEY_ONLY_BUNDLE, LICENCES, SINGLE_PRODUCT, SSO_ACCOUNT } from './fixtures/seed'
import { signInAtProvider } from './fixtures/sso-browser'
import { refusedConnection } from './fixtures/unreachable-servers'
import { ERROR_CATALOGUE, type KnownErrorCode } from '../src/shared/errors'
import { MAX_REQUEST_FILE_BYTES } from '../src/main/engine/offline/request-file'
import type { LoginMethod } from '../src/shared/request'

/*
 * One picture per error state the helpdesk guide shows (docs/helpdesk/errors.md), each state
 * asserted first: the real 520×720 window with its sandbox banner, light theme, neutral example
 * values. With E2E_DOCS_SCREENSHOTS=1 the chromium project writes them to
 * docs/helpdesk/pictures/error-<code>.png; the guide's generator shows a picture for each code
 * that has one (`npm run docs:helpdesk`).
 */
test.use(AS_THE_USER_SEES_IT)

const codeLine = (code: KnownErrorCode) => {
  const status = ERROR_CATALOGUE[code].status
  return `Code: ${code} · ${status > 0 ? `HTTP ${status}` : 'no HTTP status'}`
}

interface Refusal {
  code: KnownErrorCode
  method: LoginMethod
  fields: Partial<Record<FieldLabel, string>>
  /** The error's words depend on the login method (license_not_found). */
  wordedFor?: LoginMethod
}

test.describe('the licence server refuses: one picture each', () => {
  test('refusals of the sandbox, in turn, each retried from its error view', async ({ app }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()

    // Nothing sent yet: the form marks the field.
    await screen.fill('license-key', { 'Licence key': '' })
    await screen.deactivateButton.click()
    await expect(screen.field('Licence key')).toBeFocused()
    await expect(screen.field('Licence key')).toHaveAccessibleDescription(/Licence key is required\./)
    await picture(app.window, 'error-invalid_input')

    const key = LICENCES.key.licenseKey
    const refusals: Refusal[] = [
      { code: 'license_not_found', method: 'license-key', fields: { 'Licence key': 'E2EK-WRNG-KEY0-9999' }, wordedFor: 'license-key' },
      { code: 'unknown_product', method: 'license-key', fields: { 'Bundle code': 'office-suit', 'Licence key': key } },
      { code: 'product_not_bundle', method: 'license-key', fields: { 'Bundle code': SINGLE_PRODUCT.code, 'Licence key': key } },
      { code: 'license_not_active', method: 'license-key', fields: { 'Licence key': LICENCES.inactive.licenseKey } },
      { code: 'device_not_found', method: 'license-key', fields: { 'Licence key': LICENCES.helpdesk.licenseKey } },
      { code: 'license_expired', method: 'license-key', fields: { 'Licence key': LICENCES.expired.licenseKey } },
      { code: 'blacklisted', method: 'license-key', fields: { 'Licence key': LICENCES.blacklisted.licenseKey } },
      {
        code: 'license_key_required',
        method: 'user',
        fields: { 'Bundle code': KEY_ONLY_BUNDLE.code, Username: LICENCES.user.email, Password: LICENCES.user.password }
      },
      // Last: it leaves an override in the form.
      { code: 'missing_hardware_id', method: 'license-key', fields: { 'Licence key': key, 'Hardware id override': HARDWARE_ID_LOST_BY_SERVER } }
    ]
    for (const { code, method, fields, wordedFor } of refusals) {
      await screen.fill(method, { 'Bundle code': BUNDLE.code, ...fields })
      await screen.submitAndConfirm()
      await screen.expectError(code, codeLine(code), wordedFor)
      await picture(app.window, `error-${code}`)
      await screen.tryAgainButton.click()
      await expect(screen.form).toBeVisible()
    }
  })

  test('company sign-in: an unknown account, a cancelled sign-in, the wrong account', async ({ app }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': 'no-such-company' })
    await screen.submitAndConfirm(screen.signInButton)
    await screen.expectError('customer_account_not_found', codeLine('customer_account_not_found'))
    await picture(app.window, 'error-customer_account_not_found')

    await screen.tryAgainButton.click()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await expect(screen.progress('Waiting for your browser…')).toBeVisible()
    await screen.cancelSignInButton.click()
    await screen.expectError('sso_cancelled', codeLine('sso_cancelled'))
    await picture(app.window, 'error-sso_cancelled')

    const cancelledPage = await app.systemBrowserPage()
    await screen.tryAgainButton.click()
    await screen.submitAndConfirm(screen.signInButton)
    // The second sign-in's own browser page, not the cancelled one's.
    await expect.poll(async () => (await app.systemBrowserPage()) !== cancelledPage).toBe(true)
    await signInAtProvider(await app.systemBrowserPage(), SSO_ACCOUNT.unlicensedUser)
    await screen.expectError('sso_user_not_found', codeLine('sso_user_not_found'))
    await expect(app.window.getByRole('button', { name: 'Use another account', exact: true })).toBeVisible()
    await picture(app.window, 'error-sso_user_not_found')
  })
})

test.describe('a browser sign-in that never comes back', () => {
  test.use({ ssoTimeoutMs: 3_000 })
  test('sso_timeout', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
    await screen.submitAndConfirm(screen.signInButton)
    await screen.expectError('sso_timeout', codeLine('sso_timeout'))
    await picture(app.window, 'error-sso_timeout')
  })
})

test.describe('the app’s keys do not match', () => {
  test.use({ appKeys: 'wrong-shared-key' })
  test('signature_mismatch', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.submitAndConfirm()
    await screen.expectError('signature_mismatch', codeLine('signature_mismatch'))
    await picture(app.window, 'error-signature_mismatch')
  })
})

test.describe('the app’s API key is unknown', () => {
  test.use({ appKeys: 'unknown-api-key' })
  test('invalid_api_key', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.submitAndConfirm()
    await screen.expectError('invalid_api_key', codeLine('invalid_api_key'))
    await picture(app.window, 'error-invalid_api_key')
  })
})

test.describe('this PC’s clock is 20 minutes off', () => {
  test.use({ serverClockOffsetMs: 20 * 60_000 })
  test('date_header_diff', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.submitAndConfirm()
    await screen.expectError('date_header_diff', codeLine('date_header_diff'))
    await picture(app.window, 'error-date_header_diff')
  })
})

test.describe('the server is down: its address refuses the connection', () => {
  test.use({ licenceServer: 'refusing-port' })
  test('cannot_connect_to_server, with no offer for a PC without internet', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.submitAndConfirm()
    const view = await screen.expectError('cannot_connect_to_server', codeLine('cannot_connect_to_server'), undefined, refusedConnection())
    await expect(view).not.toContainText('No internet on this PC?')
    await picture(app.window, 'error-cannot_connect_to_server')
  })
})

test.describe('the server never answers', () => {
  test.use({ licenceServer: 'silent-server', requestTimeoutMs: 1_500 })
  test('timeout, with the offer for a PC without internet', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
    await screen.submitAndConfirm()
    const view = await screen.expectError('timeout', codeLine('timeout'))
    await expect(view).toContainText('No internet on this PC?')
    await picture(app.window, 'error-timeout')
  })
})

test.describe('request files', () => {
  test('written, uploaded once, then refused: replayed, changed, cut off, not a request file, too large', async ({ app, machineHardwareId }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    const offline = new OfflineScreens(app.window)
    await screen.ready()
    await offline.openWriter()
    await offline.field('Licence key').fill(LICENCES.key.licenseKey)
    await picture(app.window, 'offline-writer')
    await offline.saveButton.click()
    await expect(offline.savedView).toContainText('The seat is not free yet.')
    const [saved] = await app.savedFiles()
    // The window names the example folder the person chose, not this machine's.
    await expect(offline.savedView).toContainText(saved!.shownAs)
    await picture(app.window, 'offline-saved')

    await offline.openUpload()
    await offline.fileInput.setInputFiles(saved!.path)
    await expect(offline.fact(offline.willFree, 'Hardware id')).toHaveText(machineHardwareId)
    await picture(app.window, 'offline-upload')
    await offline.uploadButton.click()
    await expect(offline.seatFreedView).toBeVisible()
    await picture(app.window, 'offline-freed')

    await app.window.getByRole('button', { name: 'Upload another file' }).click()
    await offline.fileInput.setInputFiles(saved!.path)
    await offline.uploadButton.click()
    await expect(app.window.getByText(codeLine('offline_request_replayed'))).toBeVisible()
    await picture(app.window, 'error-offline_request_replayed')
    await screen.tryAgainButton.click()
    await expect(offline.uploadScreen).toBeVisible()

    const text = readFileSync(saved!.path, 'utf8')
    const files: Array<[KnownErrorCode, { name: string; buffer: Buffer }]> = [
      ['offline_file_truncated', { name: 'office-suite-deactivate.req', buffer: Buffer.from(text.slice(0, 101)) }],
      ['offline_file_wrong_type', { name: 'meeting-notes.txt', buffer: Buffer.from('Meeting notes: bring the licence file') }],
      ['offline_file_too_large', { name: 'holiday-photo.jpg', buffer: Buffer.alloc(MAX_REQUEST_FILE_BYTES + 1, 0x41) }]
    ]
    for (const [code, file] of files) {
      await offline.fileInput.setInputFiles({ ...file, mimeType: 'application/octet-stream' })
      const alert = app.window.getByRole('alert')
      await expect(alert).toContainText(ERROR_CATALOGUE[code].title)
      await expect(alert).toContainText(codeLine(code))
      await picture(app.window, `error-${code}`)
    }
  })
})

test.describe('the start-up failure screen', () => {
  test.use({ configFile: { apiUrl: 'http://licence.example.com/api/v4/', auth: { scheme: 'hmac', apiKey: 'k', sharedKey: 's' } } })
  test.skip(({ appKind }) => appKind === 'electron', 'the browser harness reads the configuration file it is given; the Electron app reads its own')
  test('config_invalid', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await expect(screen.resultHeading).toHaveText(ERROR_CATALOGUE.config_invalid.title, { timeout: 20_000 })
    await expect(app.window.getByRole('region', { name: 'For the helpdesk' })).toContainText('fingerprint')
    await picture(app.window, 'error-config_invalid')
  })
})

test.describe('a helpdesk link that cannot be used', () => {
  test('prefill_link_invalid: refused whole, nothing filled in', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await app.openHelpdeskLink(`license-manager://deactivate?product=${BUNDLE.code}&licenseKey=${LICENCES.key.licenseKey}`)
    await expect(app.window.getByRole('alert')).toContainText(ERROR_CATALOGUE.prefill_link_invalid.title)
    await picture(app.window, 'error-prefill_link_invalid')
  })
})
