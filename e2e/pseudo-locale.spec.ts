import { release } from 'node:os'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/test'
import { BUNDLE, KEY_ONLY_BUNDLE, LICENCES, SSO_ACCOUNT } from './fixtures/seed'
import { windowWords } from './fixtures/window-words'
import packageJson from '../package.json'
import { describeOs } from '../src/main/electron/engine-startup'
import { PSEUDO_LANGUAGE } from '../src/shared/i18n/languages'

/*
 * The window in the pseudo-locale (every letter of every message accented, so no ASCII letter
 * is left in text that came from the message files): any ASCII letter a person can see or a
 * screen reader reads is text that skipped the catalogue, unless it is language-neutral — a
 * value the person typed or the server named, a code, a reference, a hardware id, a file name,
 * the product's name. Each view is walked: text, aria-label, title, placeholder and alt.
 */
const words = windowWords(PSEUDO_LANGUAGE)
const w: typeof words.t = (key, ...args) => words.t(key, ...args)

/** Values the window shows as they are, in every language. */
const NEUTRAL_VALUES = [
  packageJson.productName,
  packageJson.version,
  describeOs(process.platform, release(), process.arch),
  BUNDLE.code,
  BUNDLE.name,
  KEY_ONLY_BUNDLE.code,
  KEY_ONLY_BUNDLE.name,
  'writer',
  'sheets',
  'Writer',
  'Sheets',
  LICENCES.key.licenseKey,
  'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
  SSO_ACCOUNT.code
]
/** Shapes that are language-neutral wherever they appear: error codes, references, fingerprints, hardware id groups, HTTP. */
const NEUTRAL_SHAPES = [
  // A date as Intl writes it in the pseudo-locale's base language (dates are formatted, not worded).
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/g,
  /[^\s()]+@[^\s()]+/g,
  /\b[a-z]+(?:_[a-z0-9]+)+\b/g,
  /\bLM-[A-Z0-9-]+\b/g,
  /\b[A-Z0-9]{3}-[A-Z0-9]{3}\b/g,
  /\b[0-9a-f]{4}\b/g,
  /\bKiB\b/g
]
/** Elements whose content is a value, not a message: code, ids, times, text from outside the app (bdi), a typed field. */
const VALUE_ELEMENTS = 'code, .mono, .hardware-id, time, bdi, pre, textarea, input, option'

interface Shown {
  text: string
  where: string
}

