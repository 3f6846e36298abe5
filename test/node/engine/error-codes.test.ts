import { describe, expect, expectTypeOf, it } from 'vitest'
import { describeError, describeServerError, ERROR_CATALOGUE, type KnownErrorCode } from '../../../src/shared/errors'

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

  it('only a server’s answer goes through a string, with the unknown-code fallback', () => {
    expect(describeServerError('device_not_found', { status: 400 })).toMatchObject({ code: 'device_not_found', title: ERROR_CATALOGUE.device_not_found.title })
    expect(describeServerError('some_new_server_code', { status: 409, serverMessage: 'Not now' })).toMatchObject({
      code: 'some_new_server_code',
      family: 'server',
      status: 409,
      title: 'The licence server refused the request',
      explanation: 'Not now'
    })
  })
})
