import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/test'
import { LicenseManagerScreen, type FieldLabel } from './fixtures/screen'
import { LICENCES, SSO_ACCOUNT } from './fixtures/seed'
import type { LoginMethod } from '../src/shared/request'

/*
 * The app's window is 520×720 (window-options.ts, content size). In it, the login
 * method, the bundle, the method's credentials and the button are all on screen
 * without scrolling, in both colour schemes and with the sandbox banner showing.
 */
const WINDOW = { width: 520, height: 720 }

async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox()
  expect(box, `${what} is laid out`).not.toBeNull()
  const viewport = page.viewportSize()!
  expect(box!.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${what} ends above the fold (${viewport.height} px)`).toBeLessThanOrEqual(viewport.height)
  expect(box!.x + box!.width, `${what} fits the width`).toBeLessThanOrEqual(viewport.width)
}

const CREDENTIALS: Array<[LoginMethod, FieldLabel[]]> = [
  ['license-key', ['Licence key']],
  ['user', ['Username', 'Password']],
  ['sso-code', ['Customer account code']]
]

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the ${WINDOW.width}×${WINDOW.height} window (${colorScheme})`, () => {
    test.use({ viewport: WINDOW, colorScheme, asBuiltInSandbox: true })
    test.skip(({ appKind }) => appKind === 'electron', 'the banner and size are set by the browser harness; the Electron window is 520×720 by its options')

    test('shows each method’s whole form and its button without scrolling', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await expect(app.window.getByRole('button', { name: 'Reset sandbox' })).toBeVisible()
      for (const [method, fields] of CREDENTIALS) {
        await screen.method(method).check()
        await expectOnScreen(app.window, screen.method(method), `the ${method} radio`)
        await expectOnScreen(app.window, screen.field('Bundle code'), 'the bundle code')
        for (const label of fields) await expectOnScreen(app.window, screen.field(label), `${label} (${method})`)
        const button = method === 'sso-code' ? screen.signInButton : screen.deactivateButton
        await expectOnScreen(app.window, button, `the ${method} button`)
        await expectOnScreen(app.window, screen.hardwareIdPanel, 'the hardware id line')
        expect(await app.window.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY), 'nothing scrolled').toBe(0)
      }
    })

    test('the sign-in progress shows next to the button, where the eye is', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await screen.fill('sso-code', { 'Customer account code': SSO_ACCOUNT.code })
      await screen.submitAndConfirm(screen.signInButton)
      await expect(screen.progress('Waiting for your browser…')).toBeVisible()
      await expectOnScreen(app.window, screen.progress('Waiting for your browser…'), 'the waiting message')
      await expectOnScreen(app.window, screen.cancelSignInButton, 'Cancel sign-in')
      await screen.cancelSignInButton.click()
    })

    test('the success view, with the products freed, fits: its Close button is on screen', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
      await screen.submitAndConfirm()
      await expect(screen.resultHeading).toHaveText('Licence deactivated', { timeout: 20_000 })
      const products = screen.successView.getByRole('definition').filter({ hasText: 'writer, sheets' })
      await expect(products).toHaveText('writer, sheets')
      await expectOnScreen(app.window, products, 'the products freed')
      await expectOnScreen(app.window, app.window.getByRole('button', { name: 'Close', exact: true }), 'Close')
      await expectOnScreen(app.window, screen.deactivateAnotherButton, 'Deactivate another')
    })

    test('"Licences on this PC" fits: its heading, the first bundle and its Deactivate…, nothing wider than the window', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await app.window.getByRole('button', { name: 'Licences on this PC', exact: true }).click()
      const view = app.window.getByRole('region', { name: 'Licences on this PC' })
      const first = view.getByRole('article').first()
      await expect(first).toBeVisible({ timeout: 15_000 })
      await expectOnScreen(app.window, view.getByRole('heading', { level: 2 }), 'the heading')
      await expectOnScreen(app.window, first, 'the first bundle')
      await expectOnScreen(app.window, first.getByRole('button', { name: 'Deactivate…' }), 'its Deactivate…')
      const widths = await app.window.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
        return { page: root.scrollWidth, window: root.clientWidth }
      })
      expect(widths.page, 'no horizontal scrolling').toBeLessThanOrEqual(widths.window)
      for (const card of await view.getByRole('article').all()) {
        const box = await card.boundingBox()
        expect(box!.x + box!.width, 'each bundle fits the width').toBeLessThanOrEqual(WINDOW.width)
      }
    })

    test('"Copied" moves nothing', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      const copy = screen.hardwareIdPanel.getByRole('button', { name: 'Copy hardware id' })
      const before = await Promise.all([screen.hardwareIdPanel.boundingBox(), copy.boundingBox(), screen.deactivateButton.boundingBox()])
      await copy.click()
      await expect(copy).toHaveText('Copied')
      const after = await Promise.all([screen.hardwareIdPanel.boundingBox(), copy.boundingBox(), screen.deactivateButton.boundingBox()])
      expect(after).toEqual(before)
    })
  })
}
