import { describe, expect, it } from 'vitest'
import { isAuthorizationAnswer, readCallback } from '../../../src/main/engine/sso/callback'

/*
 * What comes back to the sign-in listener, read as the answer to this sign-in or not: the person's
 * browser returning, or any page that can reach the port trying to answer in their place.
 */

const STATE = 'app-own-state-3f9c'
const read = (query: string, grant: 'code' | 'token' = 'code') => readCallback(new URLSearchParams(query), STATE, grant)
const outcomeOf = (query: string, grant: 'code' | 'token' = 'code') => {
  const reading = read(query, grant)
  if (reading.kind !== 'answer') return reading.kind
  return reading.outcome.ok ? reading.outcome.value : { code: reading.outcome.error.code, serverMessage: reading.outcome.error.serverMessage }
}

describe('only this sign-in’s state, exactly once, can answer', () => {
  it.each([
    ['no state', 'code=abc'],
    ['another state', 'state=guessed&code=abc'],
    ['the state with one character more', `state=${STATE}x&code=abc`],
    ['an empty state', 'state=&code=abc'],
    ['the state twice', `state=${STATE}&state=${STATE}&code=abc`]
  ])('a request with %s changes nothing', (_name, query) => {
    expect(read(query)).toEqual({ kind: 'not-this-sign-in' })
  })

  it.each(['code', 'error', 'id_token', 'access_token'])('an answer with %s twice is refused whole as ambiguous', (name) => {
    expect(outcomeOf(`state=${STATE}&${name}=a&${name}=b`)).toMatchObject({ code: 'sso_invalid_callback' })
  })
})

describe('the code grant', () => {
  it('yields the code', () => {
    expect(outcomeOf(`state=${STATE}&code=abc`)).toEqual({ kind: 'code', code: 'abc' })
  })

  it('an answer without a code, or with an empty one, is not a valid answer', () => {
    expect(outcomeOf(`state=${STATE}`)).toMatchObject({ code: 'sso_invalid_callback' })
    expect(outcomeOf(`state=${STATE}&code=`)).toMatchObject({ code: 'sso_invalid_callback' })
  })
})

describe('the implicit grant', () => {
  it('yields the ID token, the access token, or both', () => {
    expect(outcomeOf(`state=${STATE}&id_token=i.d.t`, 'token')).toEqual({ kind: 'token', idToken: 'i.d.t' })
    expect(outcomeOf(`state=${STATE}&access_token=at`, 'token')).toEqual({ kind: 'token', accessToken: 'at' })
    expect(outcomeOf(`state=${STATE}&id_token=i.d.t&access_token=at`, 'token')).toEqual({ kind: 'token', idToken: 'i.d.t', accessToken: 'at' })
  })

  it('an answer with no token, or only empty ones, is not a valid answer', () => {
    expect(outcomeOf(`state=${STATE}&code=abc`, 'token')).toMatchObject({ code: 'sso_invalid_callback' })
    expect(outcomeOf(`state=${STATE}&id_token=&access_token=`, 'token')).toMatchObject({ code: 'sso_invalid_callback' })
  })
})

describe('the provider’s errors', () => {
  it.each([
    'The user cancelled the sign-in',
    'the user canceled the sign-in.',
    'End-user aborted interaction',
    'User cancelled login',
    'user canceled',
    'User cancelled the authentication',
    '  AADB2C90091: The user has cancelled entering self-asserted information. '
  ])('access_denied worded as a cancel (“%s”) is the person cancelling', (words) => {
    expect(outcomeOf(`state=${STATE}&error=access_denied&error_description=${encodeURIComponent(words)}`)).toMatchObject({ code: 'sso_cancelled' })
  })

  it('a cancel on the provider’s page says so: the person cancelled there, not in the app', () => {
    const reading = read(`state=${STATE}&error=access_denied&error_description=${encodeURIComponent('End-user aborted interaction')}`)
    expect(reading.kind === 'answer' && !reading.outcome.ok && reading.outcome.error.explanation).toBe(
      'You cancelled on your company’s sign-in page. Nothing was changed.'
    )
  })

  it.each(['Not a member of this app', 'The user cancelled the sign-in and more', 'xUser cancelled'])(
    'access_denied worded otherwise (“%s”) is a refusal, with the provider’s words',
    (words) => {
      expect(outcomeOf(`state=${STATE}&error=access_denied&error_description=${encodeURIComponent(words)}`)).toEqual({
        code: 'sso_access_denied',
        serverMessage: words
      })
    }
  )

  it('access_denied without words is a refusal without server words', () => {
    expect(outcomeOf(`state=${STATE}&error=access_denied`)).toEqual({ code: 'sso_access_denied', serverMessage: undefined })
  })

  it('another error names the error and the provider’s words, each cut to a bound', () => {
    expect(outcomeOf(`state=${STATE}&error=server_error&error_description=down`)).toEqual({ code: 'sso_provider_error', serverMessage: 'server_error: down' })
    expect(outcomeOf(`state=${STATE}&error=${'e'.repeat(400)}`)).toEqual({ code: 'sso_provider_error', serverMessage: 'e'.repeat(300) })
    expect(outcomeOf(`state=${STATE}&error=${'e'.repeat(100)}&error_description=${'d'.repeat(400)}`)).toEqual({
      code: 'sso_provider_error',
      serverMessage: `${'e'.repeat(60)}: ${'d'.repeat(300)}`
    })
  })

  it('an error wins over a code in the same answer', () => {
    expect(outcomeOf(`state=${STATE}&error=server_error&code=abc`)).toMatchObject({ code: 'sso_provider_error' })
  })
})

describe('what counts as an authorization answer at all', () => {
  it.each(['state=x', 'code=x', 'error=x', 'id_token=x', 'access_token=x'])('a request carrying %s is one', (query) => {
    expect(isAuthorizationAnswer(new URLSearchParams(query))).toBe(true)
  })

  it('a request carrying none of them (a favicon, a probe) is not', () => {
    expect(isAuthorizationAnswer(new URLSearchParams('foo=1&session_state=x'))).toBe(false)
  })
})
