import { describe, expect, it } from 'vitest'
import { MAX_WINDOWS_OPEN_URL_LENGTH, vettedOpenExternal } from '../../../src/main/electron/external-url'
import { httpSignInOriginsFor, MAX_EXTERNAL_URL_LENGTH, vetExternalUrl } from '../../../src/main/engine/external-url'
import { BrowserNotOpenedError } from '../../../src/main/engine/sso/types'
import { stringMatching } from '../../support/matchers'

describe('vetExternalUrl', () => {
  it.each([
    ['https://login.example.com/authorize?client_id=a&state=b', 'https://login.example.com/authorize?client_id=a&state=b'],
    ['https://idp.example.com:8443/x', 'https://idp.example.com:8443/x'],
    ['HTTPS://Example.COM/', 'https://example.com/'],
    ['https://127.0.0.1:4010/auth', 'https://127.0.0.1:4010/auth']
  ])('opens %s', (raw, normalized) => {
    expect(vetExternalUrl(raw)).toEqual({ ok: true, url: normalized })
  })

  it.each(['http://127.0.0.1:4010/sso/auth?x=1', 'http://localhost:4010/', 'http://[::1]:4010/', 'http://127.0.0.2/'])(
    'refuses plain http on this PC when no sandbox provider is named: %s',
    (raw) => {
      expect(vetExternalUrl(raw)).toEqual({ ok: false, reason: 'plain http outside the sandbox’s sign-in page' })
    }
  )

  it('in sandbox mode opens plain http only on the sandbox provider’s own origin', () => {
    const sandbox = ['http://127.0.0.1:4010']
    expect(vetExternalUrl('http://127.0.0.1:4010/auth?client_id=a', sandbox)).toEqual({ ok: true, url: 'http://127.0.0.1:4010/auth?client_id=a' })
    for (const other of [
      'http://127.0.0.1:4011/auth',
      'http://localhost:4010/auth',
      'http://[::1]:4010/auth',
      'http://127.0.0.2:4010/',
      'http://example.com:4010/'
    ]) {
      expect(vetExternalUrl(other, sandbox).ok, other).toBe(false)
    }
    expect(vetExternalUrl('https://idp.example/auth', sandbox).ok).toBe(true)
  })

  it.each([
    ['http://example.com/', /plain http/],
    ['http://127.0.0.1.evil.test/', /plain http/],
    ['http://10.0.0.5/', /plain http/],
    ['file:///etc/passwd', /scheme file:/],
    ['javascript:alert(1)', /scheme javascript:/],
    ['data:text/html,hi', /scheme data:/],
    ['smb://server/share', /scheme smb:/],
    ['ms-settings:privacy', /scheme ms-settings:/],
    ['vbscript:msgbox', /scheme vbscript:/],
    ['https://user:pass@example.com/', /user name or password/],
    ['https://example.com@evil.test/', /user name or password/],
    [' https://example.com/', /spaces or control/],
    ['https://example.com/\n', /spaces or control/],
    ['https://exa mple.com/', /spaces or control/],
    ['/relative/path', /not a URL/],
    ['', /empty/],
    [`https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`, /too long/]
  ])('refuses %s', (raw, reason) => {
    const vetted = vetExternalUrl(raw)
    expect(vetted.ok).toBe(false)
    if (!vetted.ok) expect(vetted.reason).toMatch(reason)
  })
})

