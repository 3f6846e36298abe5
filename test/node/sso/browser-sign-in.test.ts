import { describe, expect, it } from 'vitest'
import { createSsoBrowserFlow } from '../../../src/main/engine/sso'
import { ANN, browserOpener, codeQuery, listenerOf, progressLog, requestFrom, settledWithin, signInOnProviderPage, tokenQuery } from './harness'
import { isListening } from './loopback-probe'
import { providerAndBrowserForFile } from './provider-and-browser'
import { expectOk } from '../../support/expect-ok'
import { anyString } from '../../support/matchers'

const sso = providerAndBrowserForFile()

const newFlow = (openExternal: (url: string) => Promise<void>, timeoutMs = 15_000) =>
  createSsoBrowserFlow({ requestSsoUrl: requestFrom(sso.provider), openExternal, timeoutMs, httpSignInOrigins: [new URL(sso.provider.issuer).origin] })

/** One sign-in through the app's flow: a code issued for the app's port-changed redirect. */
async function signInForCode(): Promise<{ code: string; redirectUri: string }> {
  const page = await sso.browser.newPage()
  const opener = browserOpener(page)
  const outcome = newFlow(opener.openExternal).signIn(codeQuery(), () => undefined)
  await opener.firstUrl
  await signInOnProviderPage(page, ANN)
  const result = await outcome
  // Closing a tab while its callback page is still loading can leave Playwright's close waiting for good.
  await page.getByRole('heading', { name: 'Signed in' }).waitFor()
  await page.close()
  if (!result.ok || result.value.kind !== 'code' || result.value.redirectUri === undefined) throw new Error('expected a code and its redirect URI')
  expect(result.value.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  return { code: result.value.code, redirectUri: result.value.redirectUri }
}

describe('authorization-code grant in a real browser', () => {
  it('signs in on the provider page, returns to the loopback listener, and the code identifies the user once', async () => {
    const page = await sso.browser.newPage()
    const opener = browserOpener(page)
    const progress = progressLog()
    const flow = newFlow(opener.openExternal)

    const outcome = flow.signIn(codeQuery(), progress.onProgress)
    const signInUrl = await opener.firstUrl
    const listener = listenerOf(signInUrl)
    expect(listener.host).toBe('127.0.0.1')
    expect(listener.port).toBeGreaterThan(0)
    expect(await isListening(listener.host, listener.port)).toBe(true)
    expect(new URL(signInUrl).searchParams.get('state')).toMatch(/^[\w-]{40,}$/)

    await page.getByRole('heading', { name: 'Sign in to Acme <Corp> & Sons' }).waitFor()
    await signInOnProviderPage(page, ANN)

    const result = await outcome
    expectOk(result)
    if (!result.ok || result.value.kind !== 'code') throw new Error('expected a code')
    await page.getByRole('heading', { name: 'Signed in' }).waitFor()
    expect(await page.textContent('body')).toContain('You can close this tab')
    expect(page.url()).toContain(`http://127.0.0.1:${listener.port}/?code=`)
    // The app chose the port, so it asked sso_url for exactly that redirect and keeps it with the code.
    expect(result.value.redirectUri).toBe(`http://127.0.0.1:${listener.port}`)
    expect(new URL(signInUrl).searchParams.get('redirect_uri')).toBe(result.value.redirectUri)

    expect(progress.events).toEqual([{ stage: 'opening-browser' }, { stage: 'waiting-for-browser', signInUrl, browserOpened: true }])
    expect(await isListening(listener.host, listener.port)).toBe(false)

    expect(await sso.provider.identify({ kind: 'code', code: result.value.code, redirectUri: result.value.redirectUri }, 'acme')).toEqual({
      ok: true,
      value: { email: 'ann@acme.test' }
    })
    const reused = await sso.provider.identify({ kind: 'code', code: result.value.code, redirectUri: result.value.redirectUri }, 'acme')
    expect(reused).toMatchObject({ ok: false, refusal: { status: 400, code: 'sso_code_invalid' } })
    expect(sso.browser.blocked).toEqual([])
  })

  it('a second sign-in in the same browser reuses the provider session, but another account must sign in again', async () => {
    const page = await sso.browser.newPage()
    const opener = browserOpener(page)
    const flow = newFlow(opener.openExternal)

    const first = flow.signIn(codeQuery(), () => undefined)
    await opener.firstUrl
    await signInOnProviderPage(page, ANN)
    expectOk(await first)

    const again = await flow.signIn(codeQuery(), () => undefined)
    if (!again.ok || again.value.kind !== 'code') throw new Error('expected a code without a login form')
    expect(await sso.provider.identify({ kind: 'code', code: again.value.code, redirectUri: again.value.redirectUri }, 'acme')).toMatchObject({ ok: true })

    const other = flow.signIn(codeQuery('initech'), () => undefined)
    await page.getByRole('heading', { name: 'Sign in to Initech' }).waitFor()
    await signInOnProviderPage(page, { email: 'peter@initech.test', password: 'peter-password' })
    const otherResult = await other
    if (!otherResult.ok || otherResult.value.kind !== 'code') throw new Error('expected a code')
    expect(await sso.provider.identify({ kind: 'code', code: otherResult.value.code, redirectUri: otherResult.value.redirectUri }, 'initech')).toEqual({
      ok: true,
      value: { email: 'peter@initech.test' }
    })
  })

  it('a code presented for another customer account is refused (and spent)', async () => {
    const credential = { kind: 'code' as const, ...(await signInForCode()) }
    expect(await sso.provider.identify(credential, 'initech')).toMatchObject({ ok: false, refusal: { code: 'sso_code_invalid' } })
    expect(await sso.provider.identify(credential, 'acme')).toMatchObject({ ok: false, refusal: { code: 'sso_code_invalid' } })
  })

  it('of two concurrent redemptions of one code exactly one succeeds', async () => {
    const credential = { kind: 'code' as const, ...(await signInForCode()) }
    const both = await Promise.all([sso.provider.identify(credential, 'acme'), sso.provider.identify(credential, 'acme')])
    expect(both.filter((a) => a.ok)).toHaveLength(1)
    expect(both.filter((a) => !a.ok && a.refusal.code === 'sso_code_invalid')).toHaveLength(1)
  })
})

describe('a code is bound to the redirect URI of its authorization request (RFC 6749 §4.1.3)', () => {
  it('without a redirect_uri the code is redeemed with the registered one and refused like Keycloak refuses it', async () => {
    const { code } = await signInForCode()
    expect(await sso.provider.identify({ kind: 'code', code }, 'acme')).toEqual({
      ok: false,
      refusal: { status: 400, code: 'sso_redirect_uri_mismatch', message: 'Incorrect redirect_uri' }
    })
  })

  it('with another redirect_uri (another port) it is refused', async () => {
    const { code, redirectUri } = await signInForCode()
    const port = Number(new URL(redirectUri).port)
    const other = `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}`
    expect(await sso.provider.identify({ kind: 'code', code, redirectUri: other }, 'acme')).toMatchObject({
      ok: false,
      refusal: { code: 'sso_redirect_uri_mismatch' }
    })
  })

  it('with the same redirect_uri it identifies the user', async () => {
    const { code, redirectUri } = await signInForCode()
    expect(await sso.provider.identify({ kind: 'code', code, redirectUri }, 'acme')).toEqual({ ok: true, value: { email: 'ann@acme.test' } })
  })

  it('a code refused for its redirect URI is spent (Keycloak spends it too)', async () => {
    const refused = await signInForCode()
    expect(await sso.provider.identify({ kind: 'code', code: refused.code }, 'acme')).toMatchObject({
      ok: false,
      refusal: { code: 'sso_redirect_uri_mismatch' }
    })
    expect(await sso.provider.identify({ kind: 'code', code: refused.code, redirectUri: refused.redirectUri }, 'acme')).toMatchObject({
      ok: false,
      refusal: { code: 'sso_code_invalid' }
    })
  })
})

describe('implicit grant in a real browser', () => {
  it.each([
    ['the provider offers form_post: the tokens come back in a form post, never in a URL', true],
    ['the provider names no form_post: the fragment is relayed back to the listener', false]
  ])('%s; both the ID token and the access token identify the user', async (_name, discovery) => {
    const page = await sso.browser.newPage()
    const opener = browserOpener(page)
    const visited: string[] = []
    page.on('framenavigated', (frame) => visited.push(frame.url()))
    const posts: URL[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()))
    })
    const outcome = createSsoBrowserFlow({
      requestSsoUrl: requestFrom(sso.provider, discovery),
      openExternal: opener.openExternal,
      timeoutMs: 15_000,
      httpSignInOrigins: [new URL(sso.provider.issuer).origin]
    }).signIn(tokenQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    expect(new URL(signInUrl).searchParams.get('response_type')).toBe('id_token token')
    expect(new URL(signInUrl).searchParams.get('response_mode')).toBe(discovery ? 'form_post' : null)
    const listener = listenerOf(signInUrl)
    await signInOnProviderPage(page, ANN)

    const result = await outcome
    if (!result.ok || result.value.kind !== 'token') throw new Error('expected tokens')
    expect(result.value.idToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(result.value.accessToken).toBeTruthy()
    await page.getByText('You can close this tab').waitFor()
    expect(new URL(page.url()).hash).toBe('')
    expect(posts.filter((url) => url.host === listener.redirect.host).map((url) => url.pathname)).toEqual(
      discovery ? [listener.redirect.pathname] : [`${listener.redirect.pathname.replace(/\/$/, '')}/fragment`]
    )
    const tokensInUrls = visited.filter((url) => url.includes(result.value.kind === 'token' ? (result.value.accessToken ?? '-') : '-'))
    expect(tokensInUrls.length > 0, 'a URL the browser visited held the access token').toBe(!discovery)
    expect(await isListening(listener.host, listener.port)).toBe(false)

    for (const token of [result.value.idToken!, result.value.accessToken!]) {
      expect(await sso.provider.identify({ kind: 'token', token }, 'acme')).toEqual({ ok: true, value: { email: 'ann@acme.test' } })
      expect(await sso.provider.identify({ kind: 'token', token }, 'initech')).toMatchObject({
        ok: false,
        refusal: { code: 'sso_token_invalid' }
      })
    }
  })
})

