import { describe, expect, it } from 'vitest'
import { finalSignInUrl, loopbackRedirect, offersFormPost } from '../../../src/main/engine/sso/sign-in-url'

/*
 * The sign-in URL the browser is sent to, and the redirect URI read from the server's link: what a
 * person signing in, and someone trying to answer in their place, meet.
 */

const signInLink = (redirectUri: string | null, more = '') =>
  new URL(`https://idp.example/authorize?client_id=app${redirectUri === null ? '' : `&redirect_uri=${encodeURIComponent(redirectUri)}`}${more}`)
const LISTENER = 'http://127.0.0.1:49152/callback'

describe('the app’s own state in the sign-in URL', () => {
  it.each([
    ['an empty state', '&state='],
    ['a short, guessable state', '&state=1'],
    ['the state twice', '&state=a&state=b'],
    ['a state whose name is percent-encoded', '&st%61te=attacker']
  ])('a link with %s still gets only the app’s own state', (_name, more) => {
    const { url, state } = finalSignInUrl(signInLink(null, more), LISTENER, () => 'app-own-state')
    expect(state).toBe('app-own-state')
    expect(new URL(url).searchParams.getAll('state')).toEqual(['app-own-state'])
  })

  it('sends the browser back to the app’s listener, whatever redirect URI the link named', () => {
    const { url } = finalSignInUrl(signInLink('http://127.0.0.1:5000/cb'), LISTENER, () => 's')
    expect(new URL(url).searchParams.getAll('redirect_uri')).toEqual([LISTENER])
  })

  it('asks the provider who signs in only when a fresh sign-in was chosen', () => {
    expect(new URL(finalSignInUrl(signInLink(null), LISTENER, () => 's', false, true).url).searchParams.get('prompt')).toBe('login')
    expect(new URL(finalSignInUrl(signInLink(null), LISTENER, () => 's').url).searchParams.has('prompt')).toBe(false)
  })
})

describe('tokens posted as a form rather than put in the browser’s history', () => {
  it('a link naming no response mode asks for form_post when the provider offers it', () => {
    const { url, formPost } = finalSignInUrl(signInLink(null, '&response_type=id_token'), LISTENER, () => 's', true)
    expect(new URL(url).searchParams.get('response_mode')).toBe('form_post')
    expect(formPost).toBe(true)
  })

  it('a link naming its own response mode keeps it, and the app waits for that mode', () => {
    const { url, formPost } = finalSignInUrl(signInLink(null, '&response_mode=query'), LISTENER, () => 's', true)
    expect(new URL(url).searchParams.getAll('response_mode')).toEqual(['query'])
    expect(formPost).toBe(false)
  })

  it('a link that already asks for form_post is waited for as a form, even when the app would not ask', () => {
    expect(finalSignInUrl(signInLink(null, '&response_mode=form_post'), LISTENER, () => 's', false).formPost).toBe(true)
  })

  it('without the provider offering it, nothing is added', () => {
    const { url, formPost } = finalSignInUrl(signInLink(null), LISTENER, () => 's')
    expect(new URL(url).searchParams.has('response_mode')).toBe(false)
    expect(formPost).toBe(false)
  })

  it.each<[string, Record<string, unknown> | null | undefined, boolean]>([
    ['lists form_post', { response_modes_supported: ['query', 'fragment', 'form_post'] }, true],
    ['lists other modes only', { response_modes_supported: ['query', 'fragment'] }, false],
    ['names the modes in a text, not a list', { response_modes_supported: 'form_post' }, false],
    ['says nothing about modes', {}, false],
    ['could not be read', null, false],
    ['was not asked for', undefined, false]
  ])('a discovery document that %s → form_post offered: %s', (_name, document, offered) => {
    expect(offersFormPost(document)).toBe(offered)
  })
})

describe('the redirect URI the server’s link names', () => {
  it('is read with the host to listen on, the port and the path', () => {
    const read = loopbackRedirect(signInLink('http://127.0.0.1:5000/cb?x=1'))
    expect(read.ok && { ...read.value, withPort: undefined }).toEqual({
      registered: 'http://127.0.0.1:5000/cb?x=1',
      listenHost: '127.0.0.1',
      port: 5000,
      path: '/cb',
      withPort: undefined
    })
  })

  it('without a port lets the OS choose one (port 0); an IPv6 loopback is listened on as ::1', () => {
    const any = loopbackRedirect(signInLink('http://localhost/cb'))
    expect(any.ok && [any.value.listenHost, any.value.port]).toEqual(['localhost', 0])
    const v6 = loopbackRedirect(signInLink('http://[::1]:8080'))
    expect(v6.ok && [v6.value.listenHost, v6.value.port, v6.value.path]).toEqual(['::1', 8080, '/'])
  })

  it('with another port keeps everything else exactly as registered: no "/" added, nothing re-encoded', () => {
    const cases: Array<[string, string]> = [
      ['http://127.0.0.1:5000/cb?x=1', 'http://127.0.0.1:1234/cb?x=1'],
      ['http://127.0.0.1:5000?x=%2F', 'http://127.0.0.1:1234?x=%2F'],
      ['http://[::1]:8080', 'http://[::1]:1234'],
      ['http://localhost/a/b/', 'http://localhost:1234/a/b/']
    ]
    for (const [registered, moved] of cases) {
      const read = loopbackRedirect(signInLink(registered))
      expect(read.ok && read.value.withPort(1234), registered).toBe(moved)
    }
  })

  it('missing or empty says the link names no way back', () => {
    for (const link of [signInLink(null), signInLink('')]) {
      const read = loopbackRedirect(link)
      expect(read.ok ? 'read' : read.error).toMatchObject({
        code: 'sso_redirect_not_loopback',
        explanation: 'The sign-in address from the server does not say where the browser should come back to.'
      })
    }
  })

  it.each([
    ['carries a user name', 'http://user@127.0.0.1/cb'],
    ['carries a password', 'http://user:secret@127.0.0.1/cb'],
    ['carries a fragment', 'http://127.0.0.1/cb#part'],
    ['is not http', 'https://127.0.0.1/cb'],
    ['is another host', 'http://evil.example/cb'],
    ['is not a URL', 'not a url']
  ])('that %s is refused as no loopback address of this app', (_name, uri) => {
    const read = loopbackRedirect(signInLink(uri))
    expect(read.ok ? 'read' : read.error.code).toBe('sso_redirect_not_loopback')
    expect(read.ok ? '' : read.error.explanation).not.toBe('The sign-in address from the server does not say where the browser should come back to.')
  })
})