describe('vetExternalUrl at its edges', () => {
  it('a URL of exactly the longest length opens; one character more is refused', () => {
    const at = (length: number) => `https://example.com/${'a'.repeat(length - 'https://example.com/'.length)}`
    expect(vetExternalUrl(at(MAX_EXTERNAL_URL_LENGTH))).toEqual({ ok: true, url: at(MAX_EXTERNAL_URL_LENGTH) })
    expect(vetExternalUrl(at(MAX_EXTERNAL_URL_LENGTH + 1))).toEqual({ ok: false, reason: 'too long' })
  })

  it('a password without a user name is refused like any credentials in a link', () => {
    expect(vetExternalUrl('https://:hunter2@example.com/')).toEqual({ ok: false, reason: 'carries a user name or password' })
    expect(vetExternalUrl('http://:hunter2@127.0.0.1:4010/', 'any-loopback')).toEqual({ ok: false, reason: 'carries a user name or password' })
  })

  it('something that is no text, handed over by a caller that was not checked, is refused, not thrown on', () => {
    for (const hostile of [undefined, null, 42, { href: 'https://example.com/' }])
      expect(vetExternalUrl(hostile as unknown as string)).toEqual({ ok: false, reason: 'empty' })
  })

  it('with a License API on this PC (any loopback http page allowed), plain http elsewhere is still refused', () => {
    expect(vetExternalUrl('http://127.0.0.1:5999/auth', 'any-loopback')).toEqual({ ok: true, url: 'http://127.0.0.1:5999/auth' })
    for (const elsewhere of ['http://example.com/auth', 'http://10.0.0.5:4010/', 'http://127.0.0.1.evil.test/'])
      expect(vetExternalUrl(elsewhere, 'any-loopback'), elsewhere).toEqual({ ok: false, reason: 'plain http outside the sandbox’s sign-in page' })
  })
})

describe('httpSignInOriginsFor: which http pages a License API may send the browser to', () => {
  it('an http API on this PC (the sandbox) may name any http page on this PC', () => {
    for (const api of ['http://127.0.0.1:4010', 'http://localhost:4010/api/v4', 'http://[::1]:4010'])
      expect(httpSignInOriginsFor(api), api).toBe('any-loopback')
  })

  it('an https API, even on this PC, an http API elsewhere, or no URL at all may name none', () => {
    for (const api of ['https://api.licensespring.com', 'https://127.0.0.1:4010', 'http://api.example.com', 'not a url', ''])
      expect(httpSignInOriginsFor(api), api).toEqual([])
  })
})

describe('vettedOpenExternal', () => {
  it('passes vetted URLs to the opener, normalized', async () => {
    const opened: string[] = []
    const open = vettedOpenExternal(async (url) => {
      opened.push(url)
    })
    await open('HTTPS://Example.com/a?b=c')
    expect(opened).toEqual(['https://example.com/a?b=c'])
  })

  it('rejects unvetted URLs without calling the opener or echoing the URL', async () => {
    const opened: string[] = []
    const open = vettedOpenExternal(async (url) => {
      opened.push(url)
    })
    const attempt = open('file:///C:/Windows/System32/calc.exe?secret=s3cr3t')
    await expect(attempt).rejects.toThrow(/Refused to open an external URL/)
    await attempt.catch((e: unknown) => expect(String(e)).not.toContain('s3cr3t'))
    expect(opened).toEqual([])
  })

  it('passes the opener’s own failure through', async () => {
    const open = vettedOpenExternal(async () => {
      throw new Error('no browser')
    })
    await expect(open('https://example.com/')).rejects.toThrow('no browser')
  })

  it('on Windows, refuses a URL longer than 2081 characters with a reason for the user, without calling the opener', async () => {
    const opened: string[] = []
    const open = vettedOpenExternal(async (url) => void opened.push(url), [], 'win32')
    const base = 'https://idp.example.com/authorize?q='
    const atLimit = base + 'x'.repeat(MAX_WINDOWS_OPEN_URL_LENGTH - base.length)
    await open(atLimit)
    expect(opened).toEqual([atLimit])
    const attempt = open(atLimit + 'x')
    await expect(attempt).rejects.toBeInstanceOf(BrowserNotOpenedError)
    await expect(attempt).rejects.toMatchObject({ reason: stringMatching(/2,082 characters long.*longer than 2,081 characters/) })
    expect(opened).toHaveLength(1)
  })

  it.each(['linux', 'darwin'] as const)('on %s, opens long URLs (no such limit)', async (platform) => {
    const opened: string[] = []
    const long = 'https://idp.example.com/authorize?q=' + 'x'.repeat(4000)
    await vettedOpenExternal(async (url) => void opened.push(url), [], platform)(long)
    expect(opened).toEqual([long])
  })
})
