import { test, expect } from './fixtures/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { photograph } from './fixtures/photograph'
import { LicenseManagerScreen } from './fixtures/screen'
import { LICENCES } from './fixtures/seed'
import { EXAMPLE_VENDOR_CONFIG } from './fixtures/vendor-brand'
import { ERROR_CATALOGUE } from '../src/shared/errors'

/*
 * The window wearing a vendor's brand: the example vendor of resources/examples/vendor-brand
 * (Tidewater Licence Helper, teal) at the window's own size, 520×720, checked with axe in the
 * light and the dark theme and photographed into docs/screenshots/ with E2E_DOCS_SCREENSHOTS=1.
 */

const PRODUCT = 'Tidewater Licence Helper'
const SUPPORT = 'support@tidewater.example'
/** The example's accent per theme (config.json), and the text colour the app puts on it. */
const ACCENT = { light: { fill: 'rgb(15, 118, 110)', text: 'rgb(255, 255, 255)' }, dark: { fill: 'rgb(45, 212, 191)', text: 'rgb(0, 0, 0)' } }

test.describe('a vendor’s brand', () => {
  test.use({ viewport: { width: 520, height: 720 }, brandConfigPath: EXAMPLE_VENDOR_CONFIG })

  test('the window shows the vendor’s name, logo and colour, in light and dark', async ({ app }) => {
    const blocked: string[] = []
    app.window.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text())
    })
    const screen = new LicenseManagerScreen(app.window)
    await screen.ready()
    await expect(app.window.getByRole('heading', { level: 1 })).toHaveText(PRODUCT)
    await expect(app.window).toHaveTitle(PRODUCT)
    await expect(app.window.getByText('License Manager')).toHaveCount(0)
    // The logo is drawn: the CSP lets its data: URL in, and the browser read it as an image.
    const logo = app.window.locator('header img.brand-logo')
    await expect(logo).toBeVisible()
    await expect(logo).toHaveJSProperty('complete', true)
    await expect(logo).not.toHaveJSProperty('naturalWidth', 0)

    for (const scheme of ['light', 'dark'] as const) {
      await app.window.emulateMedia({ colorScheme: scheme })
      await expect(screen.deactivateButton).toHaveCSS('background-color', ACCENT[scheme].fill)
      await expect(screen.deactivateButton).toHaveCSS('color', ACCENT[scheme].text)
      await expect(app.window.locator('header')).toHaveCSS('border-bottom-color', ACCENT[scheme].fill)
    }
    await app.window.emulateMedia({ colorScheme: 'light' })
    await app.window.mouse.move(0, 0)
    await expectNoAxeViolations(app.window, 'the branded form')
    await expect(screen.deactivateButton).toBeInViewport()
    await photograph(app.window, 'branded')
    await app.window.emulateMedia({ colorScheme: 'dark' })
    await photograph(app.window, 'branded-dark')
    expect(blocked).toEqual([])
  })

  test.describe('under an error that sends the customer to the vendor', () => {
    test.use({ appKeys: 'unknown-api-key' })
    test('the vendor’s support address, with a copy button', async ({ app }) => {
      const screen = new LicenseManagerScreen(app.window)
      await screen.ready()
      await screen.fill('license-key', { 'Licence key': LICENCES.key.licenseKey })
      await screen.submitAndConfirm()
      await screen.expectError('invalid_api_key', 'Code: invalid_api_key · HTTP 400')
      const view = screen.errorView(ERROR_CATALOGUE.invalid_api_key.title)
      await expect(view.getByText(`Vendor’s support: ${SUPPORT}`)).toBeVisible()
      await view.getByRole('button', { name: 'Copy support address' }).click()
      await expect.poll(() => app.readClipboard()).toBe(SUPPORT)
      await app.window.mouse.move(0, 0)
      await expectNoAxeViolations(app.window, 'a branded error')
    })
  })
})

test.describe('an accent colour too faint for the theme', () => {
  // Gold on the light theme’s grey page: 1.28:1, where buttons and outlines need 3:1.
  test.use({ configFile: { productName: PRODUCT, accentColor: '#ffd700' } })
  test.skip(({ appKind }) => appKind === 'electron', 'the browser harness reads the configuration file it is given; the Electron app reads its own')

  test('is refused at start with config_invalid, naming the field and a colour that passes', async ({ app }) => {
    const screen = new LicenseManagerScreen(app.window)
    await expect(screen.resultHeading).toHaveText(ERROR_CATALOGUE.config_invalid.title, { timeout: 20_000 })
    const failure = screen.errorView(ERROR_CATALOGUE.config_invalid.title)
    await expect(failure).toContainText('config file field "accentColor" has a contrast of only 1.28:1 with the light theme’s page background (#f4f5f7)')
    await expect(failure).toContainText('A valid value looks like "#2f6fde"')
    await expectNoAxeViolations(app.window, 'a refused accent colour')
  })
})
