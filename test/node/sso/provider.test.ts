import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SignJWT, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSsoBrowserFlow } from '../../../src/main/engine/sso'
import { success } from '../../../src/shared/outcome'
import { defaultSeed } from '../../../src/sandbox/seed'
import { SSO_CLIENT_ID, ssoSummary, startSsoProvider, type RunningSsoProvider } from '../../../src/sandbox/sso'
import { sendLoginPage } from '../../../src/sandbox/sso/login-page'
import { ACCOUNTS, ANN, browserOpener, codeQuery, requestFrom, signInOnProviderPage, tokenQuery } from './harness'
import { launchSystemBrowser, type SystemBrowser } from './system-browser'
import { anyString, stringMatching } from '../../support/matchers'
import { closeOpened } from '../../support/close-opened'

let provider: RunningSsoProvider
let browser: SystemBrowser
let clockOffsetMs = 0

beforeAll(async () => {
  provider = await startSsoProvider({ seed: { customerAccounts: ACCOUNTS }, now: () => Date.now() + clockOffsetMs })
  browser = await launchSystemBrowser()
})

afterAll(async () => {
  await closeOpened(browser, provider)
})

describe('ssoUrl', () => {
  it('builds the authorize URL like the vendor’s Keycloak, with the discovery document', async () => {
    const answer = await provider.ssoUrl({ product: 'design-pack', customerAccountCode: 'acme', responseType: 'code' })
    if (!answer.ok) throw new Error(answer.refusal.code)
    const url = new URL(answer.value.url)
    expect(url.origin).toBe(provider.issuer)
    expect(url.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      scope: 'openid',
      response_type: 'code',
      client_id: SSO_CLIENT_ID,
      redirect_uri: 'http://127.0.0.1',
      kc_idp_hint: 'acme'
    })
    expect(answer.value.openid_configuration).toMatchObject({
      issuer: provider.issuer,
      authorization_endpoint: `${provider.issuer}${url.pathname}`,
      token_endpoint: stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
      jwks_uri: anyString()
    })
  })

  it('asks for ID and access tokens with a fresh nonce for the implicit grant', async () => {
    const urls = await Promise.all([1, 2].map(() => provider.ssoUrl({ product: 'design-pack', customerAccountCode: 'acme', responseType: 'token' })))
    const params = urls.map((a) => (a.ok ? new URL(a.value.url).searchParams : new URLSearchParams()))
    expect(params.map((p) => p.get('response_type'))).toEqual(['id_token token', 'id_token token'])
    expect(params[0]?.get('nonce')).toMatch(/^[\w-]{20,}$/)
    expect(params[0]?.get('nonce')).not.toBe(params[1]?.get('nonce'))
  })

  it('refuses unknown accounts, accounts without SSO and unregistered redirect URIs', async () => {
    const ask = (customerAccountCode: string, redirectUri?: string) =>
      provider.ssoUrl({ product: 'p', customerAccountCode, responseType: 'code', ...(redirectUri ? { redirectUri } : {}) })
    expect(await ask('nobody')).toEqual({
      ok: false,
      refusal: { status: 400, code: 'customer_account_not_found', message: 'Customer account not found' }
    })
    expect(await ask('globex')).toMatchObject({ ok: false, refusal: { status: 400, code: 'sso_not_enabled' } })
    expect(await ask('acme', 'http://evil.example/cb')).toMatchObject({ ok: false, refusal: { code: 'validation_error' } })
    expect(await ask('acme', 'http://127.0.0.1/other')).toMatchObject({ ok: false, refusal: { code: 'validation_error' } })
    // Only the port may differ from the registered loopback redirect: not the host, scheme or query.
    for (const other of ['http://localhost:5555', 'https://127.0.0.1:5555', 'http://127.0.0.1:5555/?next=x', 'http://[::1]:5555'])
      expect(await ask('acme', other)).toMatchObject({ ok: false, refusal: { code: 'validation_error' } })
    const chosen = await ask('acme', 'http://127.0.0.1:5555')
    if (!chosen.ok) throw new Error(chosen.refusal.code)
    expect(new URL(chosen.value.url).searchParams.get('redirect_uri')).toBe('http://127.0.0.1:5555')
  })
})