describe('sign-ins that do not succeed', () => {
  it('a wrong password is shown on the provider page while the app keeps waiting; Cancel then ends it', async () => {
    const page = await sso.browser.newPage()
    const opener = browserOpener(page)
    const flow = newFlow(opener.openExternal)
    const outcome = flow.signIn(codeQuery(), () => undefined)
    const listener = listenerOf(await opener.firstUrl)

    await signInOnProviderPage(page, { email: 'ann@acme.test', password: 'wrong' })
    await expectAlert(page, 'Wrong email or password')
    expect(await page.getByLabel('Email').inputValue()).toBe('ann@acme.test')
    expect(await settledWithin(outcome, 300)).toBe('pending')
    expect(await isListening(listener.host, listener.port)).toBe(true)

    flow.cancel()
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_cancelled', family: 'sso' } })
    expect(await isListening(listener.host, listener.port)).toBe(false)
  })

  it('a user of another customer account cannot sign in to this one', async () => {
    const page = await sso.browser.newPage()
    const opener = browserOpener(page)
    const flow = newFlow(opener.openExternal)
    const outcome = flow.signIn(codeQuery(), () => undefined)
    await opener.firstUrl
    await signInOnProviderPage(page, { email: 'peter@initech.test', password: 'peter-password' })
    await expectAlert(page, 'Wrong email or password')
    flow.cancel()
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_cancelled' } })
  })

  it('"Cancel sign-in" on the provider page (access_denied, "the user cancelled") is a cancel, not a refusal', async () => {
    const page = await sso.browser.newPage()
    const opener = browserOpener(page)
    const outcome = newFlow(opener.openExternal).signIn(codeQuery(), () => undefined)
    const listener = listenerOf(await opener.firstUrl)
    await page.getByRole('button', { name: 'Cancel sign-in' }).click()
    const result = await outcome
    expect(result).toMatchObject({ ok: false, error: { code: 'sso_cancelled', family: 'sso' } })
    await page.getByRole('heading', { name: 'Sign-in cancelled' }).waitFor()
    expect(await isListening(listener.host, listener.port)).toBe(false)
  })

  it('an answer with another state is refused with a page, and the sign-in keeps waiting for the real one', async () => {
    const page = await sso.browser.newPage()
    const opener = browserOpener()
    const outcome = newFlow(opener.openExternal).signIn(codeQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const { host, port, redirect } = listenerOf(signInUrl)
    await page.goto(`${redirect.origin}/?code=stolen-code&state=forged`)
    await page.getByRole('heading', { name: 'The sign-in answer did not match' }).waitFor()
    expect(await page.textContent('body')).toContain('still waiting for the sign-in')
    expect(await settledWithin(outcome, 200)).toBe('pending')
    expect(await isListening(host, port)).toBe(true)

    const state = new URL(signInUrl).searchParams.get('state') ?? ''
    await page.goto(`${redirect.origin}/?code=real-code&state=${encodeURIComponent(state)}`)
    await page.getByRole('heading', { name: 'Signed in' }).waitFor()
    expect(await outcome).toEqual({ ok: true, value: { kind: 'code', code: 'real-code', redirectUri: anyString(), portChosen: true } })
  })

  it('error=access_denied and other provider errors become typed errors; the description is shown escaped', async () => {
    for (const [error, code] of [
      ['access_denied', 'sso_access_denied'],
      ['temporarily_unavailable', 'sso_provider_error']
    ] as const) {
      const page = await sso.browser.newPage()
      const opener = browserOpener()
      const outcome = newFlow(opener.openExternal).signIn(codeQuery(), () => undefined)
      const signInUrl = await opener.firstUrl
      const state = new URL(signInUrl).searchParams.get('state') ?? ''
      const { redirect } = listenerOf(signInUrl)
      const description = '<img src=x onerror=alert(1)> denied'
      const callback = new URL(redirect.href)
      callback.search = new URLSearchParams({ error, error_description: description, state }).toString()
      await page.goto(callback.href)
      const result = await outcome
      expect(result).toMatchObject({ ok: false, error: { code } })
      if (!result.ok) expect(result.error.serverMessage).toContain(description)
      expect(await page.locator('img').count()).toBe(0)
      expect(await page.textContent('body')).toContain(description)
    }
  })

  it('times out when the browser never comes back, and closes the listener', async () => {
    const opener = browserOpener()
    const progress = progressLog()
    const outcome = newFlow(opener.openExternal, 400).signIn(codeQuery(), progress.onProgress)
    const listener = listenerOf(await opener.firstUrl)
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_timeout' } })
    expect(progress.events.map((p) => p.stage)).toEqual(['opening-browser', 'waiting-for-browser'])
    expect(await isListening(listener.host, listener.port)).toBe(false)
  })
})

async function expectAlert(page: import('@playwright/test').Page, text: string): Promise<void> {
  const alert = page.getByRole('alert')
  await alert.waitFor()
  expect(await alert.textContent()).toContain(text)
}
