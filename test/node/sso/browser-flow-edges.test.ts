import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { vettedOpenExternal } from '../../../src/main/electron/external-url'
import { createSsoBrowserFlow } from '../../../src/main/engine/sso'
import { describeError } from '../../../src/shared/errors'
import { failure, success } from '../../../src/shared/outcome'
import { ACCOUNTS, ANN, browserOpener, codeQuery, listenerOf, progressLog, requestFrom, settledWithin, signInOnProviderPage, tokenQuery } from './harness'
import { freePort, isListening, occupyPort } from './loopback-probe'
import { providerAndBrowserForFile } from './provider-and-browser'
import { startSsoProvider } from '../../../src/sandbox/sso'
import { expectOk } from '../../support/expect-ok'
import { anyString, stringContaining } from '../../support/matchers'

const sso = providerAndBrowserForFile()

const flowWith = (openExternal: (url: string) => Promise<void>, requestSsoUrl = requestFrom(sso.provider), timeoutMs = 15_000, idp = sso.provider) =>
  createSsoBrowserFlow({ requestSsoUrl, openExternal, timeoutMs, httpSignInOrigins: [new URL(idp.issuer).origin] })

/**
 * Sends raw HTTP/1.1 requests on one connection (pipelined; the last asks the listener to close it)
 * and returns everything the listener answered.
 */
function rawExchange(port: number, requests: string[]): Promise<string> {
  const last = requests.length - 1
  const wire = requests.map((r, i) => (i === last ? r.replace('\r\n', '\r\nConnection: close\r\n') : r)).join('')
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    let text = ''
    socket.setEncoding('utf8')
    socket.setTimeout(5_000, () => socket.destroy(new Error('the listener did not close the connection')))
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(text))
    socket.write(wire)
  })
}

