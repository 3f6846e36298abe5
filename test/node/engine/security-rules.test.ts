import { describe, expect, it } from 'vitest'
import { vetExternalUrl } from '../../../src/main/engine/external-url'
import { loopbackRedirect, vetSignInUrl } from '../../../src/main/engine/sso/sign-in-url'
import { redirectUriAllowed } from '../../../src/sandbox/sso/redirect-uris'

const SANDBOX = ['http://127.0.0.1:4010']

describe('one rule per security check, applied alike everywhere', () => {
  it.each([
    'https://idp.example/auth?client_id=a',
    'http://127.0.0.1:4010/auth',
    'http://127.0.0.1:4011/auth',
    'http://evil.test/auth',
    'https://user:pw@idp.example/auth',
    'https://idp.example/a b',
    'https://idp.example/\u0007',
    `https://idp.example/${'a'.repeat(9000)}`,
    'javascript:alert(1)',
    'file:///etc/passwd'
  ])('the engine opens a sign-in page exactly when the shell would open it: %s', (url) => {
    expect(vetSignInUrl(url, SANDBOX).ok).toBe(vetExternalUrl(url, SANDBOX).ok)
  })

  it.each([
    ['http://127.0.0.1:3333/callback', true],
    ['http://[::1]/cb', true],
    ['http://localhost', true],
    ['http://127.0.0.2/cb', false],
    ['https://127.0.0.1/cb', false],
    ['http://example.test/cb', false]
  ])('the app and the sandbox agree on loopback redirects: %s → %s', (uri, loopback) => {
    expect(loopbackRedirect(new URL(`https://idp.example/auth?redirect_uri=${encodeURIComponent(uri)}`)).ok).toBe(loopback)
    const other = new URL(uri)
    other.port = '45678'
    expect(redirectUriAllowed(uri, other.href)).toBe(loopback)
  })
})
