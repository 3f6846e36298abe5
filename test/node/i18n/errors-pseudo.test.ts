import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/main/engine/config'
import { MAX_REQUEST_FILE_BYTES } from '../../../src/main/engine/offline/request-file'
import { prefillFromArgv } from '../../../src/main/electron/prefill-argv'
import { parseDeactivateArgs, parseLanguageArgs, parseNoArgs, parseOfflineContentArgs } from '../../../src/main/electron/ipc-payloads'
import { parsePrefillLink } from '../../../src/shared/helpdesk/prefill-link'
import type { Outcome } from '../../../src/shared/outcome'
import {
  adviseForCommandLine,
  adviseForRead,
  COMMAND_LINE_INPUT_ACTION,
  describeError,
  describeServerError,
  ERROR_CATALOGUE,
  SUCCESS,
  UNKNOWN_SERVER_ERROR,
  whileAsking,
  type CaseWords,
  type KnownErrorCode
} from '../../../src/shared/errors'
import { setTranslator } from '../../../src/shared/i18n/current'
import { ENGLISH } from '../../../src/shared/i18n/english'
import { PSEUDO_LANGUAGE } from '../../../src/shared/i18n/languages'
import { createTranslator } from '../../../src/shared/i18n/translator'

/*
 * With the pseudo-locale set, every word of the catalogue comes out accented and bracketed: a word
 * left in the code instead of the errors messages would come out in plain English.
 */

const speakPseudo = () => setTranslator(createTranslator(PSEUDO_LANGUAGE, ENGLISH, ENGLISH))

/** A whole message of the pseudo-locale: bracketed, and no plain ASCII letter left in it. */
const PSEUDO_WHOLE = /^\[[^A-Za-z]+\]$/
/** A message of the pseudo-locale around values the caller gave (which stay as given). */
const PSEUDO_AROUND = /^\[.*\]$/s

const CODES = Object.keys(ERROR_CATALOGUE) as KnownErrorCode[]

describe('the error catalogue in the pseudo-locale', () => {
  it('every entry’s title, explanation, action, command-line action and case words come from the errors messages', () => {
    speakPseudo()
    let checked = 0
    for (const code of CODES) {
      const entry = ERROR_CATALOGUE[code]
      const words: Array<[string, string | undefined]> = [
        ['title', entry.title],
        ['explanation', entry.explanation],
        ['action', entry.action],
        ['command-line action', 'commandLineAction' in entry ? entry.commandLineAction : undefined]
      ]
      if ('cases' in entry) {
        for (const [name, c] of Object.entries<CaseWords>(entry.cases)) words.push([`${name}.explanation`, c.explanation], [`${name}.action`, c.action])
      }
      for (const [part, text] of words) {
        if (text === undefined) continue
        expect(text, `${code} ${part}`).toMatch(PSEUDO_WHOLE)
        checked++
      }
    }
    // Every entry has its three, and the entries with cases or command-line words add theirs.
    expect(checked).toBeGreaterThan(CODES.length * 3)
  })

  it('the unknown server code and the success have their words there too', () => {
    speakPseudo()
    for (const text of [UNKNOWN_SERVER_ERROR.title, UNKNOWN_SERVER_ERROR.explanation, UNKNOWN_SERVER_ERROR.action, SUCCESS.title, SUCCESS.explanation]) {
      expect(text).toMatch(PSEUDO_WHOLE)
    }
    expect(describeServerError('no_such_code', { status: 400 }).explanation).toMatch(PSEUDO_WHOLE)
    expect(describeServerError('no_such_code', { status: 400, serverMessage: 'Nope' }).explanation).toMatch(PSEUDO_WHOLE)
  })

  it('words made from a detail are whole messages of the language, with the detail’s values as given', () => {
    speakPseudo()
    const worded = [
      describeError('invalid_input', { detail: { problem: 'Xyz.', nothing: 'written' } }).explanation,
      describeError('prefill_link_invalid', { detail: { problem: 'Xyz.' } }).explanation,
      describeError('config_invalid', { detail: { problem: 'Xyz.', example: 'https://x.example' } }).explanation,
      describeError('offline_file_too_large', { detail: { reason: 'Xyz.' } }).explanation,
      describeError('offline_file_wrong_type', { detail: { reason: 'Xyz.', case: 'activation-request' } }).explanation,
      describeError('sso_port_in_use', { detail: { address: '127.0.0.1:3333', cause: 'EACCES' } }).explanation,
      describeError('sso_port_in_use', { detail: { address: 'localhost:3333', localhost: ['127.0.0.1', '::1'], cause: 'EADDRINUSE' } }).explanation,
      whileAsking('oauth-token-server', describeError('timeout')).explanation,
      COMMAND_LINE_INPUT_ACTION.correct('--bundle')
    ]
    for (const text of worded) {
      expect(text).toMatch(PSEUDO_AROUND)
      // Only the values are left in plain letters (and Intl's list word: the pseudo-locale formats as English).
      expect(text.replace(/Xyz|x\.example|https|EACCES|--bundle|localhost| and /g, '')).not.toMatch(/[A-Za-z]{2}/)
    }
    for (const advice of ['cli-sandbox', 'given-option'] as const) {
      expect(describeError('config_invalid', { detail: { problem: 'Xyz.', advice: { kind: advice } } }).action).toMatch(PSEUDO_WHOLE)
    }
    expect(describeError('help_page_not_opened', { detail: { configured: false } }).explanation).toMatch(PSEUDO_WHOLE)
  })

  it('the words for a read and for the command line are the language’s own', () => {
    speakPseudo()
    for (const code of ['timeout', 'internal_error', 'unexpected_response', 'response_too_large', 'app_internal_error'] as const) {
      const read = adviseForRead(describeError(code))
      expect(read.explanation, code).toMatch(PSEUDO_WHOLE)
      expect(read.action, code).toMatch(PSEUDO_WHOLE)
      expect(read.explanation, code).not.toBe(describeError(code).explanation)
    }
    expect(adviseForCommandLine(describeError('device_not_found')).action).toBe(ERROR_CATALOGUE.device_not_found.commandLineAction)
    expect(ERROR_CATALOGUE.device_not_found.commandLineAction).toMatch(PSEUDO_WHOLE)
  })
})