const get = (port: number, target: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`

describe('the loopback listener', () => {
  it('answers a replayed callback with "already finished" and keeps the first answer', async () => {
    const opener = browserOpener()
    const outcome = flowWith(opener.openExternal).signIn(codeQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const state = encodeURIComponent(new URL(signInUrl).searchParams.get('state') ?? '')
    const { port } = listenerOf(signInUrl)

    const answers = await rawExchange(port, [get(port, `/?code=first&state=${state}`), get(port, `/?code=second&state=${state}`)])
    expect(await outcome).toEqual({ ok: true, value: { kind: 'code', code: 'first', redirectUri: `http://127.0.0.1:${port}`, portChosen: true } })
    const [firstAnswer, replayAnswer] = answers.split(/(?=HTTP\/1\.1 )/)
    expect(firstAnswer).toMatch(/^HTTP\/1\.1 200/)
    expect(firstAnswer).toContain('<h1>Signed in</h1>')
    expect(replayAnswer).toMatch(/^HTTP\/1\.1 409/)
    expect(replayAnswer).toContain('This sign-in is already finished')
    expect(replayAnswer).not.toContain('second')
    expect(await isListening('127.0.0.1', port)).toBe(false)
  })

  it('sets no-store, nosniff, no-referrer and a script-free CSP on its pages, and never echoes the code', async () => {
    const opener = browserOpener()
    const outcome = flowWith(opener.openExternal).signIn(codeQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const state = encodeURIComponent(new URL(signInUrl).searchParams.get('state') ?? '')
    const { port } = listenerOf(signInUrl)
    const answer = await rawExchange(port, [get(port, `/?code=secret-code-value&state=${state}`)])
    expectOk(await outcome)
    expect(answer).toMatch(/cache-control: no-store/i)
    expect(answer).toMatch(/x-content-type-options: nosniff/i)
    expect(answer).toMatch(/referrer-policy: no-referrer/i)
    expect(answer).toMatch(/content-security-policy: default-src 'none'; style-src 'nonce-[^']+'; frame-ancestors 'none'/i)
    expect(answer).not.toContain('secret-code-value')
  })

  it('ignores other paths, other Host headers, odd targets and bare visits; they change nothing', async () => {
    const opener = browserOpener()
    const outcome = flowWith(opener.openExternal).signIn(codeQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const state = encodeURIComponent(new URL(signInUrl).searchParams.get('state') ?? '')
    const { port } = listenerOf(signInUrl)

    const favicon = await rawExchange(port, [get(port, '/favicon.ico')])
    expect(favicon).toMatch(/^HTTP\/1\.1 404/)
    const rebound = await rawExchange(port, [`GET /?code=x&state=${state} HTTP/1.1\r\nHost: evil.example:${port}\r\n\r\n`])
    expect(rebound).toMatch(/^HTTP\/1\.1 421/)
    const post = await rawExchange(port, [`POST /?code=x&state=${state} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\n\r\n`])
    expect(post).toMatch(/^HTTP\/1\.1 405/)
    expect(await isListening('127.0.0.1', port)).toBe(true)

    for (const target of ['//', 'http://127.0.0.1/?code=x', '*', '/%zz?code=x']) {
      expect(await rawExchange(port, [get(port, target)]), target).toMatch(/^HTTP\/1\.1 400/)
    }

    const bare = await rawExchange(port, [get(port, '/')])
    expect(bare).toMatch(/^HTTP\/1\.1 400/)
    expect(bare).toContain('The sign-in answer did not match')
    expect(bare).toContain('is still waiting for the sign-in')
    expect(await settledWithin(outcome, 100)).toBe('pending')

    expect(await rawExchange(port, [get(port, `/?code=real&state=${state}`)])).toMatch(/^HTTP\/1\.1 200/)
    expect(await outcome).toEqual({ ok: true, value: { kind: 'code', code: 'real', redirectUri: anyString(), portChosen: true } })
  })

  it('for the implicit grant refuses a relay post without its header, and reports a callback without tokens', async () => {
    const opener = browserOpener()
    const outcome = flowWith(opener.openExternal).signIn(tokenQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const state = new URL(signInUrl).searchParams.get('state') ?? ''
    const { port } = listenerOf(signInUrl)

    const relayPage = await rawExchange(port, [get(port, '/')])
    expect(relayPage).toMatch(/^HTTP\/1\.1 200/)
    expect(relayPage).toMatch(/content-security-policy: default-src 'none'; script-src 'nonce-([^']+)'/i)
    const nonce = /script-src 'nonce-([^']+)'/.exec(relayPage)?.[1]
    expect(relayPage).toContain(`<script nonce="${nonce}">`)

    const body = `state=${encodeURIComponent(state)}&id_token=forged`
    const forged = `POST /fragment HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`
    expect(await rawExchange(port, [forged])).toMatch(/^HTTP\/1\.1 403/)

    const empty = `state=${encodeURIComponent(state)}`
    const relayed = `POST /fragment HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Sso-Relay: 1\r\nContent-Length: ${empty.length}\r\n\r\n${empty}`
    const answer = await rawExchange(port, [relayed])
    expect(answer).toMatch(/^HTTP\/1\.1 400/)
    expect(answer).toMatch(/content-type: text\/plain/i)
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_invalid_callback' } })
  })

  it('reports a code-grant callback without a code as an invalid callback', async () => {
    const opener = browserOpener()
    const outcome = flowWith(opener.openExternal).signIn(codeQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const state = encodeURIComponent(new URL(signInUrl).searchParams.get('state') ?? '')
    const { port } = listenerOf(signInUrl)
    expect(await rawExchange(port, [get(port, `/?state=${state}`)])).toMatch(/^HTTP\/1\.1 400/)
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_invalid_callback' } })
  })
})

