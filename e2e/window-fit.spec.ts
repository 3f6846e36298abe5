import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/test'
import { expectNoAxeViolations } from './fixtures/axe'
import { LICENCES, SSO_ACCOUNT } from './fixtures/seed'
import { LicenseManagerScreen } from './fixtures/screen'
import { windowWords } from './fixtures/window-words'
import { photograph } from './fixtures/photograph'
import { LANGUAGES, PSEUDO_LANGUAGE, type Language } from '../src/shared/i18n/languages'
import { methodChoiceLabel } from '../src/shared/method-choice-labels'
import { setTranslator, translator } from '../src/shared/i18n/current'
import type { LoginMethod } from '../src/shared/request'

/*
 * The app's window is 520×720 (window-options.ts, content size). In it, in every language the
 * app speaks and in the pseudo-locale (about 40 % longer than English), light and dark, with the
 * sandbox banner and the language menu showing: each view's fields and its main button are on
 * screen without scrolling, nothing is wider than the window, and axe finds nothing.
 */
const WINDOW = { width: 520, height: 720 }

/** Each language as a person gets it: from the OS's preferred language (the context's locale), the pseudo-locale by name. */
const CASES: ReadonlyArray<{ language: Language; locale: string }> = [
  ...LANGUAGES.map((language) => ({ language, locale: { en: 'en-GB', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', ja: 'ja-JP' }[language] })),
  { language: PSEUDO_LANGUAGE, locale: 'en-GB' }
]

async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox()
  expect(box, `${what} is laid out`).not.toBeNull()
  const viewport = page.viewportSize()!
  expect(box!.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height, `${what} ends above the fold (${viewport.height} px)`).toBeLessThanOrEqual(viewport.height)
  expect(box!.x + box!.width, `${what} fits the width`).toBeLessThanOrEqual(viewport.width)
}

async function expectNoSideways(page: Page, what: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return { page: root.scrollWidth, window: root.clientWidth }
  })
  expect(widths.page, `${what}: no horizontal scrolling`).toBeLessThanOrEqual(widths.window)
}

const scrolled = (page: Page) => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)

