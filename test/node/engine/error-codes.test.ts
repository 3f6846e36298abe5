import { describe, expect, expectTypeOf, it } from 'vitest'
import { redirectAnswerError } from '../../../src/main/engine/errors/map-response'
import { loopbackRedirect } from '../../../src/main/engine/sso/sign-in-url'
import {
  adviseForMethod,
  describeError,
  describeServerError,
  ERROR_CATALOGUE,
  whileAsking,
  type DetailOf,
  type KnownErrorCode
} from '../../../src/shared/errors'

/*
 * Type-level: `npm run typecheck` compiles this file, and the `@ts-expect-error` below fails the
 * check the day a misspelt code compiles again.
 */

describe('error codes are a type', () => {
  it('describeError takes only catalogue codes; a misspelt one does not compile', () => {
    expectTypeOf(describeError).parameter(0).toEqualTypeOf<KnownErrorCode>()
    // @ts-expect-error "device_not_foud" is not a catalogue code
    expect(() => describeError('device_not_foud')).toThrow()
    expect(describeError('device_not_found').title).toBe(ERROR_CATALOGUE.device_not_found.title)
  })

  it('an entry that names a detail takes it typed, and words the explanation itself', () => {
    expect(describeError('invalid_input', { field: 'product', detail: { problem: 'Bundle code is required.', nothing: 'sent' } })).toMatchObject({
      field: 'product',
      explanation: 'Bundle code is required. Nothing was sent.'
    })
    expect(describeError('prefill_link_invalid', { detail: { problem: 'The link is not a valid address.' } }).explanation).toBe(
      'The link is not a valid address. Nothing was filled in.'
    )
    // @ts-expect-error invalid_input words its explanation from the detail; it is not overridden by hand
    void describeError('invalid_input', { explanation: 'Something else.' })
    // @ts-expect-error the detail has the entry's own type
    void describeError('config_invalid', { detail: { problem: 'x', nothing: 'sent' } })
  })

  it('no caller gives its own words: neither an explanation nor an action compiles, for any entry', () => {
    // Compiled, never run: the type check is the test.
    const refusedByTheCompiler = () => {
      // @ts-expect-error an entry without a detail takes no words either
      void describeError('ipc_forbidden', { explanation: 'Something else.' })
      // @ts-expect-error the action is the catalogue's too
      void describeError('dns_failure', { action: 'Do something else.' })
      // @ts-expect-error the server mapper takes facts, not words
      void describeServerError('device_not_found', { explanation: 'Something else.' })
      // @ts-expect-error a case the entry does not word
      void describeError('sso_cancelled', { detail: { where: 'somewhere-else' } })
      // @ts-expect-error a detail for an entry that names none
      void describeError('busy', { detail: { problem: 'x' } })
    }
    expect(refusedByTheCompiler).toBeTypeOf('function')
    expectTypeOf<DetailOf<'dns_failure'>>().toEqualTypeOf<{ resolver: 'no-such-name' | 'no-name-server' }>()
    expectTypeOf<DetailOf<'license_not_found'>>().toEqualTypeOf<{ method: 'license-key' | 'user' | 'sso-token' | 'sso-code' }>()
    expectTypeOf<DetailOf<'busy'>>().toBeNever()
  })

  it('a case of an entry has its own words; without a detail the entry’s own words stand', () => {
    expect(describeError('dns_failure', { detail: { resolver: 'no-such-name' } })).toMatchObject({
      title: ERROR_CATALOGUE.dns_failure.title,
      explanation: 'The name server answered that no server has this name: this PC reaches the network, and the server address is probably mistyped.',
      action: 'Ask whoever set up this app to check the server address.'
    })
    expect(describeError('dns_failure')).toMatchObject({ explanation: ERROR_CATALOGUE.dns_failure.explanation, action: ERROR_CATALOGUE.dns_failure.action })
    // A case that words only the explanation keeps the entry's action.
    expect(describeError('sso_cancelled', { detail: { where: 'provider-page' } }).action).toBe(ERROR_CATALOGUE.sso_cancelled.action)
    expect(describeError('config_invalid', { detail: { problem: 'LM_API_URL is not a valid URL.' } }).action).toBe(ERROR_CATALOGUE.config_invalid.action)
    expect(
      describeError('config_invalid', { detail: { problem: 'LM_API_URL is not a valid URL.', example: '"https://api.licensespring.com/api/v4/"' } })
    ).toMatchObject({
      explanation: 'LM_API_URL is not a valid URL. A valid value looks like "https://api.licensespring.com/api/v4/".',
      action: ERROR_CATALOGUE.config_invalid.action
    })
    expect(describeError('config_invalid', { detail: { problem: 'No server.', advice: { kind: 'cli-sandbox' } } }).action).toContain('npm run sandbox')
    expect(describeError('sso_port_in_use', { detail: { address: '[::1]:8123', localhost: ['127.0.0.1', '[::1]'], cause: 'EADDRINUSE' } }).explanation).toBe(
      'The app must listen on [::1]:8123 (one of the addresses of localhost, 127.0.0.1 and [::1]), the address the vendor registered for sign-in, and another program is using it.'
    )
    expect(describeError('sso_port_in_use', { detail: { address: '127.0.0.1:8123', cause: 'EACCES' } }).explanation).toBe(
      'The app could not listen on 127.0.0.1:8123 for the sign-in answer (EACCES).'
    )
  })

  it('the call sites name their case and get the catalogue’s words for it', () => {
    expect(redirectAnswerError(302)).toMatchObject({
      code: 'html_error_body',
      status: 302,
      explanation: 'The answer was a redirect to another address, not the License API: a proxy, firewall or captive portal may have intercepted the request.',
      action: ERROR_CATALOGUE.html_error_body.action
    })
    expect(loopbackRedirect(new URL('https://idp.example/auth?client_id=a'))).toMatchObject({
      ok: false,
      error: { code: 'sso_redirect_not_loopback', explanation: 'The sign-in address from the server does not say where the browser should come back to.' }
    })
    expect(whileAsking('oauth-token-server', describeError('timeout')).explanation).toBe(
      `While asking the OAuth token server for an access token: ${ERROR_CATALOGUE.timeout.explanation}`
    )
  })

  it('a licence not found is worded for the login method used, keeping the server’s facts', () => {
    const fromServer = describeServerError('license_not_found', { status: 400, serverMessage: 'License not found.' })
    expect(adviseForMethod(fromServer, 'license-key')).toEqual({
      ...fromServer,
      explanation: 'No licence of this bundle has the licence key you entered.',
      action: 'Check the licence key character by character — capital and small letters are different — and that it belongs to this bundle.'
    })
    expect(adviseForMethod(fromServer, 'user')).toMatchObject({
      explanation: 'No licence of this bundle matches that username and password.',
      action: 'Check the email (username) and the password — the password is case-sensitive — and that the licence belongs to this bundle.'
    })
    for (const method of ['sso-code', 'sso-token'] as const) {
      expect(adviseForMethod(fromServer, method)).toMatchObject({
        explanation: 'You signed in, but no licence of this bundle belongs to the account you signed in with.',
        action: 'Check the bundle code, and that you signed in with the right company account: "Use another account" signs in afresh.'
      })
    }
    const other = describeServerError('device_not_found', { status: 400 })
    expect(adviseForMethod(other, 'user')).toBe(other)
  })

  it('only a server’s answer goes through a string, with the unknown-code fallback', () => {
    expect(describeServerError('device_not_found', { status: 400 })).toMatchObject({ code: 'device_not_found', title: ERROR_CATALOGUE.device_not_found.title })
    expect(describeServerError('some_new_server_code', { status: 409, serverMessage: 'Not now' })).toMatchObject({
      code: 'some_new_server_code',
      family: 'server',
      status: 409,
      title: 'The licence server refused the request',
      explanation:
        'The server answered with an error code this app does not know, so the app cannot explain it: only the server’s own message below says what went wrong.',
      serverMessage: 'Not now'
    })
    expect(describeServerError('another_new_code', { status: 400 }).explanation).toBe(
      'The server answered with an error code this app does not know, and no message, so the app cannot say what went wrong.'
    )
  })
})