describe('identify', () => {
  it('refuses unknown accounts, accounts without SSO, and codes or tokens it never issued', async () => {
    expect(await provider.identify({ kind: 'code', code: 'x' }, 'nobody')).toMatchObject({
      ok: false,
      refusal: { code: 'customer_account_not_found' }
    })
    expect(await provider.identify({ kind: 'token', token: 'x' }, 'globex')).toMatchObject({
      ok: false,
      refusal: { code: 'sso_not_enabled' }
    })
    for (const code of ['', 'not-a-code', 'x'.repeat(600)]) {
      expect(await provider.identify({ kind: 'code', code }, 'acme')).toMatchObject({ ok: false, refusal: { code: 'sso_code_invalid' } })
    }
    for (const token of ['', 'opaque-token', 'a.b.c']) {
      expect(await provider.identify({ kind: 'token', token }, 'acme')).toMatchObject({ ok: false, refusal: { code: 'sso_token_invalid' } })
    }
  })

  it('refuses a well-formed ID token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const forged = await new SignJWT({ email: 'ann@acme.test', customer_account: 'acme' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(provider.issuer)
      .setAudience(SSO_CLIENT_ID)
      .setSubject('acme/ann@acme.test')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)
    expect(await provider.identify({ kind: 'token', token: forged }, 'acme')).toMatchObject({
      ok: false,
      refusal: { code: 'sso_token_invalid' }
    })
  })

  it('refuses an ID token once it has expired, and tokens of another provider instance', async () => {
    const page = await browser.newPage()
    const opener = browserOpener(page)
    const flow = createSsoBrowserFlow({
      requestSsoUrl: requestFrom(provider),
      openExternal: opener.openExternal,
      timeoutMs: 10_000,
      httpSignInOrigins: [new URL(provider.issuer).origin]
    })
    const outcome = flow.signIn(tokenQuery(), () => undefined)
    await opener.firstUrl
    await signInOnProviderPage(page, ANN)
    const result = await outcome
    if (!result.ok || result.value.kind !== 'token' || !result.value.idToken) throw new Error('expected an ID token')
    const idToken = result.value.idToken

    expect(await provider.identify({ kind: 'token', token: idToken }, 'acme')).toMatchObject({ ok: true })
    clockOffsetMs = 10 * 60_000
    try {
      expect(await provider.identify({ kind: 'token', token: idToken }, 'acme')).toMatchObject({
        ok: false,
        refusal: { code: 'sso_token_invalid' }
      })
    } finally {
      clockOffsetMs = 0
    }

    const other = await startSsoProvider({ seed: { customerAccounts: ACCOUNTS } })
    try {
      expect(await other.identify({ kind: 'token', token: idToken }, 'acme')).toMatchObject({
        ok: false,
        refusal: { code: 'sso_token_invalid' }
      })
      expect(await other.identify({ kind: 'token', token: result.value.accessToken ?? '' }, 'acme')).toMatchObject({
        ok: false,
        refusal: { code: 'sso_token_invalid' }
      })
    } finally {
      await other.close()
    }
  })
})

describe('the provider’s pages', () => {
  it('a sign-in link without the account hint is sent back to the app as an error', async () => {
    const page = await browser.newPage()
    const opener = browserOpener(page)
    const withoutHint = async () => {
      const answer = await requestFrom(provider)(codeQuery())
      if (!answer.ok) return answer
      const url = new URL(answer.value.url)
      url.searchParams.delete('kc_idp_hint')
      return success({ url: url.href })
    }
    const result = await createSsoBrowserFlow({
      requestSsoUrl: withoutHint,
      openExternal: opener.openExternal,
      timeoutMs: 10_000,
      httpSignInOrigins: [new URL(provider.issuer).origin]
    }).signIn(codeQuery(), () => undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'sso_provider_error' } })
    if (!result.ok) expect(result.error.serverMessage).toContain('invalid_request')
  })

  it('shows its own error page, with nothing loaded from the internet, for a bad authorization request', async () => {
    const page = await browser.newPage()
    const blockedBefore = browser.blocked.length
    const response = await page.goto(`${provider.issuer}/auth?client_id=unknown-client&response_type=code&scope=openid&redirect_uri=http%3A%2F%2F127.0.0.1`)
    expect(response?.status()).toBe(400)
    await page.getByRole('heading', { name: 'The sign-in could not continue' }).waitFor()
    expect(await page.content()).not.toMatch(/fonts\.googleapis|https?:\/\/(?!127\.0\.0\.1)/)
    expect(browser.blocked.slice(blockedBefore)).toEqual([])
  })

  it('refuses a redirect URI that differs in more than the port', async () => {
    const page = await browser.newPage()
    const response = await page.goto(
      `${provider.issuer}/auth?client_id=${SSO_CLIENT_ID}&response_type=code&scope=openid&kc_idp_hint=acme&redirect_uri=${encodeURIComponent('http://127.0.0.1:4000/elsewhere')}`
    )
    expect(response?.status()).toBe(400)
    expect(new URL(page.url()).origin).toBe(provider.issuer)
    expect(await page.textContent('body')).toContain('redirect_uri')
  })

  it('escapes what it re-shows on the login form and loads nothing external', async () => {
    const server = createServer((_req, res) =>
      sendLoginPage(res, { interactionUid: 'abc', accountName: '<b>Acme</b>', email: '"><script>alert(1)</script>', error: '<i>x</i>' })
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      const html = await response.text()
      expect(response.status).toBe(401)
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'nonce-/)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(html).not.toContain('<script>')
      expect(html).not.toContain('<b>Acme')
      expect(html).toContain('&lt;b&gt;Acme&lt;/b&gt;')
      expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
      expect(html).not.toMatch(/https?:\/\//)
      expect(html).toMatch(/<label for="email">Email<\/label>/)
      expect(html).toMatch(/<label for="password">Password<\/label>/)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})

describe('ssoSummary', () => {
  it('lists the accounts with SSO and their users for the sandbox --json summary', () => {
    expect(ssoSummary(defaultSeed())).toEqual({
      customerAccounts: [
        {
          code: 'acme',
          name: 'Acme Corp',
          redirectUri: 'http://127.0.0.1',
          users: [
            { email: 'ann@acme.test', password: 'ann-password' },
            { email: 'carl@acme.test', password: 'carl-password' },
            { email: 'dora@acme.test', password: 'dora-password' }
          ]
        }
      ]
    })
    expect(ssoSummary({ customerAccounts: ACCOUNTS }, 'http://127.0.0.1:3333/callback').customerAccounts.map((a) => [a.code, a.redirectUri])).toEqual([
      ['acme', 'http://127.0.0.1:3333/callback'],
      ['initech', 'http://127.0.0.1:3333/callback']
    ])
  })
})
