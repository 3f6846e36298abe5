import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { photograph } from './fixtures/photograph'
import { GUIDE_PICTURES } from './fixtures/guide-pictures'
import { LicenseManagerScreen } from './fixtures/screen'
import { BUNDLE, LICENCES, SEED_SECRETS } from './fixtures/seed'
import { inGroupsOfFour } from '../src/shared/helpdesk/hardware-id-format'
import { maskLicenceKey } from '../src/shared/helpdesk/licence-key-mask'
import { ERROR_CATALOGUE } from '../src/shared/errors'

/*
 * "Licences on this PC" (issue 23): what the licence server has active on this PC's hardware id,
 * read when the view opens; "Deactivate…" fills the form in; the success view checks the seat
 * with the server; the list no longer shows the bundle. Photographed for docs/screenshots and
 * docs/helpdesk/pictures when E2E_DOCS_SCREENSHOTS=1.
 */
const KEY_HOLDER = `licence key ${maskLicenceKey(LICENCES.key.licenseKey)}`

const tab = (page: Page) => page.getByRole('button', { name: 'Licences on this PC', exact: true })
const view = (page: Page) => page.getByRole('region', { name: 'Licences on this PC' })
const cardOf = (page: Page, holder: string): Locator => view(page).getByRole('article').filter({ hasText: holder })
const fact = (card: Locator, term: string) =>
  card
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]')

test.describe('Licences on this PC', () => {
  test('lists this PC’s bundles; Deactivate… frees one; the success view confirms with the server; the list no longer shows it', async ({
    app,
    sandbox,
    machineHardwareId
  }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    const asked = sandbox.stats().byPath['/api/v4/device_licenses'] ?? 0
    await tab(app.window).click()
    const card = cardOf(app.window, KEY_HOLDER)
    await expect(card).toBeVisible({ timeout: 15_000 })
    expect(sandbox.stats().byPath['/api/v4/device_licenses']).toBe(asked + 1)
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(`${BUNDLE.name} (${BUNDLE.code})`)
    await expect(fact(card, 'Licence')).toHaveText(KEY_HOLDER)
    await expect(fact(card, 'Products')).toHaveText('Writer, Sheets')
    await expect(fact(card, 'Seats')).toHaveText('1 of 3 in use')
    await expect(fact(card, 'Valid')).toHaveText('no end date')
    await expect(view(app.window)).toContainText(inGroupsOfFour(machineHardwareId))
    await expect(view(app.window)).toContainText('The answer’s signatures were checked with the software vendor’s public key.')
    await expect(
      cardOf(app.window, `licence key ${maskLicenceKey(LICENCES.expired.licenseKey)}`)
        .getByRole('definition')
        .last()
    ).toHaveText('expired')
    for (const secret of SEED_SECRETS) await expect(view(app.window)).not.toContainText(secret)
    await app.window.mouse.move(0, 0)
    await photograph(app.window, 'licences-on-this-pc', { fullPage: true })
    await photograph(app.window, 'licences-on-this-pc', { docsDir: GUIDE_PICTURES, fullPage: true })

    await card.getByRole('button', { name: 'Deactivate…' }).click()
    await expect(app.window.getByText(/^Filled in from “Licences on this PC”/)).toContainText(`bundle ${BUNDLE.code}, ${KEY_HOLDER}.`)
    await expect(screen.method('license-key')).toBeChecked()
    await expect(screen.field('Bundle code')).toHaveValue(BUNDLE.code)
    await expect(screen.field('Licence id')).toHaveValue(String(LICENCES.key.id))
    await expect(screen.field('Licence key')).toBeFocused()
    await screen.field('Licence key').fill(LICENCES.key.licenseKey)
    await screen.submitAndConfirm()
    await screen.expectSuccess({ bundle: BUNDLE.code, hardwareId: machineHardwareId, method: 'license-key' })
    await expect(screen.successView.getByRole('status').filter({ hasText: 'Checked:' })).toHaveText(
      'Checked: the licence server no longer lists this bundle on this hardware id.',
      {
        timeout: 15_000
      }
    )
    expect(sandbox.devicesOf(LICENCES.key.id)).not.toContain(machineHardwareId)
    await photograph(app.window, 'licences-on-this-pc-checked', { docsDir: GUIDE_PICTURES })

    await tab(app.window).click()
    await expect(cardOf(app.window, `licence key ${maskLicenceKey(LICENCES.keyOnly.licenseKey)}`)).toBeVisible({ timeout: 15_000 })
    await expect(cardOf(app.window, KEY_HOLDER)).toHaveCount(0)
  })

  test('an id that holds nothing: the empty state names the hardware id checked; axe finds nothing in either colour scheme', async ({ app, sandbox }) => {
    test.slow()
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await tab(app.window).click()
    await expect(view(app.window).getByRole('article').first()).toBeVisible({ timeout: 15_000 })
    await expectNoAxeViolations(app.window, 'Licences on this PC, with bundles')

    await view(app.window).getByText('Check another hardware id').click()
    await app.window.getByLabel('Hardware id to check').fill('e2e-pc-nobody-activated')
    await app.window.getByRole('button', { name: 'Check', exact: true }).click()
    const empty = view(app.window).getByRole('status').filter({ hasText: 'Nothing is active' })
    await expect(empty).toContainText(
      `Nothing is active on hardware id ${inGroupsOfFour('e2e-pc-nobody-activated')}: the licence server lists no licence for it.`
    )
    await expect(view(app.window).getByRole('article')).toHaveCount(0)
    expect(sandbox.devicesOf(LICENCES.key.id)).toHaveLength(1)
    await expectNoAxeViolations(app.window, 'Licences on this PC, empty')
  })

  test('device_not_found offers "See what is active on this PC", for the hardware id the attempt used', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await screen.fill('license-key', { 'Licence key': LICENCES.helpdesk.licenseKey })
    await screen.submitAndConfirm()
    const error = await screen.expectError('device_not_found', 'Code: device_not_found · HTTP 400')
    await error.getByRole('button', { name: 'See what is active on this PC' }).click()
    await expect(cardOf(app.window, KEY_HOLDER)).toBeVisible({ timeout: 15_000 })
    await expect(app.window.getByRole('heading', { level: 2, name: 'Licences on this PC' })).toBeFocused()
  })

  test('keyboard only: the task, a bundle’s Deactivate…, the form’s licence key', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await tab(app.window).focus()
    await app.window.keyboard.press('Enter')
    const card = cardOf(app.window, KEY_HOLDER)
    const deactivate = card.getByRole('button', { name: 'Deactivate…' })
    await expect(deactivate).toBeVisible({ timeout: 15_000 })
    await expect(app.window.getByRole('heading', { level: 2, name: 'Licences on this PC' })).toBeFocused()
    const focused = () => deactivate.evaluate((e) => e === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)
    for (let presses = 0; presses < 20 && !(await focused()); presses++) await app.window.keyboard.press('Tab')
    await expect(deactivate).toBeFocused()
    await app.window.keyboard.press('Enter')
    await expect(screen.field('Licence key')).toBeFocused()
  })
})

test.describe('Licences on this PC against a server that does not answer', () => {
  test.use({ licenceServer: 'silent-server', requestTimeoutMs: 1_500 })
  test('a typed message, and nothing else happens', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await tab(app.window).click()
    const alert = view(app.window).getByRole('alert')
    await expect(alert).toContainText(ERROR_CATALOGUE.timeout.title, { timeout: 15_000 })
    await expect(alert).toContainText('Nothing was changed: the app only asked the licence server what is active.')
    await expect(alert).toContainText('Code: timeout · no HTTP status')
  })
})