/** Every text a person sees or hears in the page as it is now. */
async function shownTexts(page: Page): Promise<Shown[]> {
  return page.evaluate((valueElements) => {
    // The DOM as far as this walk needs it (the e2e code is typed without the DOM library).
    interface El {
      tagName: string
      id: string
      className: unknown
      closest(selector: string): El | null
      checkVisibility(): boolean
      getAttribute(name: string): string | null
    }
    interface Doc {
      body: El & { querySelectorAll(selector: string): Iterable<El> }
      createTreeWalker(root: unknown, show: number): { nextNode(): { parentElement: El | null; textContent: string | null } | null }
    }
    const SHOW_TEXT = 4
    const doc = (globalThis as unknown as { document: Doc }).document
    const shown: Array<{ text: string; where: string }> = []
    const describe = (el: El) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className !== '' ? `.${el.className.split(' ').join('.')}` : ''}`
    const walker = doc.createTreeWalker(doc.body, SHOW_TEXT)
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement
      const text = node.textContent?.trim() ?? ''
      if (parent === null || text === '' || parent.closest(valueElements) !== null) continue
      // Visually hidden text is still read aloud: it counts; display:none text is neither seen nor read.
      if (!parent.checkVisibility() && parent.closest('.visually-hidden') === null) continue
      shown.push({ text, where: describe(parent) })
    }
    for (const el of doc.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (!el.checkVisibility()) continue
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim()
        if (value) shown.push({ text: value, where: `${describe(el)}[${name}]` })
      }
    }
    return shown
  }, VALUE_ELEMENTS)
}

/** The texts with ASCII letters left once the neutral values and shapes are taken out: text outside the catalogue. */
async function expectEveryTextPseudoLocalised(page: Page, view: string): Promise<void> {
  const leaks = (await shownTexts(page)).filter(({ text }) => {
    let rest = text
    for (const shape of NEUTRAL_SHAPES) rest = rest.replace(shape, ' ')
    for (const value of NEUTRAL_VALUES) rest = rest.split(value).join(' ')
    return /[A-Za-z]/.test(rest)
  })
  // Soft: every view is walked and every leak listed, not only the first view's.
  expect
    .soft(
      leaks.map(({ text, where }) => `${where}: ${text}`),
      `text in ${view} that is not in the message files`
    )
    .toEqual([])
}

test.describe('the window in the pseudo-locale', () => {
  test.use({ viewport: { width: 520, height: 720 }, appLanguage: PSEUDO_LANGUAGE })
  test.skip(({ appKind }) => appKind === 'electron', 'the pseudo-locale is set through the browser harness')

  const ready = async (page: Page) => {
    await expect(page.getByRole('form', { name: w('window.form.heading') })).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('button', { name: w('window.hardware.copy.label'), exact: true })).toBeVisible()
  }
  const task = (page: Page, name: string) => page.getByRole('navigation', { name: w('window.tasks.label') }).getByRole('button', { name, exact: true })

  test('the forms: online (every method, Advanced and the override open), offline, upload, and the confirmation', async ({ app }) => {
    const page = app.window
    await ready(page)
    await expect(page.locator('html')).toHaveAttribute('lang', PSEUDO_LANGUAGE)
    await page.getByText(w('window.form.advanced'), { exact: true }).click()
    await page.getByRole('button', { name: w('window.hardware.change.label'), exact: true }).click()
    for (const radio of await page.getByRole('radio').all()) {
      await radio.check()
      await expectEveryTextPseudoLocalised(page, 'the online form')
    }
    await page.getByRole('radio').first().check()
    await page.getByRole('textbox', { name: w('window.field.license-key'), exact: true }).fill(LICENCES.key.licenseKey)
    await page.getByRole('button', { name: w('window.form.submit.deactivate'), exact: true }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectEveryTextPseudoLocalised(page, 'the confirmation')
    await page
      .getByRole('dialog')
      .getByRole('button', { name: w('views.actions.cancel'), exact: true })
      .click()

    await task(page, w('window.tasks.offline')).click()
    await page.getByText(w('views.offline.sso-note.summary')).click()
    for (const radio of await page.getByRole('radio').all()) {
      await radio.check()
      await expectEveryTextPseudoLocalised(page, 'the offline form')
    }
    await task(page, w('window.tasks.upload')).click()
    await expect(page.getByRole('region', { name: w('views.upload.heading') })).toBeVisible()
    await expectEveryTextPseudoLocalised(page, 'the upload view')
  })

  test('the results: a deactivation, an error from the server, and “Licences on this PC”', async ({ app }) => {
    const page = app.window
    await ready(page)
    await task(page, w('window.tasks.on-this-pc')).click()
    await expect(
      page
        .getByRole('region', { name: w('views.pc.heading') })
        .getByRole('article')
        .first()
    ).toBeVisible({ timeout: 15_000 })
    await expectEveryTextPseudoLocalised(page, '“Licences on this PC”')

    await task(page, w('window.tasks.online')).click()
    const key = page.getByRole('textbox', { name: w('window.field.license-key'), exact: true })
    await key.fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ')
    await page.getByRole('button', { name: w('window.form.submit.deactivate'), exact: true }).click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: w('views.confirm.deactivate'), exact: true })
      .click()
    await expect(page.getByRole('button', { name: w('views.error.retry'), exact: true })).toBeVisible({ timeout: 20_000 })
    await expectEveryTextPseudoLocalised(page, 'an error')

    await page.getByRole('button', { name: w('views.error.retry'), exact: true }).click()
    await key.fill(LICENCES.key.licenseKey)
    await page.getByRole('button', { name: w('window.form.submit.deactivate'), exact: true }).click()
    await page
      .getByRole('dialog')
      .getByRole('button', { name: w('views.confirm.deactivate'), exact: true })
      .click()
    await expect(page.getByRole('region', { name: w('views.success.title') })).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('status').filter({ hasText: w('views.seat-check.asking') })).toBeHidden({ timeout: 15_000 })
    await expectEveryTextPseudoLocalised(page, 'the success view')
  })
})