for (const { language, locale } of CASES) {
  const words = windowWords(language)
  const w: typeof words.t = (key, ...args) => words.t(key, ...args)
  /** The login method radios' names come from the common words, as the window words them. */
  const methodName = (method: LoginMethod): string => {
    const before = translator()
    setTranslator(words)
    try {
      return methodChoiceLabel(method)
    } finally {
      setTranslator(before)
    }
  }
  const CREDENTIALS: Array<[LoginMethod, string[], string]> = [
    ['license-key', [w('window.field.license-key')], w('window.form.submit.deactivate')],
    ['user', [w('window.field.username'), w('window.field.password')], w('window.form.submit.deactivate')],
    ['sso-code', [w('window.field.customer-account-code')], w('window.form.submit.sign-in')]
  ]
  const textbox = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true })
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
  const task = (page: Page, name: string) => page.getByRole('navigation', { name: w('window.tasks.label') }).getByRole('button', { name, exact: true })
  const ready = async (page: Page) => {
    await expect(page.getByRole('form', { name: w('window.form.heading') })).toBeVisible({ timeout: 15_000 })
    await expect(button(page, w('window.hardware.copy.label'))).toBeVisible()
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`the ${WINDOW.width}×${WINDOW.height} window in ${language} (${colorScheme})`, () => {
      test.use({ viewport: WINDOW, colorScheme, locale, asBuiltInSandbox: true, ...(language === PSEUDO_LANGUAGE ? { appLanguage: PSEUDO_LANGUAGE } : {}) })
      test.skip(
        ({ appKind }) => appKind === 'electron',
        'the banner, size and language are set by the browser harness; the Electron window is 520×720 by its options'
      )
      // The docs keep each language's light pictures (docs/screenshots/<language>/); the dark ones stay with the run.
      const shot = (page: Page, name: string) =>
        photograph(page, `${name}${colorScheme === 'dark' ? '-dark' : ''}`, { docsDir: colorScheme === 'dark' ? null : `screenshots/${language}` })

      test('the online form shows each method’s whole form and its button without scrolling', async ({ app }) => {
        const page = app.window
        await ready(page)
        await expect(page.locator('html')).toHaveAttribute('lang', language)
        await expect(button(page, w('window.sandbox.reset.label'))).toBeVisible()
        if (language !== PSEUDO_LANGUAGE) await expectOnScreen(page, page.getByRole('combobox', { name: w('window.language.label') }), 'the language menu')
        for (const [method, fields, submit] of CREDENTIALS) {
          const radio = page.getByRole('radio', { name: methodName(method), exact: true })
          await radio.check()
          await expectOnScreen(page, radio, `the ${method} radio`)
          await expectOnScreen(page, textbox(page, w('window.field.product')), 'the bundle code')
          for (const label of fields) await expectOnScreen(page, textbox(page, label), `${label} (${method})`)
          await expectOnScreen(page, button(page, submit), `the ${method} button`)
          await expectOnScreen(page, page.getByRole('region', { name: w('window.hardware.heading'), exact: true }), 'the hardware id line')
          await expectNoSideways(page, `the ${method} form`)
          expect(await scrolled(page), 'nothing scrolled').toBe(0)
          if (method === 'license-key') await shot(page, 'form')
        }
        await expectNoAxeViolations(page, `the online form (${language})`)
      })

      test('the offline request form shows its fields and "Save request file…" without scrolling; the saved view its Done', async ({ app }) => {
        const page = app.window
        await ready(page)
        await task(page, w('window.tasks.offline')).click()
        const form = page.getByRole('form', { name: w('views.offline.heading') })
        await expect(form).toBeVisible()
        for (const [method, field] of [
          ['license-key', w('window.field.license-key')],
          ['user', w('window.field.username')]
        ] as const) {
          const radio = form.getByRole('radio', { name: method === 'user' ? w('views.offline.method.user') : methodName('license-key'), exact: true })
          await radio.check()
          await expectOnScreen(page, textbox(page, w('window.field.product')), 'the bundle code')
          await expectOnScreen(page, textbox(page, field), field)
          await expectOnScreen(page, button(page, w('views.offline.save')), '“Save request file…”')
          await expectNoSideways(page, `the offline form (${method})`)
          expect(await scrolled(page), 'nothing scrolled').toBe(0)
        }
        await expectNoAxeViolations(page, `the offline form (${language})`)
        await form.getByRole('radio', { name: methodName('license-key'), exact: true }).check()
        await shot(page, 'offline-form')
        await textbox(page, w('window.field.license-key')).fill(LICENCES.key.licenseKey)
        await button(page, w('views.offline.save')).click()
        const saved = page.getByRole('region', { name: w('views.offline.saved.title') })
        await expect(saved).toBeVisible({ timeout: 15_000 })
        await expectOnScreen(page, button(page, w('views.offline.done')), 'Done')
        await expectNoSideways(page, 'the saved view')
        await expectNoAxeViolations(page, `the saved request file (${language})`)
      })

      test('the upload view fits, before and after a file is chosen', async ({ app }) => {
        const page = app.window
        await ready(page)
        await task(page, w('window.tasks.offline')).click()
        await textbox(page, w('window.field.license-key')).fill(LICENCES.key.licenseKey)
        await button(page, w('views.offline.save')).click()
        await expect(page.getByRole('region', { name: w('views.offline.saved.title') })).toBeVisible({ timeout: 15_000 })
        const [file] = await app.savedFiles()
        await task(page, w('window.tasks.upload')).click()
        const view = page.getByRole('region', { name: w('views.upload.heading') })
        await expect(view).toBeVisible()
        await expectOnScreen(page, page.getByLabel(w('views.upload.file'), { exact: true }), 'the file picker')
        await expectNoSideways(page, 'the upload view')
        await expectNoAxeViolations(page, `the upload view (${language})`)
        await page.getByLabel(w('views.upload.file'), { exact: true }).setInputFiles(file!.path)
        const willFree = page.getByRole('region', { name: w('views.upload.will-free') })
        await expect(willFree).toBeVisible({ timeout: 10_000 })
        await expectOnScreen(page, willFree.getByRole('heading'), 'the “This file will free” heading')
        await expectNoSideways(page, 'the chosen file')
        await expectNoAxeViolations(page, `the chosen file (${language})`)
        await shot(page, 'upload')
      })

      test('the success view, with the products freed, fits: its Close and Deactivate another are on screen', async ({ app }) => {
        const page = app.window
        await ready(page)
        await page.getByRole('radio', { name: methodName('license-key'), exact: true }).check()
        await textbox(page, w('window.field.license-key')).fill(LICENCES.key.licenseKey)
        await button(page, w('window.form.submit.deactivate')).click()
        await page
          .getByRole('dialog')
          .getByRole('button', { name: w('views.confirm.deactivate'), exact: true })
          .click()
        const view = page.getByRole('region', { name: w('views.success.title') })
        await expect(view).toBeVisible({ timeout: 20_000 })
        // The products freed, listed as the language lists things ("writer, sheets", "writer und sheets", "writer、sheets").
        const products = words.formatList(['writer', 'sheets'], { type: 'conjunction', style: 'narrow' })
        await expect(view.getByRole('definition').filter({ hasText: products })).toHaveText(products)
        await expectOnScreen(page, button(page, w('views.actions.close')), 'Close')
        await expectOnScreen(page, button(page, w('views.success.another')), 'Deactivate another')
        await expectNoSideways(page, 'the success view')
        await expectNoAxeViolations(page, `the success view (${language})`)
        await shot(page, 'success')
      })

      test('an error fits: its title, what to do and Try again are on screen', async ({ app }) => {
        const page = app.window
        await ready(page)
        await page.getByRole('radio', { name: methodName('license-key'), exact: true }).check()
        await textbox(page, w('window.field.license-key')).fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ')
        await button(page, w('window.form.submit.deactivate')).click()
        await page
          .getByRole('dialog')
          .getByRole('button', { name: w('views.confirm.deactivate'), exact: true })
          .click()
        const retry = button(page, w('views.error.retry'))
        await expect(retry).toBeVisible({ timeout: 20_000 })
        await expectOnScreen(page, page.getByRole('heading', { name: w('views.error.what-to-do') }), 'What to do')
        await expectOnScreen(page, retry, 'Try again')
        await expectNoSideways(page, 'the error view')
        await expectNoAxeViolations(page, `an error (${language})`)
        await shot(page, 'error')
      })

      test('"Licences on this PC" fits: its heading, the first bundle and its Deactivate…, nothing wider than the window', async ({ app }) => {
        const page = app.window
        await ready(page)
        await task(page, w('window.tasks.on-this-pc')).click()
        const view = page.getByRole('region', { name: w('views.pc.heading') })
        const first = view.getByRole('article').first()
        await expect(first).toBeVisible({ timeout: 15_000 })
        await expectOnScreen(page, view.getByRole('heading', { level: 2 }), 'the heading')
        await expectOnScreen(page, first, 'the first bundle')
        await expectOnScreen(page, first.getByRole('button', { name: w('views.bundle.deactivate') }), 'its Deactivate…')
        await expectNoSideways(page, '“Licences on this PC”')
        for (const card of await view.getByRole('article').all()) {
          const box = await card.boundingBox()
          expect(box!.x + box!.width, 'each bundle fits the width').toBeLessThanOrEqual(WINDOW.width)
        }
        await expectNoAxeViolations(page, `“Licences on this PC” (${language})`)
        await shot(page, 'licences-on-this-pc')
      })
    })
  }
}

test.describe(`the ${WINDOW.width}×${WINDOW.height} window, while signing in and copying`, () => {
  test.use({ viewport: WINDOW, asBuiltInSandbox: true })
  test.skip(({ appKind }) => appKind === 'electron', 'the banner and size are set by the browser harness; the Electron window is 520×720 by its options')

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