describe('where the flow listens', () => {
  it('uses the fixed port a vendor registered, unchanged, and the provider accepts it', async () => {
    const port = await freePort()
    const fixed = await startSsoProvider({
      seed: { customerAccounts: ACCOUNTS },
      redirectUri: `http://127.0.0.1:${port}/callback`
    })
    try {
      const page = await sso.browser.newPage()
      const opener = browserOpener(page)
      const outcome = flowWith(opener.openExternal, requestFrom(fixed), 15_000, fixed).signIn(codeQuery(), () => undefined)
      const signInUrl = await opener.firstUrl
      expect(new URL(signInUrl).searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/callback`)
      await signInOnProviderPage(page, ANN)
      const result = await outcome
      if (!result.ok || result.value.kind !== 'code') throw new Error('expected a code')
      expect(new URL(page.url()).pathname).toBe('/callback')
      expect(result.value.redirectUri).toBe(`http://127.0.0.1:${port}/callback`)
      // The vendor fixed the port: the app chose nothing, so a refusal would keep the general words.
      expect(result.value).not.toHaveProperty('portChosen')
      expect(await fixed.identify({ kind: 'code', code: result.value.code }, 'acme')).toMatchObject({ ok: true })
      expect(await isListening('127.0.0.1', port)).toBe(false)
    } finally {
      await fixed.close()
    }
  })

  it('reports a busy fixed port as sso_port_in_use without opening the browser', async () => {
    const busy = await occupyPort()
    const fixed = await startSsoProvider({
      seed: { customerAccounts: ACCOUNTS },
      redirectUri: `http://127.0.0.1:${busy.port}/callback`
    })
    try {
      const opener = browserOpener()
      const result = await flowWith(opener.openExternal, requestFrom(fixed), 15_000, fixed).signIn(codeQuery(), () => undefined)
      expect(result).toMatchObject({ ok: false, error: { code: 'sso_port_in_use', family: 'sso' } })
      if (!result.ok) {
        expect(result.error.explanation).toBe(
          `The app must listen on 127.0.0.1:${busy.port}, the address the vendor registered for sign-in, and another program is using it.`
        )
      }
      expect(opener.urls).toEqual([])
    } finally {
      await busy.release()
      await fixed.close()
    }
  })

  it('listens on [::1] when the redirect names it', async () => {
    const opener = browserOpener()
    const requestSsoUrl = async () => success({ url: 'https://idp.example/auth?client_id=a&redirect_uri=http%3A%2F%2F%5B%3A%3A1%5D%2Fcb' })
    const flow = flowWith(opener.openExternal, requestSsoUrl)
    const outcome = flow.signIn(codeQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const listener = listenerOf(signInUrl)
    expect(listener.host).toBe('::1')
    expect(listener.redirect.pathname).toBe('/cb')
    expect(await isListening('::1', listener.port)).toBe(true)
    flow.cancel()
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_cancelled' } })
    expect(await isListening('::1', listener.port)).toBe(false)
  })

  it('refuses a redirect that is not this PC, and sign-in addresses that are not https or loopback', async () => {
    const cases: [string, string][] = [
      ['https://idp.example/auth?redirect_uri=https%3A%2F%2Fapp.example%2Fcb', 'sso_redirect_not_loopback'],
      ['https://idp.example/auth?redirect_uri=http%3A%2F%2F192.168.1.5%2Fcb', 'sso_redirect_not_loopback'],
      ['https://idp.example/auth?redirect_uri=https%3A%2F%2F127.0.0.1%2Fcb', 'sso_redirect_not_loopback'],
      ['https://idp.example/auth?client_id=a', 'sso_redirect_not_loopback'],
      ['http://idp.example/auth?redirect_uri=http%3A%2F%2F127.0.0.1', 'sso_unsafe_url'],
      ['http://127.0.0.1:1/auth?redirect_uri=http%3A%2F%2F127.0.0.1', 'sso_unsafe_url'],
      ['http://localhost/auth?redirect_uri=http%3A%2F%2F127.0.0.1', 'sso_unsafe_url'],
      ['file:///etc/passwd?redirect_uri=http%3A%2F%2F127.0.0.1', 'sso_unsafe_url'],
      ['https://user:pw@idp.example/auth?redirect_uri=http%3A%2F%2F127.0.0.1', 'sso_unsafe_url'],
      ['not a url', 'sso_unsafe_url']
    ]
    for (const [url, code] of cases) {
      const opener = browserOpener()
      const result = await flowWith(opener.openExternal, async () => success({ url })).signIn(codeQuery(), () => undefined)
      expect(result, url).toMatchObject({ ok: false, error: { code } })
      expect(opener.urls).toEqual([])
    }
  })

  it('passes a License API refusal through unchanged', async () => {
    const opener = browserOpener()
    const result = await flowWith(opener.openExternal).signIn(codeQuery('globex'), () => undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'sso_not_enabled', status: 400 } })
    const unknown = await flowWith(opener.openExternal).signIn(codeQuery('nobody'), () => undefined)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'customer_account_not_found' } })
    expect(opener.urls).toEqual([])
  })
})

