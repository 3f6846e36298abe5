import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { methodLabel } from '../../../src/shared/method-label'
import { deactivationRequestSchema } from '../../../src/shared/request'
import { invalidRequest, requestIssues, validateDeactivation, validateOfflineRequest, validateSsoSignIn } from '../../../src/shared/validation'

/*
 * The one definition of a valid request (src/shared/request.ts), as a caller meets it: which
 * requests pass, and what a person reads about each one that does not.
 */

const refusal = (outcome: { ok: true } | { ok: false; error: { field?: string; explanation: string } }) =>
  outcome.ok ? 'accepted' : { field: outcome.error.field, explanation: outcome.error.explanation }

describe('a deactivation request', () => {
  it.each([
    ['a licence key', { method: 'license-key', licenseKey: 'AAAA-BBBB' }],
    ['a username and password', { method: 'user', username: 'u@example.test', password: 'pw' }],
    ['an ID token from the company sign-in', { method: 'sso-token', idToken: 'a.b.c', customerAccountCode: 'acme' }],
    [
      'a sign-in code, with or without its redirect URI',
      { method: 'sso-code', code: 'abc', customerAccountCode: 'acme', redirectUri: 'http://127.0.0.1:5000/cb' }
    ],
    ['a sign-in code without its redirect URI', { method: 'sso-code', code: 'abc', customerAccountCode: 'acme' }]
  ])('is accepted with %s', (_name, credentials) => {
    expect(validateDeactivation({ product: 'office-suite', credentials })).toEqual({ ok: true, value: { product: 'office-suite', credentials } })
  })

  it('with no or an unknown way to prove the licence asks for one of the four, at the credentials', () => {
    const words = { field: 'credentials', explanation: 'Give a licence key, a username and password, or a company sign-in. Nothing was sent.' }
    expect(refusal(validateDeactivation({ product: 'office-suite', credentials: { method: 'magic' } }))).toEqual(words)
    expect(refusal(validateDeactivation({ product: 'office-suite', credentials: {} }))).toEqual(words)
  })

  it('names a field it does not know, beside the request or inside its credentials, instead of ignoring it', () => {
    expect(refusal(validateDeactivation({ product: 'p', credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB', sharedKey: 's' } }))).toMatchObject({
      field: 'sharedKey'
    })
    expect(
      refusal(validateDeactivation({ product: 'p', url: 'https://evil.example', credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB' } }))
    ).toMatchObject({
      field: 'url'
    })
  })

  it('takes a PC and a licence id beside the credentials, the licence id as a number', () => {
    expect(
      validateDeactivation({ product: 'p', hardwareId: 'pc-1', licenseId: '12', credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB' } })
    ).toMatchObject({
      ok: true,
      value: { hardwareId: 'pc-1', licenseId: 12 }
    })
  })
})

describe('a licence id', () => {
  const withId = (licenseId: unknown) => ({ product: 'p', licenseId, credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB' } })
  const said = (licenseId: unknown) => refusal(validateDeactivation(withId(licenseId)))

  it('is taken as typed digits (spaces around them dropped) or as a number, up to the largest whole number JavaScript counts exactly', () => {
    expect(validateDeactivation(withId(' 12 '))).toMatchObject({ ok: true, value: { licenseId: 12 } })
    expect(validateDeactivation(withId(Number.MAX_SAFE_INTEGER))).toMatchObject({ ok: true, value: { licenseId: Number.MAX_SAFE_INTEGER } })
  })

  it('that is not a whole number, not above zero, or too large is refused in words', () => {
    for (const id of ['12a', '1.5', 1.5, true])
      expect(said(id), String(id)).toEqual({ field: 'licenseId', explanation: 'Licence id must be a whole number. Nothing was sent.' })
    for (const id of [0, -3, '0'])
      expect(said(id), String(id)).toEqual({ field: 'licenseId', explanation: 'Licence id must be a positive number. Nothing was sent.' })
    expect(said(Number.MAX_SAFE_INTEGER + 1)).toEqual({ field: 'licenseId', explanation: 'Licence id is too large. Nothing was sent.' })
    expect(said(String(Number.MAX_SAFE_INTEGER + 1))).toEqual({ field: 'licenseId', explanation: 'Licence id is too large. Nothing was sent.' })
  })
})

describe('a browser sign-in request', () => {
  const signIn = { product: 'office-suite', customerAccountCode: 'acme' }

  it.each(['code', 'token'])('is accepted for the %s grant, with a fresh sign-in asked for or not', (grant) => {
    expect(validateSsoSignIn({ ...signIn, grant }).ok).toBe(true)
    expect(validateSsoSignIn({ ...signIn, grant, freshSignIn: true, hardwareId: 'pc-1', licenseId: 3 })).toMatchObject({
      ok: true,
      value: { grant, freshSignIn: true }
    })
  })

  it('of another kind is refused in words, at the grant', () => {
    expect(refusal(validateSsoSignIn({ ...signIn, grant: 'password' }))).toEqual({
      field: 'grant',
      explanation: 'The sign-in kind must be "code" or "token". Nothing was sent.'
    })
  })

  it('with a fresh sign-in choice that is not true or false is refused in words', () => {
    expect(refusal(validateSsoSignIn({ ...signIn, grant: 'code', freshSignIn: 'yes' }))).toEqual({
      field: 'freshSignIn',
      explanation: 'The fresh sign-in choice must be true or false. Nothing was sent.'
    })
  })
})

describe('a request for a request file', () => {
  it('is accepted with a licence key or a username alone', () => {
    expect(validateOfflineRequest({ product: 'p', credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB' } }).ok).toBe(true)
    expect(validateOfflineRequest({ product: 'p', hardwareId: 'pc-1', credentials: { method: 'user', username: 'u@example.test' } }).ok).toBe(true)
  })

  it('never takes a password: a file must not hold one', () => {
    expect(refusal(validateOfflineRequest({ product: 'p', credentials: { method: 'user', username: 'u@example.test', password: 'pw' } }))).toMatchObject({
      field: 'password'
    })
  })

  it('with a company sign-in asks for the licence key or the username, and says nothing was written', () => {
    expect(refusal(validateOfflineRequest({ product: 'p', credentials: { method: 'sso-token', idToken: 'a.b.c', customerAccountCode: 'acme' } }))).toEqual({
      field: 'credentials',
      explanation: 'Give the licence key or the username of the licence. Nothing was written.'
    })
  })
})

it('each way to prove the licence has its own name for people', () => {
  const methods = ['license-key', 'user', 'sso-token', 'sso-code'] as const
  expect(Object.fromEntries(methods.map((method) => [method, methodLabel(method)]))).toEqual({
    'license-key': 'Licence key',
    user: 'Username and password',
    'sso-token': 'Company sign-in with an ID token',
    'sso-code': 'Company sign-in in the browser'
  })
})

describe('each problem where the window shows it', () => {
  const issuesOf = (raw: unknown) => {
    const parsed = deactivationRequestSchema.safeParse(raw)
    return parsed.success ? [] : requestIssues(parsed.error.issues)
  }

  it('a field the app does not know is placed where it sits, inside the credentials', () => {
    expect(issuesOf({ product: 'p', credentials: { method: 'license-key', licenseKey: 'AAAA-BBBB', sharedKey: 's' } })).toEqual([
      { field: 'sharedKey', path: ['credentials', 'sharedKey'], message: 'The request has a field the app does not know (sharedKey).' }
    ])
  })

  it('a request that is no object at all is named as such, at the request itself', () => {
    for (const raw of ['office-suite', 42, null, [{ product: 'p' }]])
      expect(issuesOf(raw), JSON.stringify(raw)).toEqual([{ field: 'request', path: [], message: 'The request is not an object.' }])
  })

  it('any other problem with the whole request keeps its own words', () => {
    const parsed = z
      .string()
      .check(z.minLength(5, { error: 'Too short.' }))
      .safeParse('abc')
    expect(parsed.success ? [] : requestIssues(parsed.error.issues)).toEqual([{ field: 'request', path: [], message: 'Too short.' }])
  })

  it('a refusal without any named problem still refuses, at the request, saying nothing was sent', () => {
    expect(invalidRequest([])).toMatchObject({ code: 'invalid_input', field: 'request', explanation: 'The request is not valid. Nothing was sent.' })
  })
})

describe('each field at its edges, in the words the window shows', () => {
  const key = { method: 'license-key', licenseKey: 'AAAA-BBBB' }
  const words = (raw: unknown) => refusal(validateDeactivation(raw))

  it('a bundle code that is missing, not text or only spaces is asked for by name', () => {
    for (const product of [undefined, 42, '   '])
      expect(words({ product, credentials: key }), String(product)).toEqual({ field: 'product', explanation: 'Bundle code is required. Nothing was sent.' })
  })

  it('a value exactly at its field’s limit is taken; one character more is refused', () => {
    expect(validateDeactivation({ product: 'p'.repeat(128), credentials: key }).ok).toBe(true)
    expect(words({ product: 'p'.repeat(129), credentials: key })).toEqual({
      field: 'product',
      explanation: 'Bundle code is longer than 128 characters. Nothing was sent.'
    })
  })

  describe('the redirect URI a sign-in code was issued for', () => {
    const withRedirect = (redirectUri: unknown) => ({
      product: 'p',
      credentials: { method: 'sso-code', code: 'abc', customerAccountCode: 'acme', redirectUri }
    })
    const refused = { field: 'redirectUri', explanation: 'The redirect URI must be the http(s) address the sign-in returned to. Nothing was sent.' }

    it('is taken up to 2048 characters', () => {
      const uri = 'http://127.0.0.1:5000/cb?x='
      expect(validateDeactivation(withRedirect(uri + 'a'.repeat(2048 - uri.length))).ok).toBe(true)
      expect(words(withRedirect(uri + 'a'.repeat(2049 - uri.length)))).toEqual(refused)
    })

    it('anything but an http(s) address is refused in words: no text, another scheme, http only inside it', () => {
      for (const uri of [42, 'ftp://127.0.0.1/cb', 'custom:http://127.0.0.1:5000/cb', 'http://']) expect(words(withRedirect(uri)), String(uri)).toEqual(refused)
    })
  })
})
