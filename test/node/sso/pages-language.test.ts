import { describe, expect, it } from 'vitest'
import { createSsoBrowserFlow } from '../../../src/main/engine/sso'
import { setTranslator, t } from '../../../src/shared/i18n/current'
import { loadTranslator } from '../../../src/shared/i18n/load-translator'
import { englishTranslator } from '../../../src/shared/i18n/english'
import { ANN, browserOpener, codeQuery, requestFrom, signInOnProviderPage } from './harness'
import { providerAndBrowserForFile } from './provider-and-browser'
import { expectOk } from '../../support/expect-ok'

const sso = providerAndBrowserForFile()

describe('the sign-in listener’s pages speak the app’s language', () => {
  it('after a sign-in in a real browser, the page is in Japanese when the app speaks Japanese', async () => {
    // The main process loads these domains in the language the OS prefers (src/main/index.ts).
    const japanese = await loadTranslator('ja', ['common', 'errors', 'pages'])
    setTranslator(japanese)
    const page = await sso.browser.newPage()
    const opener = browserOpener(page)
    const flow = createSsoBrowserFlow({
      requestSsoUrl: requestFrom(sso.provider),
      openExternal: opener.openExternal,
      timeoutMs: 15_000,
      httpSignInOrigins: [new URL(sso.provider.issuer).origin],
      appName: 'Acme Licences'
    })
    const outcome = flow.signIn(codeQuery(), () => undefined)
    await opener.firstUrl
    await signInOnProviderPage(page, ANN)
    expectOk(await outcome)

    const heading = t('pages.signed-in.title')
    expect(heading).not.toBe(englishTranslator().t('pages.signed-in.title'))
    await page.getByRole('heading', { name: heading }).waitFor()
    expect(await page.title()).toBe(heading)
    expect(await page.textContent('body')).toContain(t('pages.return-to-app', { app: 'Acme Licences' }))
    expect(await page.getAttribute('html', 'lang')).toBe('ja')
    await page.close()
  })
})
