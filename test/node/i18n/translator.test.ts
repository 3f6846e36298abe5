import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from '@formatjs/icu-messageformat-parser'
import { createTranslator, type Translator } from '../../../src/shared/i18n/translator'
import { pickLanguage, posixLocaleToTag } from '../../../src/shared/i18n/languages'
import { pseudoMessage } from '../../../src/shared/i18n/pseudo-locale'
import { commandLineLanguage } from '../../../src/cli/language'
import type { MessageKey } from '../../../src/shared/i18n/message-params'

// Tables keyed like the real files; the keys below exist in the English files, so the types hold.
const LABEL = 'common.method.user' satisfies MessageKey
const OTHER = 'common.method.license-key' satisfies MessageKey

/** These tests give real keys made-up messages, with values the real ones do not take. */
const say = (translator: Translator, key: MessageKey, values: Record<string, unknown>): string =>
  (translator.t as unknown as (k: MessageKey, v: Record<string, unknown>) => string)(key, values)

describe('a translator', () => {
  it('takes a message the language lacks from English, per message: never a key', () => {
    const de = createTranslator('de', { [LABEL]: 'Benutzername und Passwort' }, { [LABEL]: 'Username and password', [OTHER]: 'Licence key' })
    expect(de.t(LABEL)).toBe('Benutzername und Passwort')
    expect(de.t(OTHER)).toBe('Licence key')
  })

  it('formats plurals, numbers and dates for its language', () => {
    const key = LABEL
    const en = createTranslator('en', {}, { [key]: '{n, plural, one {# seat} other {# seats}} since {when, date, long}' })
    const de = createTranslator('de', { [key]: '{n, plural, one {# Platz} other {# Plätze}} seit {when, date, long}' }, {})
    const ja = createTranslator('ja', { [key]: '{n, number} 席（{when, date, long}以降）' }, {})
    const when = new Date(Date.UTC(2026, 11, 7, 12))
    const values = { n: 1234, when }
    expect(say(en, key, values)).toBe('1,234 seats since December 7, 2026')
    expect(say(de, key, values)).toBe('1.234 Plätze seit 7. Dezember 2026')
    expect(say(ja, key, values)).toBe('1,234 席（2026年12月7日以降）')
  })

  it('the pseudo-locale is English accented, bracketed and about 40 % longer, with values and plural keys untouched', () => {
    const pseudo = createTranslator('en-XA', {}, { [LABEL]: 'Deactivate {bundle} on {n, plural, one {# PC} other {# PCs}}' })
    const text = say(pseudo, LABEL, { bundle: 'office-suite', n: 2 })
    expect(text).toMatch(/^\[.*\]$/)
    expect(text).toContain('office-suite')
    expect(text).toContain('2 ÞÇš')
    expect(text).not.toMatch(/Deactivate/)
  })

  it('pseudo-locale text adds 40 % of its letters’ count, and two brackets, to any English text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z ,.]{0,80}$/), (english) => {
        const pseudo = createTranslator('en-XA', {}, { [LABEL]: english })
        const letters = english.replace(/[^A-Za-z]/g, '').length
        expect(pseudo.t(LABEL).length).toBe(english.length + 2 + Math.round(letters * 0.4))
      })
    )
  })

  it('pseudo messages keep every placeholder of the English one', () => {
    const elements = parse('Hello {name}, you have {count, plural, one {# licence} other {# licences}} <b>here</b>')
    const json = JSON.stringify(pseudoMessage(elements))
    for (const name of ['"name"', '"count"', '"b"']) expect(json).toContain(name)
  })
})

describe('which language', () => {
  it('picks the first preferred language the app speaks, by tag then by language', () => {
    expect(pickLanguage(['de-AT', 'en-US'])).toBe('de')
    expect(pickLanguage(['pt-BR', 'fr-CA', 'en'])).toBe('fr')
    expect(pickLanguage(['ja-JP'])).toBe('ja')
    expect(pickLanguage(['pt-BR', 'zh-CN'])).toBe('en')
    expect(pickLanguage([])).toBe('en')
  })

  it('a vendor can limit the languages: the first allowed one stands in when none is preferred', () => {
    expect(pickLanguage(['de-DE'], ['en', 'fr'])).toBe('en')
    expect(pickLanguage(['es-ES'], ['fr', 'de'])).toBe('fr')
  })

  it('POSIX locale names become tags; C and POSIX name no language', () => {
    expect(posixLocaleToTag('de_DE.UTF-8')).toBe('de-DE')
    expect(posixLocaleToTag('fr_CA@euro')).toBe('fr-CA')
    expect(posixLocaleToTag('C')).toBeUndefined()
    expect(posixLocaleToTag('POSIX')).toBeUndefined()
    expect(posixLocaleToTag('')).toBeUndefined()
  })

  it('the command line: --lang, then LC_ALL, LC_MESSAGES, LANG; --json speaks English', () => {
    expect(commandLineLanguage(['status', '--lang', 'ja'], { LANG: 'de_DE.UTF-8' })).toBe('ja')
    expect(commandLineLanguage(['status', '--lang=fr'], {})).toBe('fr')
    expect(commandLineLanguage(['status'], { LC_ALL: 'es_ES.UTF-8', LC_MESSAGES: 'de_DE', LANG: 'fr_FR' })).toBe('es')
    expect(commandLineLanguage(['status'], { LC_MESSAGES: 'de_DE', LANG: 'fr_FR' })).toBe('de')
    expect(commandLineLanguage(['status'], { LANG: 'fr_FR.UTF-8' })).toBe('fr')
    expect(commandLineLanguage(['status'], { LANG: 'C.UTF-8' })).toBe('en')
    expect(commandLineLanguage(['status', '--json'], { LANG: 'de_DE.UTF-8' })).toBe('en')
  })
})
