import { describe, expect, it } from 'vitest'
import { parseDeactivateArgs, parseLanguageArgs, parseNoArgs, parseOfflineContentArgs } from '../../../src/main/electron/ipc-payloads'
import { success, type Outcome } from '../../../src/shared/outcome'

/*
 * What the shell answers a window call whose payload is not the one its channel takes: the
 * words the window shows, and that nothing goes further. (test/node/electron/ipc.test.ts checks
 * the same through the registered handlers.)
 */

const refusal = (outcome: Outcome<unknown>) => (outcome.ok ? undefined : { field: outcome.error.field, explanation: outcome.error.explanation })

describe('a call that takes one object', () => {
  it('sent none, or two, is refused as not exactly one object, and nothing is sent', () => {
    const key = { product: 'office-suite', credentials: { method: 'license-key', licenseKey: 'KEY' } }
    for (const args of [[], [key, key]])
      expect(refusal(parseDeactivateArgs(args))).toEqual({ field: 'request', explanation: 'The request must be exactly one object. Nothing was sent.' })
  })
})

describe('a call that takes no data', () => {
  it('is answered when sent nothing, or the one undefined a call without arguments can arrive as', () => {
    expect(parseNoArgs([])).toEqual(success(null))
    expect(parseNoArgs([undefined])).toEqual(success(null))
  })

  it('refuses anything sent along, also data smuggled after an undefined first argument', () => {
    for (const args of [[{ anything: 1 }], [undefined, { anything: 1 }], [undefined, undefined], [null]])
      expect(refusal(parseNoArgs(args)), JSON.stringify(args)).toEqual({ field: 'request', explanation: 'This call takes no data. Nothing was sent.' })
  })
})

describe('the language the window asks for', () => {
  it('is one of the app’s languages', () => {
    expect(parseLanguageArgs([{ language: 'de' }])).toEqual(success({ language: 'de' }))
    expect(parseLanguageArgs([{ language: 'ja' }])).toEqual(success({ language: 'ja' }))
  })

  it('anything else is refused in words: a language the app does not speak, no text, or a field beside it', () => {
    expect(refusal(parseLanguageArgs([{ language: 'xx' }]))).toEqual({
      field: 'language',
      explanation: 'The language is not one this app speaks. Nothing was sent.'
    })
    expect(refusal(parseLanguageArgs([{ language: 42 }]))).toEqual({
      field: 'language',
      explanation: 'The language is not in the expected form. Nothing was sent.'
    })
    expect(refusal(parseLanguageArgs([{ language: 'de', path: '/etc' }]))).toMatchObject({ field: 'path' })
    expect(refusal(parseLanguageArgs([]))).toMatchObject({ field: 'request' })
  })
})

describe('a request file’s content the window hands over', () => {
  it('that is no text, or longer than any request file can be, is refused in words', () => {
    expect(refusal(parseOfflineContentArgs([{ content: 42 }]))).toEqual({
      field: 'content',
      explanation: 'The request file is not in the expected form. Nothing was sent.'
    })
    expect(refusal(parseOfflineContentArgs([{ content: 'A'.repeat(64 * 1024 + 1) }]))).toEqual({
      field: 'content',
      explanation: 'The request file is too long. Nothing was sent.'
    })
  })
})
