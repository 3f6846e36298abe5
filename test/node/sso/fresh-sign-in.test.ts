import { describe, expect, it } from 'vitest'
import { finalSignInUrl } from '../../../src/main/engine/sso/sign-in-url'

describe('a fresh sign-in ("Use another account")', () => {
  const authorize = new URL('https://idp.example.com/authorize?client_id=license-users&redirect_uri=http%3A%2F%2F127.0.0.1&prompt=none')

  it('asks the provider to sign in afresh with prompt=login, replacing any prompt the server set', () => {
    const { url } = finalSignInUrl(authorize, 'http://127.0.0.1:5555', () => 'S', false, true)
    expect(new URL(url).searchParams.getAll('prompt')).toEqual(['login'])
  })

  it('otherwise leaves the prompt as the License API gave it', () => {
    const { url } = finalSignInUrl(authorize, 'http://127.0.0.1:5555', () => 'S')
    expect(new URL(url).searchParams.getAll('prompt')).toEqual(['none'])
  })
})