describe('a refused configuration in the pseudo-locale', () => {
  /** The text with the given values taken out. */
  const without = (text: string, values: readonly string[]): string => values.reduce((rest, value) => rest.split(value).join(''), text)

  it('words the problem, the example and the advice as messages: only the setting’s name and the values stay as given', () => {
    speakPseudo()
    const dir = mkdtempSync(join(tmpdir(), 'lm-pseudo-config-'))
    const file = join(dir, 'config.json')
    writeFileSync(file, JSON.stringify({ timeoutMs: 0 }))
    const cases: Array<[string, ReturnType<typeof loadConfig>, string, readonly string[]]> = [
      ['a variable', loadConfig({ env: { LM_TIMEOUT_MS: '0' } }), 'LM_TIMEOUT_MS', ['LM_TIMEOUT_MS']],
      ['a key of the file', loadConfig({ env: {}, file }), 'config file field "timeoutMs"', ['timeoutMs']],
      ['a logo that is a folder', loadConfig({ env: { LM_LOGO: dir } }), 'LM_LOGO', ['LM_LOGO', dir, '"logo.svg"', '"logo.png"']],
      [
        'a faint accent colour',
        loadConfig({ env: { LM_ACCENT_COLOR: '#eeeeee' } }),
        'LM_ACCENT_COLOR',
        ['LM_ACCENT_COLOR', '"#2f6fde"', '{"light": "#6b2fa3", "dark": "#c39bff"}', '"#6b2fa3,#c39bff"']
      ],
      [
        'a key with a space',
        loadConfig({ env: { LM_API_URL: 'https://api.example.com/', LM_API_KEY: 'a b', LM_SHARED_KEY: 'shared-key' } }),
        'LM_API_KEY',
        ['LM_API_KEY', '"0f8e2a1c-5b7d-4c3e-9a6f-1d2b3c4e5f60"']
      ]
    ]
    for (const [name, outcome, field, values] of cases) {
      expect(outcome.ok, name).toBe(false)
      if (outcome.ok) continue
      const error = outcome.error
      expect(error.code, name).toBe('config_invalid')
      // The field stays language-neutral (JSON, diagnostics); the sentence names the setting.
      expect(error.field, name).toBe(field)
      expect(error.title, name).toMatch(PSEUDO_WHOLE)
      expect(error.action, name).toMatch(PSEUDO_WHOLE)
      expect(error.explanation, name).toMatch(PSEUDO_AROUND)
      for (const value of values) expect(error.explanation, name).toContain(value)
      expect(without(error.explanation, values), name).not.toMatch(/[A-Za-z]{2}/)
    }
  })
})

describe('refusals worded outside the catalogue, in the pseudo-locale', () => {
  const explanationOf = (outcome: Outcome<unknown>): string => (outcome.ok ? '' : outcome.error.explanation)
  /** Only what the code hands in as a value (names, lists, limits) may stay in plain letters. */
  const plainLeft = (text: string, values: readonly string[]): string =>
    values
      .reduce((rest, value) => rest.split(value).join(''), text)
      .match(/[A-Za-z]{2,}/g)
      ?.join(' ') ?? ''

  it('a helpdesk link’s refusal is a message of the language around the names it gives', () => {
    speakPseudo()
    const values = ['product, method, account', 'license-key, user, sso-code, sso-token', 'license-manager://deactivate?', 'method']
    for (const link of [
      'license-manager://deactivate?licenseKey=K',
      'license-manager://deactivate?method=user&method=user',
      'license-manager://deactivate?product=-x',
      'license-manager://deactivate?method=magic',
      'license-manager://deactivate?account=-x',
      `license-manager://deactivate?product=${'a'.repeat(2048)}`,
      'deactivate?product=x',
      'license-manager://activate?product=x',
      'license-manager://deactivate?product=x#y'
    ]) {
      const explanation = explanationOf(parsePrefillLink(link))
      expect(explanation, link).toMatch(PSEUDO_AROUND)
      expect(plainLeft(explanation, values), link).toBe('')
    }
    const twoLinks = prefillFromArgv(['app', 'license-manager://deactivate?product=a', '--prefill-product=b'])
    expect(twoLinks && explanationOf(twoLinks)).toMatch(PSEUDO_AROUND)
    expect(plainLeft(twoLinks ? explanationOf(twoLinks) : '', [])).toBe('')
  })

  it('a window call with the wrong payload is refused in words of the language', () => {
    speakPseudo()
    for (const outcome of [
      parseDeactivateArgs([]),
      parseNoArgs([{}]),
      parseLanguageArgs([{ language: 'xx' }]),
      parseLanguageArgs([{ language: 7 }]),
      parseOfflineContentArgs([{ content: 7 }]),
      parseOfflineContentArgs([{ content: 'x'.repeat(MAX_REQUEST_FILE_BYTES + 1) }])
    ]) {
      const explanation = explanationOf(outcome)
      expect(explanation).toMatch(PSEUDO_AROUND)
      expect(plainLeft(explanation, [])).toBe('')
    }
  })
})