describe('state, browser and attempts', () => {
  it('replaces a state the provider put in the URL with its own, and an answer with the provider’s state ends nothing', async () => {
    const opener = browserOpener()
    const url = 'https://idp.example/auth?redirect_uri=http%3A%2F%2F127.0.0.1&state=vendor-state'
    const flow = flowWith(opener.openExternal, async () => success({ url }))
    const outcome = flow.signIn(codeQuery(), () => undefined)
    const opened = new URL(await opener.firstUrl)
    expect(opened.searchParams.getAll('state')).toHaveLength(1)
    expect(opened.searchParams.get('state')).toMatch(/^[\w-]{43}$/)
    const { port } = listenerOf(opened.href)
    expect(await rawExchange(port, [get(port, '/?code=forged&state=vendor-state')])).toMatch(/^HTTP\/1\.1 400/)
    expect(await settledWithin(outcome, 100)).toBe('pending')
    flow.cancel()
    await outcome

    const states = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const o = browserOpener()
      const f = flowWith(o.openExternal)
      const pending = f.signIn(codeQuery(), () => undefined)
      states.add(new URL(await o.firstUrl).searchParams.get('state') ?? '')
      f.cancel()
      await pending
    }
    expect(states.size).toBe(3)
  })

  it('when the browser cannot be opened, reports the link to copy and still accepts the sign-in', async () => {
    const page = await sso.browser.newPage()
    const progress = progressLog()
    const flow = flowWith(async () => {
      throw new Error('no browser')
    })
    const outcome = flow.signIn(codeQuery(), progress.onProgress)
    await expect.poll(() => progress.events.length).toBe(2)
    const waiting = progress.events[1]
    if (waiting?.stage !== 'waiting-for-browser') throw new Error('expected waiting-for-browser')
    expect(waiting.browserOpened).toBe(false)
    await page.goto(waiting.signInUrl)
    await signInOnProviderPage(page, ANN)
    expect(await outcome).toMatchObject({ ok: true, value: { kind: 'code' } })
  })

  it.each(['win32', 'linux'] as const)('a sign-in link over 2081 characters on %s: Windows goes straight to the link to copy, saying why', async (platform) => {
    const opened: string[] = []
    const openExternal = vettedOpenExternal(async (url) => void opened.push(url), [], platform)
    const url = `https://idp.example/auth?redirect_uri=http%3A%2F%2F127.0.0.1&login_hint=${'x'.repeat(2100)}`
    const progress = progressLog()
    const flow = flowWith(openExternal, async () => success({ url }))
    const outcome = flow.signIn(codeQuery(), progress.onProgress)
    await expect.poll(() => progress.events.length).toBe(2)
    const waiting = progress.events[1]
    if (waiting?.stage !== 'waiting-for-browser') throw new Error('expected waiting-for-browser')
    if (platform === 'win32') {
      expect(waiting).toMatchObject({ browserOpened: false, notOpenedReason: stringContaining('2,081 characters') })
      expect(opened).toEqual([])
    } else {
      expect(waiting).toMatchObject({ browserOpened: true })
      expect(waiting).not.toHaveProperty('notOpenedReason')
      expect(opened).toEqual([waiting.signInUrl])
    }
    flow.cancel()
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_cancelled' } })
  })

  it('a second sign-in replaces the first: the first ends sso_replaced and its listener closes', async () => {
    const firstOpener = browserOpener()
    const secondPage = await sso.browser.newPage()
    const secondOpener = browserOpener(secondPage)
    let open = firstOpener.openExternal
    const flow = flowWith((url) => open(url))

    const first = flow.signIn(codeQuery(), () => undefined)
    const firstListener = listenerOf(await firstOpener.firstUrl)
    open = secondOpener.openExternal
    const second = flow.signIn(codeQuery(), () => undefined)
    expect(await first).toMatchObject({ ok: false, error: { code: 'sso_replaced' } })
    expect(await isListening(firstListener.host, firstListener.port)).toBe(false)

    await secondOpener.firstUrl
    await signInOnProviderPage(secondPage, ANN)
    expect(await second).toMatchObject({ ok: true, value: { kind: 'code' } })
  })

  it('Cancel before the License API has answered ends at once and opens nothing', async () => {
    let answer: (value: { ok: true; value: { url: string } }) => void = () => undefined
    const opener = browserOpener()
    const flow = flowWith(opener.openExternal, () => new Promise((resolve) => (answer = resolve)))
    const outcome = flow.signIn(codeQuery(), () => undefined)
    flow.cancel()
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_cancelled' } })
    answer({ ok: true, value: { url: 'https://idp.example/auth?redirect_uri=http%3A%2F%2F127.0.0.1' } })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(opener.urls).toEqual([])
  })

  it('an unexpected failure asking for the URL becomes a typed error, and a throwing opener counts as "not opened"', async () => {
    const opener = browserOpener()
    const broken = await flowWith(opener.openExternal, async () => {
      throw new Error('boom')
    }).signIn(codeQuery(), () => undefined)
    expect(broken).toMatchObject({ ok: false, error: { code: 'app_internal_error' } })
    expect(opener.urls).toEqual([])

    const progress = progressLog()
    const flow = flowWith(() => {
      throw new Error('synchronous')
    })
    const outcome = flow.signIn(codeQuery(), progress.onProgress)
    await expect.poll(() => progress.events.length).toBe(2)
    expect(progress.events[1]).toMatchObject({ stage: 'waiting-for-browser', browserOpened: false })
    flow.cancel()
    expect(await outcome).toMatchObject({ ok: false, error: { code: 'sso_cancelled' } })
  })

  it('listens on localhost when the vendor registered http://localhost', async () => {
    const opener = browserOpener()
    const flow = flowWith(opener.openExternal, async () => success({ url: 'https://idp.example/auth?redirect_uri=http%3A%2F%2Flocalhost%2Fcb' }))
    const outcome = flow.signIn(codeQuery(), () => undefined)
    const signInUrl = await opener.firstUrl
    const { redirect } = listenerOf(signInUrl)
    expect(redirect.host).toMatch(/^localhost:\d+$/)
    const state = new URL(signInUrl).searchParams.get('state') ?? ''
    const answer = await fetch(`${redirect.href}?code=abc&state=${encodeURIComponent(state)}`)
    expect(answer.status).toBe(200)
    expect(await outcome).toEqual({ ok: true, value: { kind: 'code', code: 'abc', redirectUri: `http://${redirect.host}/cb`, portChosen: true } })
  })

  it('when it chooses the port it asks sso_url for exactly the redirect it listens on; a fixed port is asked once', async () => {
    const asked: Array<string | undefined> = []
    const answering = (registered: string) => async (query: { redirectUri?: string }) => {
      asked.push(query.redirectUri)
      return success({ url: `https://idp.example/auth?redirect_uri=${encodeURIComponent(query.redirectUri ?? registered)}` })
    }
    const opener = browserOpener()
    const flow = flowWith(opener.openExternal, answering('http://127.0.0.1/cb'))
    const outcome = flow.signIn(codeQuery(), () => undefined)
    const { port } = listenerOf(await opener.firstUrl)
    expect(asked).toEqual([undefined, `http://127.0.0.1:${port}/cb`])
    flow.cancel()
    await outcome

    asked.length = 0
    const fixedPort = await freePort()
    const fixedOpener = browserOpener()
    const fixedFlow = flowWith(fixedOpener.openExternal, answering(`http://127.0.0.1:${fixedPort}/cb`))
    const fixedOutcome = fixedFlow.signIn(codeQuery(), () => undefined)
    expect(new URL(await fixedOpener.firstUrl).searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${fixedPort}/cb`)
    expect(asked).toEqual([undefined])
    fixedFlow.cancel()
    await fixedOutcome
  })

  it('a refusal of the second sso_url call (the chosen redirect) ends the sign-in with that error', async () => {
    let calls = 0
    const opener = browserOpener()
    const flow = flowWith(opener.openExternal, async () =>
      ++calls === 1
        ? success({ url: 'https://idp.example/auth?redirect_uri=http%3A%2F%2F127.0.0.1' })
        : failure(describeError('validation_error', { status: 400, serverMessage: 'redirect_uri is not registered for this customer account' }))
    )
    expect(await flow.signIn(codeQuery(), () => undefined)).toMatchObject({ ok: false, error: { code: 'validation_error' } })
    expect(calls).toBe(2)
  })

  it('cancel() with no sign-in running is a no-op', () => {
    expect(() => flowWith(async () => undefined).cancel()).not.toThrow()
  })
})
